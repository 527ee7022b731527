import type BetterSqlite3 from 'better-sqlite3';
import type { CommissionSettings } from '../../../shared/contract/commission';
import { formatShareBp, splitByShares } from '../../../shared/commission/shares';
import { formatFen } from '../../../shared/money';
import type { SalesSourceLine } from '../../../shared/performance/performance-types';
import { anyShares, setAt, shareIndex, type ShareSet } from './share-sets.repository';
import { prepared } from '../db/prepared';

/**
 * 业绩: per person, the sales credited to a month. Under the payments basis (default) that is
 * money received, refunds negative in the month they are recorded; under the contracts basis,
 * the amounts of contracts signed (drafts and cancelled ones excluded). `credit_month` (set by
 * a trigger when the row is written) sends rows for an already closed month to the next open
 * month, where they show as adjustments.
 *
 * 分成: a payment (or contract) of a shared contract credits each person their share, split by
 * largest remainder; changing shares later adds share_adjustments rows (see shares.service).
 */
type Basis = CommissionSettings['creditBasis'];

/** One payment (payments basis) or one contract (contracts basis): what a share splits. */
export type SalesUnit = {
  paymentId: number | null;
  contractId: number;
  /** The payment's (or contract's) own salesperson: credited the whole when not shared. */
  staffId: number | null;
  amountFen: number;
  creditMonth: string;
};

/**
 * The units of shared contracts credited to the months `first`…`last`, each with the share set that
 * applies in its own month (the latest starting at or before it); a unit whose set has no parts is
 * not shared then and is left out. The payments come from a covering index; the sets from the
 * in-memory index.
 */
function sharedInMonths(sqlite: BetterSqlite3.Database, first: string, last: string, basis: Basis): SharedUnit[] {
  const index = shareIndex(sqlite);
  if (index.size === 0) return [];
  // Only the units of contracts that have a share set leave SQLite (a probe of the sets' unique
  // index per unit: a month has thousands of payments, a few hundred shared), as raw rows.
  const sql =
    basis === 'payments'
      ? `SELECT p.id, p.contract_id, p.staff_id, p.amount_fen, p.credit_month FROM payments p WHERE p.credit_month BETWEEN ? AND ?
           AND EXISTS (SELECT 1 FROM contract_share_sets s WHERE s.contract_id = p.contract_id)`
      : `SELECT NULL, k.id, k.staff_id, k.amount_fen, k.credit_month FROM contracts k WHERE k.credit_month BETWEEN ? AND ?
           AND k.status NOT IN ('draft', 'cancelled')
           AND EXISTS (SELECT 1 FROM contract_share_sets s WHERE s.contract_id = k.id)`;
  const units: SharedUnit[] = [];
  for (const [paymentId, contractId, staffId, amountFen, creditMonth] of prepared(sqlite, sql).raw(true).all(first, last) as [
    number | null,
    number,
    number | null,
    number,
    string,
  ][]) {
    const sets = index.get(contractId);
    if (!sets) continue;
    const set = setAt(sets, creditMonth);
    if (set && set.parts.length > 0) units.push({ unit: { paymentId, contractId, staffId, amountFen, creditMonth }, set });
  }
  return units;
}

function sharedIn(sqlite: BetterSqlite3.Database, month: string, basis: Basis): SharedUnit[] {
  return sharedInMonths(sqlite, month, month, basis);
}

/** Who a unit credits under a share set (or, without one, its own salesperson). */
export function creditOfUnit(unit: SalesUnit, set: ShareSet | null): Map<number, number> {
  if (!set || set.parts.length === 0) return unit.staffId === null ? new Map() : new Map([[unit.staffId, unit.amountFen]]);
  return new Map(splitByShares(unit.amountFen, set.parts).map((p) => [p.staffId, p.amountFen]));
}

type SharedUnit = { unit: SalesUnit; set: ShareSet };

export function salesByStaff(sqlite: BetterSqlite3.Database, month: string, basis: Basis): Map<number, number> {
  return salesByStaffInMonths(sqlite, month, month, basis).get(month) ?? new Map();
}

/**
 * salesByStaff for every month from `first` to `last` (YYYY-MM, inclusive) in one pass — month →
 * person → fen; a month with no sales is absent. Trends and a 连续达标 rule looking back years read
 * many months: one query over the range costs about what one month's did.
 */
export function salesByStaffInMonths(
  sqlite: BetterSqlite3.Database,
  first: string,
  last: string,
  basis: Basis,
): Map<string, Map<number, number>> {
  const sql =
    basis === 'payments'
      ? `SELECT credit_month, staff_id, sum(amount_fen) FROM payments
         WHERE credit_month BETWEEN ? AND ? AND staff_id IS NOT NULL GROUP BY credit_month, staff_id`
      : `SELECT credit_month, staff_id, sum(amount_fen) FROM contracts
         WHERE credit_month BETWEEN ? AND ? AND staff_id IS NOT NULL AND status NOT IN ('draft', 'cancelled')
         GROUP BY credit_month, staff_id`;
  const byMonth = new Map<string, Map<number, number>>();
  const add = (month: string, staffId: number, fen: number) => {
    let totals = byMonth.get(month);
    if (!totals) byMonth.set(month, (totals = new Map()));
    totals.set(staffId, (totals.get(staffId) ?? 0) + fen);
  };
  for (const [month, staffId, fen] of prepared(sqlite, sql).raw(true).all(first, last) as [string, number, number][])
    add(month, staffId, fen);
  if (!anyShares(sqlite)) return byMonth;
  for (const { unit, set } of sharedInMonths(sqlite, first, last, basis)) {
    if (unit.staffId !== null) add(unit.creditMonth, unit.staffId, -unit.amountFen);
    for (const part of splitByShares(unit.amountFen, set.parts)) add(unit.creditMonth, part.staffId, part.amountFen);
  }
  const adjustments = prepared(
    sqlite,
    `SELECT credit_month, staff_id, sum(amount_fen) FROM share_adjustments
     WHERE credit_month BETWEEN ? AND ? AND basis = ? GROUP BY credit_month, staff_id`,
  )
    .raw(true)
    .all(first, last, basis) as [string, number, number][];
  for (const [month, staffId, fen] of adjustments) add(month, staffId, fen);
  return byMonth;
}

