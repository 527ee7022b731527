import { todayLocal } from '../../../shared/dates';
import { monthBounds } from '../../../shared/performance/month-range';
import type { OfficeContext } from '../core/context';
import { receivableLines } from '../receivables/receivable-lines';

/**
 * A payment a 回款计划 (instalment schedule) expects in a month and has not received yet, before
 * any share is applied: one entry per instalment, amount = what remains due. standing.service
 * applies 分成 to each entry; the what-if page lists them and adds them to the calculator.
 */
export type ScheduledInstalment = {
  contractId: number;
  contractNumber: string;
  clientName: string;
  dueOn: string;
  amountFen: number;
};

export type ScheduledPaymentsSource = (ctx: OfficeContext, month: string) => ScheduledInstalment[] | null;

/** The month's instalments still due, over every contract (the caller keeps the person's part). */
let source: ScheduledPaymentsSource = (ctx, month) => {
  const { first, last } = monthBounds(month);
  return receivableLines(ctx.sqlite, { actor: null, from: first, to: last }, todayLocal(ctx.now()))
    .filter((l) => l.instalmentId !== null && l.outstandingFen > 0)
    .map((l) => ({
      contractId: l.contractId,
      contractNumber: l.contractNumber,
      clientName: l.clientName,
      dueOn: l.dueOn,
      amountFen: l.outstandingFen,
    }));
};

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
