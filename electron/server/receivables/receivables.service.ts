import type { z } from 'zod';
import type {
  AgingReport,
  AgingRow,
  ReceivableGroup,
  ReceivableLine,
  ReceivablesList,
  ReceivablesSummary,
  StaffReceivables,
  receivablesListSchema,
} from '../../../shared/contract/receivables';
import { addDays, weekBounds } from '../../../shared/calendar';
import { todayLocal } from '../../../shared/dates';
import { monthBounds } from '../../../shared/performance/month-range';
import { agingBucket, type AgingBucket } from '../../../shared/receivables/schedule';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext } from '../core/context';
import { isScopedToOwn } from '../clients/client-scope';
import { writeJson } from '../pool/pool-settings';
import { receivableLines } from './receivable-lines';

type ListInput = z.output<typeof receivablesListSchema>;

export const RECEIVABLES_SETTINGS_KEY = 'receivables.settings';
const DEFAULT_REMIND_DAYS = 7;

export function readReceivablesSettings(ctx: CallContext): { remindDays: number } {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(RECEIVABLES_SETTINGS_KEY) as
    { value: string } | undefined;
  const stored = row ? (JSON.parse(row.value) as { remindDays?: unknown }) : {};
  return { remindDays: typeof stored.remindDays === 'number' ? stored.remindDays : DEFAULT_REMIND_DAYS };
}

export async function updateReceivablesSettings(
  ctx: CallContext,
  input: { remindDays: number },
): Promise<{ remindDays: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = readReceivablesSettings(ctx);
    writeJson(ctx.sqlite, RECEIVABLES_SETTINGS_KEY, input);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'receivables.updateSettings', entity: 'settings', entityId: RECEIVABLES_SETTINGS_KEY, before, after: input },
      ctx.now(),
    );
    return input;
  });
}

/** The dates a view covers: 本周 Monday–Sunday, 本月, 逾期 everything due before today, or a range. */
export function viewRange(
  view: ListInput['view'],
  asOf: string,
  from?: string,
  to?: string,
): { from: string | null; to: string | null } {
  const span = (b: { first: string; last: string }) => ({ from: b.first, to: b.last });
  if (view === 'week') return span(weekBounds(asOf));
  if (view === 'month') return span(monthBounds(asOf.slice(0, 7)));
  if (view === 'overdue') return { from: null, to: addDays(asOf, -1) };
  return { from: from ?? null, to: to ?? null };
}

function group(
  lines: readonly ReceivableLine[],
  keyOf: (l: ReceivableLine) => [number | null, string, string?],
): ReceivableGroup[] {
  const groups = new Map<string, ReceivableGroup>();
  for (const l of lines) {
    const [id, name, staffName] = keyOf(l);
    const key = String(id);
    const g = groups.get(key) ?? {
      id,
      name,
      ...(staffName !== undefined && { staffName }),
      count: 0,
      outstandingFen: 0,
      maxDaysPastDue: -Infinity,
    };
    g.count++;
    g.outstandingFen += l.outstandingFen;
    g.maxDaysPastDue = Math.max(g.maxDaysPastDue, l.daysPastDue);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.outstandingFen - a.outstandingFen);
}

/** 本周/本月应收 and 逾期, with totals by salesperson and by client (a salesperson's own contracts only). */
export function listReceivables(ctx: CallContext, input: ListInput): ReceivablesList {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const range = viewRange(input.view, asOf, input.from, input.to);
  const lines = receivableLines(
    ctx.sqlite,
    {
      actor: ctx.actor,
      staffId: input.staffId,
      clientId: input.clientId,
      from: range.from ?? undefined,
      to: range.to ?? undefined,
    },
    asOf,
  );
  const ordered = input.view === 'overdue' ? [...lines].sort((a, b) => b.daysPastDue - a.daysPastDue) : lines;
  return {
    asOf,
    from: range.from,
    to: range.to,
    rows: ordered.slice(0, input.limit),
    truncated: ordered.length > input.limit,
    total: { count: lines.length, outstandingFen: lines.reduce((sum, l) => sum + l.outstandingFen, 0) },
    byStaff: group(lines, (l) => [l.staffId, l.staffName || '未分配']),
    byClient: group(lines, (l) => [l.clientId, l.clientName, l.staffName]),
  };
}

const emptyBuckets = (): Record<AgingBucket, number> => ({ notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90plus: 0 });

/**
 * 应收账龄: every amount still owed, by how long it has been due — 未到期, 0–30, 31–60, 61–90 and
 * over 90 days — in total, per salesperson and per client.
 */
