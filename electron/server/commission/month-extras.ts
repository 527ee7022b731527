import { evaluateRule, type PayLine, type RuleFacts } from '../../../shared/commission/bonus-rules';
import { addMonths, type Month } from '../../../shared/dates';
import { monthBounds } from '../../../shared/performance/month-range';
import type { Role } from '../../../shared/roles';
import type { OfficeContext } from '../core/context';
import { salesByStaff } from './credited-sales';
import { itemsIn, rulesIn } from './pay-items.repository';

/** What the extras need to know of each person's month. */
export type ExtrasInput = { staffId: number; role: Role; salesFen: number; targetFen: number | null };

/** How far back a 连续达标 run is followed (a run longer than this counts as this long). */
const MAX_STREAK_LOOKBACK = 36;

/**
 * 奖金 and 扣款 of a month per person: the items a manager entered and what the bonus rules
 * give. `targetMetIn` answers for earlier months (their own figures, closed or not).
 */
export async function payLinesFor(
  ctx: OfficeContext,
  month: Month,
  people: readonly ExtrasInput[],
  creditBasis: 'payments' | 'contracts',
  collectedThisMonth: ReadonlyMap<number, number>,
  targetMetIn: (month: Month) => Promise<ReadonlyMap<number, boolean>>,
): Promise<Map<number, PayLine[]>> {
  const lines = new Map<number, PayLine[]>();
  const push = (staffId: number, line: PayLine) => lines.set(staffId, [...(lines.get(staffId) ?? []), line]);
  const onSheet = new Set(people.map((p) => p.staffId));
  for (const item of itemsIn(ctx.sqlite, month)) {
    if (!onSheet.has(item.staffId)) continue;
    push(item.staffId, {
      source: 'item',
      refId: item.id,
      kind: item.kind,
      category: item.category,
      reason: item.reason,
      reasonEn: item.reason,
      amountFen: item.amountFen,
    });
  }
  const rules = rulesIn(ctx.sqlite, month);
  if (rules.length === 0) return lines;

  const { first, last } = monthBounds(month);
  const ids = JSON.stringify(people.map((p) => p.staffId));
  const qualifying = ctx.sqlite.prepare(
    `SELECT staff_id AS staffId, count(*) AS n FROM contracts
     WHERE staff_id IN (SELECT value FROM json_each(@ids)) AND signed_on BETWEEN @first AND @last
       AND status NOT IN ('draft', 'cancelled') AND amount_fen >= @min AND (@newOnly = 0 OR renewal_of_id IS NULL)
     GROUP BY staff_id`,
  );
  const needsStreak = rules.some((r) => r.def.kind === 'streak');
  const facts: RuleFacts = {
    staff: people.map((p) => ({ staffId: p.staffId, role: p.role })),
    qualifyingContracts: (min, newOnly) =>
      new Map(
        (qualifying.all({ ids, first, last, min, newOnly: newOnly ? 1 : 0 }) as { staffId: number; n: number }[]).map((r) => [
          r.staffId,
          r.n,
        ]),
      ),
    collectedFen: creditBasis === 'payments' ? collectedThisMonth : salesByStaff(ctx.sqlite, month, 'payments'),
    targetRun: needsStreak ? await targetRuns(month, people, targetMetIn) : new Map(),
  };
  for (const rule of rules) for (const [staffId, line] of evaluateRule(rule, facts)) push(staffId, line);
  return lines;
}

/** Months in a row, ending with this one, whose credited sales met a set target. */
async function targetRuns(
  month: Month,
  people: readonly ExtrasInput[],
  targetMetIn: (month: Month) => Promise<ReadonlyMap<number, boolean>>,
): Promise<Map<number, number>> {
  const runs = new Map<number, number>();
  let alive = people.filter((p) => p.targetFen !== null && p.targetFen > 0 && p.salesFen >= p.targetFen).map((p) => p.staffId);
  for (const id of alive) runs.set(id, 1);
  for (let back = 1; back < MAX_STREAK_LOOKBACK && alive.length > 0; back++) {
    const met = await targetMetIn(addMonths(month, -back));
    alive = alive.filter((id) => met.get(id) === true);
    for (const id of alive) runs.set(id, back + 1);
  }
  return runs;
}

export function sumLines(lines: readonly PayLine[] | undefined, kind: PayLine['kind']): number {
  return (lines ?? []).filter((l) => l.kind === kind).reduce((sum, l) => sum + l.amountFen, 0);
}
