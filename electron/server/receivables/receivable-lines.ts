import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ContractsTable } from '../db/schema';
import type { ReceivableLine } from '../../../shared/contract/receivables';
import { dayNumber } from '../../../shared/calendar';
import type { Actor } from '../../../shared/roles';
import { contractScopeSql } from '../contracts/contract-scope';

/**
 * Every amount still to come, as of now: each instalment of a contract that is signed, running or
 * ended, with what is outstanding once the money received is spread over the instalments oldest
 * first (the spreading of shared/receivables/schedule.ts allocateNet, which the schedule screen
 * shows payment by payment; a test holds the two together), and for a contract without a
 * schedule its whole balance, due on signing (一次付清).
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

type Row = Pick<Selectable<ContractsTable>, 'number' | 'client_id' | 'staff_id' | 'amount_fen' | 'paid_fen'> & {
  contract_id: number;
  due_default: string;
  /** From the LEFT JOIN of instalments: null when the contract has no schedule. */
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

/**
 * The lines in one pass over the rows (ordered by contract, then due date): each contract's net
 * receipts fill its instalments oldest first — allocateNet's spreading, written inline because
 * the aging report runs it over every open contract of the office.
 */
function draftLines(rows: readonly Row[], f: LineFilter): Draft[] {
  const drafts: Draft[] = [];
  const keep = (d: Draft): void => {
    if (d.outstandingFen <= 0 || (f.from && d.dueOn < f.from) || (f.to && d.dueOn > f.to)) return;
    drafts.push(d);
  };
  for (let i = 0; i < rows.length;) {
    const k = rows[i]!;
    if (k.instalment_id === null) {
      keep({
        instalmentId: null,
        contractId: k.contract_id,
        contractNumber: k.number,
        clientId: k.client_id,
        staffId: k.staff_id,
        dueOn: k.due_default,
        amountFen: k.amount_fen,
        outstandingFen: k.amount_fen - k.paid_fen,
      });
      i++;
      continue;
    }
    let left = Math.max(0, k.paid_fen);
    for (; i < rows.length && rows[i]!.contract_id === k.contract_id; i++) {
      const r = rows[i]!;
      const take = Math.min(r.inst_amount!, left);
      left -= take;
      keep({
        instalmentId: r.instalment_id,
        contractId: k.contract_id,
        contractNumber: k.number,
        clientId: k.client_id,
        staffId: k.staff_id,
        dueOn: r.due_on!,
        amountFen: r.inst_amount!,
        outstandingFen: r.inst_amount! - take,
      });
    }
  }
  return drafts;
}

const byDue = (a: ReceivableLine, b: ReceivableLine): number =>
  a.dueOn !== b.dueOn
    ? a.dueOn < b.dueOn
      ? -1
      : 1
    : a.contractNumber !== b.contractNumber
      ? a.contractNumber < b.contractNumber
        ? -1
        : 1
      : (a.instalmentId ?? 0) - (b.instalmentId ?? 0);

/** The lines, with names; in due order unless the caller only adds them up (`sorted: false`). */
export function receivableLines(sqlite: BetterSqlite3.Database, f: LineFilter, asOf: string, sorted = true): ReceivableLine[] {
  const { sql, params } = openContractsSql(f);
  const drafts = draftLines(sqlite.prepare(sql).all(...params) as Row[], f);
  const clients = namesOf(sqlite, 'SELECT id, name FROM clients INDEXED BY clients_names', [
    ...new Set(drafts.map((d) => d.clientId)),
  ]);
  const staff = namesOf(sqlite, 'SELECT id, name FROM staff', null);
  const today = dayNumber(asOf);
  const lines = drafts.map((d) => ({
    ...d,
    clientName: clients.get(d.clientId) ?? '',
    staffName: d.staffId === null ? '' : (staff.get(d.staffId) ?? ''),
    daysPastDue: today - dayNumber(d.dueOn),
  }));
  return sorted ? lines.sort(byDue) : lines;
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
