import type BetterSqlite3 from 'better-sqlite3';
import type { SharePart } from '../../../shared/commission/shares';
import { prepared } from '../db/prepared';

/** A contract's shares from `fromMonth` on; no parts = credited to one salesperson again. */
export type ShareSet = { id: number; contractId: number; fromMonth: string; parts: SharePart[] };

type SetRecord = { id: number; contractId: number; fromMonth: string; staffId: number | null; shareBp: number | null };

const SETS_SQL = `SELECT s.id, s.contract_id AS contractId, s.from_month AS fromMonth, pt.staff_id AS staffId, pt.share_bp AS shareBp
  FROM contract_share_sets s LEFT JOIN contract_share_parts pt ON pt.set_id = s.id`;

function group(records: readonly SetRecord[]): Map<number, ShareSet[]> {
  const byId = new Map<number, ShareSet>();
  for (const r of records) {
    const set = byId.get(r.id) ?? { id: r.id, contractId: r.contractId, fromMonth: r.fromMonth, parts: [] };
    if (r.staffId !== null && r.shareBp !== null) set.parts.push({ staffId: r.staffId, shareBp: r.shareBp });
    byId.set(r.id, set);
  }
  const byContract = new Map<number, ShareSet[]>();
  for (const set of byId.values()) byContract.set(set.contractId, [...(byContract.get(set.contractId) ?? []), set]);
  for (const sets of byContract.values()) sets.sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : 1));
  return byContract;
}

/** Every share set of the given contracts, oldest first per contract. */
export function shareSetsOf(sqlite: BetterSqlite3.Database, contractIds: readonly number[]): Map<number, ShareSet[]> {
  if (contractIds.length === 0) return new Map();
  const records = sqlite
    .prepare(`${SETS_SQL} WHERE s.contract_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...new Set(contractIds)])) as SetRecord[];
  return group(records);
}

/** The set that applies to sales credited in `month`: the latest starting at or before it. */
export function setAt(sets: readonly ShareSet[] | undefined, month: string): ShareSet | null {
  let found: ShareSet | null = null;
  for (const set of sets ?? []) if (set.fromMonth <= month) found = set;
  return found;
}

/** True when any contract is shared at all — lets an office without 分成 skip the extra reads. */
export function anyShares(sqlite: BetterSqlite3.Database): boolean {
  return prepared(sqlite, 'SELECT 1 FROM contract_share_sets LIMIT 1').get() !== undefined;
}

type IndexCache = { version: number; byContract: Map<number, ShareSet[]> };
const indexes = new WeakMap<BetterSqlite3.Database, IndexCache>();

/**
 * Every contract's share sets, kept in memory per connection. The sheet asks for a month's shared
 * payments seven times per call (the month and its trend); probing the sets table for each of a
 * month's ~3,000 payments cost more than the whole sheet. The copy is read again when the sets'
 * version moves: triggers count every change to the sets and their parts, whoever makes it (this
 * window, another, the CLI, a hand edit), so no other write costs a re-read. A copy read inside a
 * transaction is never kept: the transaction may still roll back, and a later change could bring
 * the version back to the same number with other sets. A kept copy serves inside one: it was
 * taken from committed sets, and any change since, committed or not, has moved the version.
 */
export function shareIndex(sqlite: BetterSqlite3.Database): Map<number, ShareSet[]> {
  const version = prepared(sqlite, 'SELECT n FROM share_sets_version WHERE id = 1').pluck().get() as number;
  const cached = indexes.get(sqlite);
  if (cached?.version === version) return cached.byContract;
  const byContract = group(sqlite.prepare(SETS_SQL).all() as SetRecord[]);
  if (!sqlite.inTransaction) indexes.set(sqlite, { version, byContract });
  return byContract;
}
