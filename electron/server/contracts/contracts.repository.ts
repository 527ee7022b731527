import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ContractsTable } from '../db/schema';
import type { ContractRow, ContractStatus, PaymentMethod, PaymentRow } from '../../../shared/contract/contracts';
import { todayLocal } from '../../../shared/dates';

/**
 * Contract rows with what people ask about them: client, salesperson, paid so far, balance,
 * and the renewal links both ways. Reads use the raw connection (same connection as the
 * transaction, so a service sees its own writes).
 */
export const CONTRACT_SELECT = `
  SELECT k.id, k.number, k.client_id, c.name AS client_name, c.joined_on AS client_joined_on, c.owner_staff_id AS client_owner_id,
         k.staff_id, s.name AS staff_name, k.product, k.amount_fen,
         k.paid_fen,
         k.signed_on, k.starts_on, k.ends_on, k.status, k.renewal_of_id, prev.number AS renewal_of_number,
         nxt.id AS renewed_by_id, nxt.number AS renewed_by_number, k.notes, k.created_at, k.updated_at
  FROM contracts k
  JOIN clients c ON c.id = k.client_id
  LEFT JOIN staff s ON s.id = k.staff_id
  LEFT JOIN contracts prev ON prev.id = k.renewal_of_id
  LEFT JOIN contracts nxt ON nxt.id = (SELECT n.id FROM contracts n WHERE n.renewal_of_id = k.id AND n.status != 'cancelled' ORDER BY n.id LIMIT 1)`;

export type ContractJoined = Omit<Selectable<ContractsTable>, 'credit_month'> & {
  client_name: string;
  client_joined_on: string;
  client_owner_id: number | null;
  staff_name: string | null;
  renewal_of_number: string | null;
  renewed_by_id: number | null;
  renewed_by_number: string | null;
};

/** A signed or active contract whose service ended before `asOf` reads 已到期. */
export function displayStatus(status: ContractStatus, endsOn: string | null, asOf: string): ContractStatus {
  return (status === 'signed' || status === 'active') && endsOn !== null && endsOn < asOf ? 'expired' : status;
}

export function toContractRow(r: ContractJoined, asOf: string = todayLocal()): ContractRow {
  const status = r.status as ContractStatus;
  return {
    id: r.id,
    number: r.number,
    clientId: r.client_id,
    clientName: r.client_name,
    staffId: r.staff_id,
    staffName: r.staff_name ?? '',
    product: r.product,
    amountFen: r.amount_fen,
    paidFen: r.paid_fen,
    balanceFen: r.amount_fen - r.paid_fen,
    signedOn: r.signed_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status,
    displayStatus: displayStatus(status, r.ends_on, asOf),
    renewalOfId: r.renewal_of_id,
    renewalOfNumber: r.renewal_of_number,
    renewedById: r.renewed_by_id,
    renewedByNumber: r.renewed_by_number,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findContractJoined(sqlite: BetterSqlite3.Database, id: number): ContractJoined | undefined {
  return sqlite.prepare(`${CONTRACT_SELECT} WHERE k.id = ?`).get(id) as ContractJoined | undefined;
}

export function findContractByNumber(sqlite: BetterSqlite3.Database, number: string): ContractJoined | undefined {
  return sqlite.prepare(`${CONTRACT_SELECT} WHERE k.number = ? COLLATE NOCASE`).get(number) as ContractJoined | undefined;
}

export function listPayments(sqlite: BetterSqlite3.Database, contractId: number): PaymentRow[] {
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.contract_id, k.number AS contract_number, p.staff_id, s.name AS staff_name, p.paid_on, p.credit_month, p.amount_fen, p.method, p.notes, p.created_at
       FROM payments p JOIN contracts k ON k.id = p.contract_id LEFT JOIN staff s ON s.id = p.staff_id
       WHERE p.contract_id = ? ORDER BY p.paid_on, p.id`,
    )
    .all(contractId) as {
    id: number;
    contract_id: number;
    contract_number: string;
    staff_id: number | null;
    staff_name: string | null;
    paid_on: string;
    credit_month: string | null;
    amount_fen: number;
    method: string;
    notes: string;
    created_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    contractId: r.contract_id,
    contractNumber: r.contract_number,
    staffId: r.staff_id,
    staffName: r.staff_name ?? '',
    paidOn: r.paid_on,
    creditMonth: r.credit_month,
    amountFen: r.amount_fen,
    method: r.method as PaymentMethod,
    notes: r.notes,
    createdAt: r.created_at,
  }));
}

/** The next free number of the form HT-YYYY-NNNN for the year of `on`. */
export function nextContractNumber(sqlite: BetterSqlite3.Database, on: string): string {
  const prefix = `HT-${on.slice(0, 4)}-`;
  const numbers = sqlite
    .prepare(`SELECT number FROM contracts WHERE number LIKE ? ESCAPE '\\'`)
    .pluck()
    .all(`${prefix.replace(/[%_\\]/g, '\\$&')}%`) as string[];
  const max = numbers.reduce((m, n) => Math.max(m, /^\d+$/.test(n.slice(prefix.length)) ? Number(n.slice(prefix.length)) : 0), 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}
