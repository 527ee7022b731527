import type BetterSqlite3 from 'better-sqlite3';
import type { CommissionSettings } from '../../../shared/contract/commission';
import type { SalesSourceLine } from '../../../shared/performance/performance-types';

/**
 * 业绩: per person, the sales credited to a month. Under the payments basis (default) that is
 * money received, refunds negative in the month they are recorded; under the contracts basis,
 * the amounts of contracts signed (drafts and cancelled ones excluded). `credit_month` (set by
 * a trigger when the row is written) sends rows for an already closed month to the next open
 * month, where they show as adjustments.
 */
export function salesByStaff(
  sqlite: BetterSqlite3.Database,
  month: string,
  basis: CommissionSettings['creditBasis'],
): Map<number, number> {
  const sql =
    basis === 'payments'
      ? `SELECT staff_id AS staffId, sum(amount_fen) AS fen FROM payments WHERE credit_month = ? AND staff_id IS NOT NULL GROUP BY staff_id`
      : `SELECT staff_id AS staffId, sum(amount_fen) AS fen FROM contracts
         WHERE credit_month = ? AND staff_id IS NOT NULL AND status NOT IN ('draft', 'cancelled') GROUP BY staff_id`;
  const rows = sqlite.prepare(sql).all(month) as { staffId: number; fen: number }[];
  return new Map(rows.map((r) => [r.staffId, r.fen]));
}

type LineRecord = { date: string; amountFen: number; contractId: number; contractNumber: string; clientName: string };

/** The rows behind one person's sales figure for a month, oldest first. */
export function salesLinesOf(
  sqlite: BetterSqlite3.Database,
  month: string,
  staffId: number,
  basis: CommissionSettings['creditBasis'],
): SalesSourceLine[] {
  const sql =
    basis === 'payments'
      ? `SELECT p.paid_on AS date, p.amount_fen AS amountFen, k.id AS contractId, k.number AS contractNumber, c.name AS clientName
         FROM payments p JOIN contracts k ON k.id = p.contract_id JOIN clients c ON c.id = k.client_id
         WHERE p.credit_month = ? AND p.staff_id = ? ORDER BY p.paid_on, p.id`
      : `SELECT k.signed_on AS date, k.amount_fen AS amountFen, k.id AS contractId, k.number AS contractNumber, c.name AS clientName
         FROM contracts k JOIN clients c ON c.id = k.client_id
         WHERE k.credit_month = ? AND k.staff_id = ? AND k.status NOT IN ('draft', 'cancelled') ORDER BY k.signed_on, k.id`;
  return (sqlite.prepare(sql).all(month, staffId) as LineRecord[]).map((r) => {
    const late = r.date.slice(0, 7) !== month;
    const refund = r.amountFen < 0;
    return {
      kind: late ? 'adjustment' : basis === 'payments' ? 'payment' : 'contract',
      date: r.date,
      contractId: r.contractId,
      contractNumber: r.contractNumber,
      clientName: r.clientName,
      amountFen: r.amountFen,
      lateFrom: late ? r.date.slice(0, 7) : null,
      refund,
      note: [late ? `${r.date.slice(0, 7)} 已月结,计入本月 / closed month, counted here` : '', refund ? '退款 / refund' : '']
        .filter(Boolean)
        .join(';'),
    };
  });
}