export function agingReport(ctx: CallContext, input: { asOf?: string | undefined; staffId?: number | undefined }): AgingReport {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const lines = receivableLines(ctx.sqlite, { actor: ctx.actor, staffId: input.staffId }, asOf, false);
  const totals = { ...emptyBuckets(), totalFen: 0 };
  const byStaff = new Map<string, AgingRow>();
  const byClient = new Map<number, AgingRow>();
  for (const l of lines) {
    const bucket = agingBucket(l.daysPastDue);
    totals[bucket] += l.outstandingFen;
    totals.totalFen += l.outstandingFen;
    const staffKey = String(l.staffId);
    const s = byStaff.get(staffKey) ?? { id: l.staffId, name: l.staffName || '未分配', buckets: emptyBuckets(), totalFen: 0 };
    s.buckets[bucket] += l.outstandingFen;
    s.totalFen += l.outstandingFen;
    byStaff.set(staffKey, s);
    const c = byClient.get(l.clientId) ?? {
      id: l.clientId,
      name: l.clientName,
      staffName: l.staffName,
      buckets: emptyBuckets(),
      totalFen: 0,
    };
    c.buckets[bucket] += l.outstandingFen;
    c.totalFen += l.outstandingFen;
    byClient.set(l.clientId, c);
  }
  const oldestFirst = (a: AgingRow, b: AgingRow): number =>
    b.buckets.d90plus - a.buckets.d90plus || b.totalFen - a.totalFen || (a.id ?? 0) - (b.id ?? 0);
  return { asOf, totals, byStaff: [...byStaff.values()].sort(oldestFirst), byClient: [...byClient.values()].sort(oldestFirst) };
}

/** The dashboard's tiles and 跟进提醒's count: this week, this month, overdue, and due within the reminder days. */
export function receivablesSummary(ctx: CallContext, asOfInput?: string): ReceivablesSummary {
  const asOf = asOfInput ?? todayLocal(ctx.now());
  const lines = receivableLines(ctx.sqlite, { actor: ctx.actor }, asOf, false);
  const { remindDays } = readReceivablesSettings(ctx);
  const sum = (pick: (l: ReceivableLine) => boolean): { count: number; outstandingFen: number } => {
    const picked = lines.filter(pick);
    return { count: picked.length, outstandingFen: picked.reduce((s, l) => s + l.outstandingFen, 0) };
  };
  const week = weekBounds(asOf);
  const month = monthBounds(asOf.slice(0, 7));
  const soonTo = addDays(asOf, remindDays);
  return {
    asOf,
    week: sum((l) => l.dueOn >= week.first && l.dueOn <= week.last),
    month: sum((l) => l.dueOn >= month.first && l.dueOn <= month.last),
    overdue: sum((l) => l.dueOn < asOf),
    soon: { ...sum((l) => l.dueOn >= asOf && l.dueOn <= soonTo), days: remindDays },
  };
}

/**
 * For the monthly sheet: per salesperson, what fell due in the month (instalments, and contracts
 * without a schedule signed in it — whether paid or not) and what of everything due by the month's
 * end (or today, for the current month) is still unpaid today.
 */
export function receivablesByStaff(ctx: CallContext, month: string): StaffReceivables {
  const { first, last } = monthBounds(month);
  const today = todayLocal(ctx.now());
  const asOf = last < today ? last : today;
  const own = isScopedToOwn(ctx.actor) ? (ctx.actor?.staffId ?? -1) : null;
  const scope = own === null ? '' : 'AND k.staff_id = ?';
  const scopeParams = own === null ? [] : [own];
  const due = ctx.sqlite
    .prepare(
      `SELECT staff_id, sum(amount) AS fen FROM (
         SELECT k.staff_id, i.amount_fen AS amount FROM instalments i JOIN contracts k ON k.id = i.contract_id
          WHERE i.due_on BETWEEN ? AND ? AND k.status IN ('signed','active','expired') ${scope}
         UNION ALL
         SELECT k.staff_id, k.amount_fen FROM contracts k
          WHERE k.signed_on BETWEEN ? AND ? AND k.status IN ('signed','active','expired') ${scope}
            AND NOT EXISTS (SELECT 1 FROM instalments i WHERE i.contract_id = k.id)
       ) GROUP BY staff_id`,
    )
    .all(first, last, ...scopeParams, first, last, ...scopeParams) as { staff_id: number | null; fen: number }[];
  const overdue = receivableLines(ctx.sqlite, { actor: ctx.actor, to: addDays(asOf, -1) }, asOf);
  const rows = new Map<string, StaffReceivables['rows'][number]>();
  const names = new Map(
    (ctx.sqlite.prepare('SELECT id, name FROM staff').all() as { id: number; name: string }[]).map((s) => [s.id, s.name]),
  );
  const row = (staffId: number | null) => {
    const key = String(staffId);
    const existing = rows.get(key);
    if (existing) return existing;
    const created = {
      staffId,
      staffName: staffId === null ? '未分配' : (names.get(staffId) ?? ''),
      dueInMonthFen: 0,
      overdueFen: 0,
    };
    rows.set(key, created);
    return created;
  };
  for (const d of due) row(d.staff_id).dueInMonthFen += d.fen;
  for (const l of overdue) row(l.staffId).overdueFen += l.outstandingFen;
  return {
    month,
    asOf,
    rows: [...rows.values()].sort((a, b) => b.dueInMonthFen + b.overdueFen - (a.dueInMonthFen + a.overdueFen)),
  };
}
