import type { PerformanceRow } from './performance-types';

/**
 * Who belongs on a chart of sales against target: salespeople, and anyone else only when they
 * sell too — a personal target or floor, or sales credited this month (a manager who also
 * sells). The owner or a clerk without either would only be a row of empty bars.
 */
export function sellsThisMonth(row: PerformanceRow): boolean {
  if (!row.pay || row.status === 'left') return false;
  return row.role === 'salesperson' || row.pay.targetFen !== null || row.pay.floorFen !== null || row.pay.salesFen !== 0;
}
