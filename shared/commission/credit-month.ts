import { addMonths, type IsoDate, type Month } from '../dates';

/**
 * 月结 (docs/rules.md › 指标、提成与月结): "Closing a month freezes its figures; later corrections are adjustments in
 * the next month, visible as such." So every payment (by its 收款日期 paid_on, refunds too) and
 * every contract (by its 签约日期 signed_on) counts in one month, its credit month:
 *
 * - its own month, while that month is not closed;
 * - otherwise the first month after it that is not closed (a payment for a closed March,
 *   recorded while March and April are closed, counts in May).
 *
 * A month that was reopened (month_closes.closed = 0) is open again. The month is fixed when
 * the row is written and never moves afterwards, even when a month is closed or reopened
 * later. No date (an unsigned contract) has no credit month.
 *
 * The database applies the same rule in the triggers of migration 20261123_0500_commission
 * (payments on insert, contracts on insert and on a change of signed_on), which is what the
 * sales figures read; credit-month.trigger.test.ts checks, case by case, that the two agree.
 */
export function creditMonth(date: IsoDate | null, closedMonths: ReadonlySet<Month>): Month | null {
  return date === null ? null : firstOpenMonth(date.slice(0, 7), closedMonths);
}

/** The month itself when it is not closed, else the first month after it that is not closed. */
export function firstOpenMonth(month: Month, closedMonths: ReadonlySet<Month>): Month {
  let open = month;
  while (closedMonths.has(open)) open = addMonths(open, 1);
  return open;
}
