import type BetterSqlite3 from 'better-sqlite3';
import type { ReceivableLine } from '../../../shared/contract/receivables';
import { daysBetween } from '../../../shared/calendar';
import type { Actor } from '../../../shared/roles';
import { contractScopeSql } from '../contracts/contract-scope';

/**
 * Every amount still to come, as of now: each instalment of a contract that is signed, running or
 * ended, with what is outstanding once the money received is spread over the instalments oldest
 * first (a running sum in due order — the same spreading as shared/receivables/schedule.ts), and
 * for a contract without a schedule its whole balance, due on signing (一次付清).
 *
 * Only contracts with a balance are read: the WHERE below is word for word the partial index
 * contracts_receivable's, so SQLite reads that index instead of every contract of twenty years.
 */
export const OPEN_CONTRACT_WHERE = `k.amount_fen > k.paid_fen AND k.status IN ('signed','active','expired')`;

export type LineFilter = {
  actor: Actor | null;
  staffId?: number | undefined;
  clientId?: number | undefined;
  /** Only lines due in [from, to] (either end optional). */
  from?: string | undefined;
  to?: string | undefined;
};

type Row = {
  instalment_id: number | null;
  contract_id: number;
  number: string;
  client_id: number;
  client_name: string;
  staff_id: number | null;
  staff_name: string | null;
  due_on: string;
  amount_fen: number;
  outstanding: number;
};

export function receivableLinesSql(f: LineFilter): { sql: string; params: (string | number)[] } {
  const scope = contractScopeSql(f.actor);
  const scoped = scope.sql !== '1';
  const where = [OPEN_CONTRACT_WHERE];
  const params: (string | number)[] = [];
  if (scoped) {
    where.push(scope.sql);
    params.push(...scope.params);
  }
  if (f.staffId !== undefined) {
    where.push('k.staff_id = ?');
    params.push(f.staffId);
  }
  if (f.clientId !== undefined) {
    where.push('k.client_id = ?');
    params.push(f.clientId);
  }
  const due: string[] = [];
  const dueParams: string[] = [];
  if (f.from) {
    due.push('l.due_on >= ?');
    dueParams.push(f.from);
  }
  if (f.to) {
    due.push('l.due_on <= ?');
    dueParams.push(f.to);
  }
  const sql = `
    WITH open_contracts AS (
      SELECT k.id, k.amount_fen, k.paid_fen, COALESCE(k.signed_on, k.starts_on, substr(k.created_at, 1, 10)) AS due_default
      FROM contracts k ${scoped ? 'JOIN clients c ON c.id = k.client_id' : ''}
      WHERE ${where.join(' AND ')}
    ),
    planned AS (
      SELECT i.id AS instalment_id, i.contract_id, i.due_on, i.amount_fen, o.paid_fen,
             sum(i.amount_fen) OVER (PARTITION BY i.contract_id ORDER BY i.due_on, i.id) AS cum
      FROM open_contracts o JOIN instalments i ON i.contract_id = o.id
    ),
    lines AS (
      SELECT instalment_id, contract_id, due_on, amount_fen, min(amount_fen, max(0, cum - paid_fen)) AS outstanding FROM planned
      UNION ALL
      SELECT NULL, o.id, o.due_default, o.amount_fen, o.amount_fen - o.paid_fen FROM open_contracts o
      WHERE NOT EXISTS (SELECT 1 FROM instalments i WHERE i.contract_id = o.id)
    )
    SELECT l.instalment_id, l.contract_id, k.number, k.client_id, c.name AS client_name, k.staff_id, s.name AS staff_name,
           l.due_on, l.amount_fen, l.outstanding
    FROM lines l JOIN contracts k ON k.id = l.contract_id JOIN clients c ON c.id = k.client_id LEFT JOIN staff s ON s.id = k.staff_id
    WHERE l.outstanding > 0 ${due.length ? `AND ${due.join(' AND ')}` : ''}
    ORDER BY l.due_on, k.number, l.instalment_id`;
  return { sql, params: [...params, ...dueParams] };
}

export function receivableLines(sqlite: BetterSqlite3.Database, f: LineFilter, asOf: string): ReceivableLine[] {
  const { sql, params } = receivableLinesSql(f);
  return (sqlite.prepare(sql).all(...params) as Row[]).map((r) => ({
    instalmentId: r.instalment_id,
    contractId: r.contract_id,
    contractNumber: r.number,
    clientId: r.client_id,
    clientName: r.client_name,
    staffId: r.staff_id,
    staffName: r.staff_name ?? '',
    dueOn: r.due_on,
    amountFen: r.amount_fen,
    outstandingFen: r.outstanding,
    daysPastDue: daysBetween(r.due_on, asOf),
  }));
}
