import type BetterSqlite3 from 'better-sqlite3';

/** The kinds of ownership move client_owner_history records (see the migration). */
export type MoveKind = 'claim' | 'assign' | 'return' | 'put_back' | 'leave' | 'merge';

export type PoolMove = { clientId: number; fromStaffId: number; reason: string };

export type MoveStamp = {
  kind: MoveKind;
  /** Who did it, as the history shows it (a person's name, 'system' for the daily job). */
  changedBy: string;
  at: string;
  /** The office calendar day of the move. */
  onDate: string;
};

/**
 * Put owned clients into the pool: no owner, `pool_since` now, and their open next steps closed
 * (nobody owns them any more; the follow-up history stays). Contracts keep their salesperson, so
 * money already earned stays credited. One ownership-history row per client, with the reason.
 * Call inside a transaction.
 */
export function moveIntoPool(sqlite: BetterSqlite3.Database, moves: readonly PoolMove[], stamp: MoveStamp): number {
  const setClient = sqlite.prepare(
    'UPDATE clients SET owner_staff_id = NULL, pool_since = ?, updated_at = ? WHERE id = ? AND owner_staff_id = ?',
  );
  const closeSteps = sqlite.prepare('UPDATE follow_ups SET done = 1 WHERE client_id = ? AND done = 0');
  const history = sqlite.prepare(
    `INSERT INTO client_owner_history (client_id, from_staff_id, to_staff_id, changed_at, changed_by, reason, kind, on_date)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  let moved = 0;
  for (const m of moves) {
    if (setClient.run(stamp.at, stamp.at, m.clientId, m.fromStaffId).changes === 0) continue;
    closeSteps.run(m.clientId);
    history.run(m.clientId, m.fromStaffId, stamp.at, stamp.changedBy, m.reason, stamp.kind, stamp.onDate);
    moved++;
  }
  return moved;
}

/**
 * Give pool clients an owner (claimed or assigned): the owner set, out of the pool, one history
 * row each. Contracts keep the salesperson who signed them (their payments stay theirs). Only
 * clients still in the pool move; returns how many did. Call inside a transaction.
 */
export function moveOutOfPool(
  sqlite: BetterSqlite3.Database,
  clientIds: readonly number[],
  toStaffId: number,
  reason: string,
  stamp: MoveStamp,
): number {
  const setClient = sqlite.prepare(
    `UPDATE clients SET owner_staff_id = ?, pool_since = NULL, updated_at = ?
     WHERE id = ? AND owner_staff_id IS NULL AND archived_at IS NULL`,
  );
  const history = sqlite.prepare(
    `INSERT INTO client_owner_history (client_id, from_staff_id, to_staff_id, changed_at, changed_by, reason, kind, on_date)
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  let moved = 0;
  for (const id of clientIds) {
    if (setClient.run(toStaffId, stamp.at, id).changes === 0) continue;
    history.run(id, toStaffId, stamp.at, stamp.changedBy, reason, stamp.kind, stamp.onDate);
    moved++;
  }
  return moved;
}

/** Every client of one person, archived ones too: what leaving staff's "to the pool" moves. */
export function ownedClientIds(sqlite: BetterSqlite3.Database, staffId: number): number[] {
  return sqlite.prepare('SELECT id FROM clients WHERE owner_staff_id = ?').pluck().all(staffId) as number[];
}
