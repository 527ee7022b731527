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

/** The month's instalments still due, over every contract (the caller keeps the person's part). */
export function scheduledPaymentsIn(ctx: OfficeContext, month: string): ScheduledInstalment[] {
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
}
