import type { Leaderboard, LeaderboardEntry, LeaderboardMetric } from '../../../shared/contract/statements';
import { addMonths, monthOf, todayLocal, type Month } from '../../../shared/dates';
import { monthBounds } from '../../../shared/performance/month-range';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext } from '../core/context';
import { salesByStaff } from '../commission/credited-sales';
import { employedIn } from '../commission/employed-staff';
import { readSettingsMap, writeSetting } from '../settings/settings.repository';

const HIDDEN_KEY = 'leaderboard.hidden';

/**
 * 排行榜 (issue 19): this month or this year so far, by money collected (payments, 分成
 * applied), new contracts signed and new clients, among the 业务员 on the roster. A salesperson
 * sees everyone's rank but only their own figure; a clerk sees no money figure; the owner may
 * hide the board from everyone else.
 */
export async function getLeaderboard(
  ctx: CallContext,
  input: { period: 'month' | 'year'; asOf?: string | undefined },
): Promise<Leaderboard> {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const month = monthOf(asOf);
  const months: Month[] = [];
  for (let m = input.period === 'year' ? `${month.slice(0, 4)}-01` : month; m <= month; m = addMonths(m, 1)) months.push(m);
  const from = monthBounds(months[0]!).first;
  const hidden = (await readSettingsMap(ctx.db)).get(HIDDEN_KEY) === true;
  const canHide = ctx.actor?.role === 'owner';
  const empty: Record<LeaderboardMetric, LeaderboardEntry[]> = { collected: [], newContracts: [], newClients: [] };
  if (hidden && !canHide) return { period: input.period, from, to: asOf, hidden, canHide, boards: empty };

  const people = employedIn(ctx.sqlite, month).filter((s) => s.role === 'salesperson');
  const ids = JSON.stringify(people.map((p) => p.id));
  const collected = new Map<number, number>();
  for (const m of months)
    for (const [id, fen] of salesByStaff(ctx.sqlite, m, 'payments')) collected.set(id, (collected.get(id) ?? 0) + fen);
  const counted = (sql: string) =>
    new Map((ctx.sqlite.prepare(sql).all({ ids, from, to: asOf }) as { id: number; n: number }[]).map((r) => [r.id, r.n]));
  const contracts = counted(
    `SELECT staff_id AS id, count(*) AS n FROM contracts WHERE staff_id IN (SELECT value FROM json_each(@ids))
       AND signed_on BETWEEN @from AND @to AND status NOT IN ('draft', 'cancelled') GROUP BY staff_id`,
  );
  const clients = counted(
    `SELECT owner_staff_id AS id, count(*) AS n FROM clients WHERE owner_staff_id IN (SELECT value FROM json_each(@ids))
       AND joined_on BETWEEN @from AND @to GROUP BY owner_staff_id`,
  );
  const me = ctx.actor?.staffId ?? null;
  const role = ctx.actor?.role;
  const board = (values: ReadonlyMap<number, number>, money: boolean): LeaderboardEntry[] => {
    const sorted = people
      .map((p) => ({ staffId: p.id, code: p.code, name: p.name, v: values.get(p.id) ?? 0 }))
      .sort((a, b) => b.v - a.v || a.code.localeCompare(b.code));
    return sorted.map((p) => {
      const visible = role === 'salesperson' ? p.staffId === me : !(money && role === 'clerk');
      // Competition ranking: equal figures share a rank (1, 1, 3).
      const rank = sorted.findIndex((x) => x.v === p.v) + 1;
      return { rank, staffId: p.staffId, name: p.name, value: visible ? p.v : null, me: p.staffId === me };
    });
  };
  return {
    period: input.period,
    from,
    to: asOf,
    hidden,
    canHide,
    boards: { collected: board(collected, true), newContracts: board(contracts, false), newClients: board(clients, false) },
  };
}

export async function setLeaderboardHidden(ctx: CallContext, hidden: boolean): Promise<{ hidden: boolean }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await readSettingsMap(trx)).get(HIDDEN_KEY) === true;
    await writeSetting(trx, HIDDEN_KEY, hidden);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'leaderboard.setHidden', entity: 'settings', before: { hidden: before }, after: { hidden } },
      ctx.now(),
    );
  });
  return { hidden };
}
