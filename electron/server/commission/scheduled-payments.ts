import type { OfficeContext } from '../core/context';

/**
 * A payment a 回款计划 (instalment schedule) expects in a month, before any share is applied.
 *
 * ─── FOR THE LEAD: wire 回款计划 here ───────────────────────────────────────────────────────
 * 回款计划 is being built in parallel (pool-receivables). When it is merged, make
 * `scheduledPaymentsIn` return that month's instalments still due (not yet received) for the
 * given contracts' salesperson scope — one entry per instalment, amount = what remains due —
 * and return `null` only when the office has no 回款计划 feature at all. Nothing else needs to
 * change: standing.service applies 分成 to each entry and the what-if page lists them and adds
 * them to the calculator. The test in tests/integration/standing-leaderboard.test.ts ("scheduled payments plug in") shows the
 * expected shape through `withScheduledPayments`.
 * ──────────────────────────────────────────────────────────────────────────────────────────
 */
export type ScheduledInstalment = {
  contractId: number;
  contractNumber: string;
  clientName: string;
  dueOn: string;
  amountFen: number;
};

export type ScheduledPaymentsSource = (ctx: OfficeContext, month: string) => ScheduledInstalment[] | null;

/** Until 回款计划 exists: null ("not available"), so the page says so instead of showing nothing as if nothing were due. */
let source: ScheduledPaymentsSource = () => null;

export function scheduledPaymentsIn(ctx: OfficeContext, month: string): ScheduledInstalment[] | null {
  return source(ctx, month);
}

/** Replace the source (回款计划 wiring, and tests); returns a function that puts the previous one back. */
export function withScheduledPayments(next: ScheduledPaymentsSource): () => void {
  const previous = source;
  source = next;
  return () => {
    source = previous;
  };
}
