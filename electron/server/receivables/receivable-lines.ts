import type BetterSqlite3 from 'better-sqlite3';
import type { ReceivableLine } from '../../../shared/contract/receivables';
import { daysBetween } from '../../../shared/calendar';
import { allocateNet } from '../../../shared/receivables/schedule';
import type { Actor } from '../../../shared/roles';
import { contractScopeSql } from '../contracts/contract-scope';

/**
 * Every amount still to come, as of now: each instalment of a contract that is signed, running or
 * ended, with what is outstanding once the money received is spread over the instalments oldest
 * first (shared/receivables/schedule.ts allocateNet — the same spreading the schedule screen
 * shows), and for a contract without a schedule its whole balance, due on signing (一次付清).
 *
 * Only contracts with a balance are read: the WHERE below is word for word the partial index
 * contracts_receivable's, so SQLite reads that index instead of every contract of twenty years;
 * their instalments come in the same pass, in due order, from the covering instalments_contract.
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
  contract_id: number;
  number: string;
  client_id: number;
  staff_id: number | null;
  amount_fen: number;
  paid_fen: number;
  due_default: string;
  instalment_id: number | null;
  due_on: string | null;
  inst_amount: number | null;
};

export function openContractsSql(f: LineFilter): { sql: string; params: (string | number)[] } {
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
  const sql = `
    SELECT k.id AS contract_id, k.number, k.client_id, k.staff_id, k.amount_fen, k.paid_fen,
           COALESCE(k.signed_on, k.starts_on, substr(k.created_at, 1, 10)) AS due_default,
           i.id AS instalment_id, i.due_on, i.amount_fen AS inst_amount
    FROM contracts k INDEXED BY contracts_receivable ${scoped ? 'JOIN clients c ON c.id = k.client_id' : ''}
    LEFT JOIN instalments i ON i.contract_id = k.id
    WHERE ${where.join(' AND ')}
    ORDER BY k.id, i.due_on, i.id`;
  return { sql, params };
}

type Draft = Omit<ReceivableLine, 'clientName' | 'staffName' | 'daysPastDue'>;

function linesOfContract(rows: readonly Row[]): Draft[] {
  const k = rows[0]!;
  const base = { contractId: k.contract_id, contractNumber: k.number, clientId: k.client_id, staffId: k.staff_id };
  if (k.instalment_id === null)
    return [
      { ...base, instalmentId: null, dueOn: k.due_default, amountFen: k.amount_fen, outstandingFen: k.amount_fen - k.paid_fen },
    ];
  const plan = rows.map((r) => ({ id: r.instalment_id!, dueOn: r.due_on!, amountFen: r.inst_amount! }));
  const paid = allocateNet(plan, k.paid_fen);
  return plan.map((p, i) => ({
    ...base,
    instalmentId: p.id,
    dueOn: p.dueOn,
    amountFen: p.amountFen,
    outstandingFen: p.amountFen - paid[i]!,
  }));
}

export function receivableLines(sqlite: BetterSqlite3.Database, f: LineFilter, asOf: string): ReceivableLine[] {
  const { sql, params } = openContractsSql(f);
  const rows = sqlite.prepare(sql).all(...params) as Row[];
  const drafts: Draft[] = [];
  for (let start = 0; start < rows.length;) {
    let end = start + 1;
    while (end < rows.length && rows[end]!.contract_id === rows[start]!.contract_id) end++;
    for (const line of linesOfContract(rows.slice(start, end))) {
      if (line.outstandingFen <= 0) continue;
      if (f.from && line.dueOn < f.from) continue;
      if (f.to && line.dueOn > f.to) continue;
      drafts.push(line);
    }
    start = end;
  }
  const clients = namesOf(sqlite, 'SELECT id, name FROM clients INDEXED BY clients_names', [
    ...new Set(drafts.map((d) => d.clientId)),
  ]);
  const staff = namesOf(sqlite, 'SELECT id, name FROM staff', null);
  return drafts
    .map((d) => ({
      ...d,
      clientName: clients.get(d.clientId) ?? '',
      staffName: d.staffId === null ? '' : (staff.get(d.staffId) ?? ''),
      daysPastDue: daysBetween(d.dueOn, asOf),
    }))
    .sort((a, b) =>
      a.dueOn === b.dueOn
        ? a.contractNumber < b.contractNumber
          ? -1
          : a.contractNumber > b.contractNumber
            ? 1
            : (a.instalmentId ?? 0) - (b.instalmentId ?? 0)
        : a.dueOn < b.dueOn
          ? -1
          : 1,
    );
}

/** id → name for the given ids (all rows when null), read from a compact index. */
function namesOf(sqlite: BetterSqlite3.Database, select: string, ids: number[] | null): Map<number, string> {
  if (ids !== null && ids.length === 0) return new Map();
  const rows = (
    ids === null
      ? sqlite.prepare(select).all()
      : sqlite.prepare(`${select} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids.sort((a, b) => a - b)))
  ) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