type LineRecord = {
  unitId: number;
  date: string;
  amountFen: number;
  contractId: number;
  contractNumber: string;
  clientName: string;
};

const LINE_SQL = {
  payments: `SELECT p.id AS unitId, p.paid_on AS date, p.amount_fen AS amountFen, k.id AS contractId, k.number AS contractNumber,
               c.name AS clientName
             FROM payments p JOIN contracts k ON k.id = p.contract_id JOIN clients c ON c.id = k.client_id`,
  contracts: `SELECT k.id AS unitId, k.signed_on AS date, k.amount_fen AS amountFen, k.id AS contractId, k.number AS contractNumber,
               c.name AS clientName
             FROM contracts k JOIN clients c ON c.id = k.client_id`,
};

/** The rows behind one person's sales figure for a month, oldest first; shares and share adjustments included. */
export function salesLinesOf(sqlite: BetterSqlite3.Database, month: string, staffId: number, basis: Basis): SalesSourceLine[] {
  const own =
    basis === 'payments'
      ? `${LINE_SQL.payments} WHERE p.credit_month = ? AND p.staff_id = ? ORDER BY p.paid_on, p.id`
      : `${LINE_SQL.contracts} WHERE k.credit_month = ? AND k.staff_id = ? AND k.status NOT IN ('draft', 'cancelled') ORDER BY k.signed_on, k.id`;
  const ownRecords = sqlite.prepare(own).all(month, staffId) as LineRecord[];
  if (!anyShares(sqlite)) return ownRecords.map((r) => toLine(r, month, basis, null));

  const shared = sharedIn(sqlite, month, basis);
  const unitKey = (u: SalesUnit) => (basis === 'payments' ? u.paymentId! : u.contractId);
  const sharedKeys = new Set(shared.map((s) => unitKey(s.unit)));
  const lines = ownRecords.filter((r) => !sharedKeys.has(r.unitId)).map((r) => toLine(r, month, basis, null));

  const mine = shared.filter((s) => s.set.parts.some((p) => p.staffId === staffId));
  if (mine.length > 0) {
    const records = new Map(
      (
        sqlite
          .prepare(
            `${basis === 'payments' ? LINE_SQL.payments : LINE_SQL.contracts} WHERE ${basis === 'payments' ? 'p.id' : 'k.id'} IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify(mine.map((s) => unitKey(s.unit)))) as LineRecord[]
      ).map((r) => [r.unitId, r]),
    );
    for (const { unit, set } of mine) {
      const record = records.get(unitKey(unit))!;
      const part = set.parts.find((p) => p.staffId === staffId)!;
      const amountFen = creditOfUnit(unit, set).get(staffId) ?? 0;
      lines.push(toLine({ ...record, amountFen }, month, basis, { shareBp: part.shareBp, wholeFen: unit.amountFen }));
    }
  }
  const adjustments = sqlite
    .prepare(
      `SELECT a.id AS unitId, substr(a.created_at, 1, 10) AS date, a.amount_fen AS amountFen, a.unit_month AS unitMonth,
              k.id AS contractId, k.number AS contractNumber, c.name AS clientName
       FROM share_adjustments a JOIN contracts k ON k.id = a.contract_id JOIN clients c ON c.id = k.client_id
       WHERE a.credit_month = ? AND a.basis = ? AND a.staff_id = ? ORDER BY a.id`,
    )
    .all(month, basis, staffId) as (LineRecord & { unitMonth: string })[];
  for (const a of adjustments)
    lines.push({
      kind: 'adjustment',
      date: a.date,
      contractId: a.contractId,
      contractNumber: a.contractNumber,
      clientName: a.clientName,
      amountFen: a.amountFen,
      lateFrom: null,
      refund: a.amountFen < 0,
      shareBp: null,
      note: `分成调整:${a.unitMonth} 已计入的业绩按新比例重算`,
      noteEn: `Shares changed: ${a.unitMonth} sales re-split`,
    });
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function toLine(
  r: LineRecord,
  month: string,
  basis: Basis,
  share: { shareBp: number; wholeFen: number } | null,
): SalesSourceLine {
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
    shareBp: share?.shareBp ?? null,
    ...noteOf(r, late, refund, share),
  };
}

/** The line's note in both languages, parts joined: late (closed month), refund, share. */
function noteOf(
  r: LineRecord,
  late: boolean,
  refund: boolean,
  share: { shareBp: number; wholeFen: number } | null,
): { note: string; noteEn: string } {
  const parts: [string, string][] = [];
  if (late) parts.push([`${r.date.slice(0, 7)} 已月结,计入本月`, `${r.date.slice(0, 7)} was closed; counted in this month`]);
  if (refund) parts.push(['退款', 'Refund']);
  if (share) {
    const bp = formatShareBp(share.shareBp);
    parts.push([`分成 ${bp},全额 ¥${formatFen(share.wholeFen)}`, `${bp} share of ¥${formatFen(share.wholeFen)}`]);
  }
  return { note: parts.map((p) => p[0]).join(';'), noteEn: parts.map((p) => p[1]).join('; ') };
}
