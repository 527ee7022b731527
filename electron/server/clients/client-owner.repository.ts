import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type ReassignOwner = {
  /** Either the clients to move, or everyone owned by `fromStaffId`. */
  clientIds?: readonly number[];
  fromStaffId?: number;
  toStaffId: number;
  changedBy: string;
  reason: string;
  at: string;
};

/**
 * Move clients to a new owner with what travels with them: open follow-ups and contracts still
 * running. Payments already received stay credited to whoever earned them. Call inside a
 * transaction; returns how many clients moved. Ownership history keeps every move.
 */
export async function reassignClientsOwner(db: Kysely<Database>, move: ReassignOwner): Promise<number> {
  let query = db.selectFrom('clients').select(['id', 'owner_staff_id']);
  if (move.clientIds) query = query.where('id', 'in', move.clientIds.length ? [...move.clientIds] : [-1]);
  else if (move.fromStaffId !== undefined) query = query.where('owner_staff_id', '=', move.fromStaffId);
  else throw new Error('reassignClientsOwner needs clientIds or fromStaffId');
  const moving = (await query.execute()).filter((c) => c.owner_staff_id !== move.toStaffId);
  if (moving.length === 0) return 0;
  const ids = moving.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db
      .updateTable('clients')
      .set({ owner_staff_id: move.toStaffId, updated_at: move.at })
      .where('id', 'in', chunk)
      .execute();
    await db
      .updateTable('follow_ups')
      .set({ staff_id: move.toStaffId })
      .where('client_id', 'in', chunk)
      .where('done', '=', 0)
      .execute();
    await db
      .updateTable('contracts')
      .set({ staff_id: move.toStaffId, updated_at: move.at })
      .where('client_id', 'in', chunk)
      .where('status', 'in', ['draft', 'signed', 'active'])
      .execute();
  }
  await db
    .insertInto('client_owner_history')
    .values(
      moving.map((c) => ({
        client_id: c.id,
        from_staff_id: c.owner_staff_id,
        to_staff_id: move.toStaffId,
        changed_at: move.at,
        changed_by: move.changedBy,
        reason: move.reason,
      })),
    )
    .execute();
  return moving.length;
}

export async function countClientsOwnedBy(db: Kysely<Database>, staffId: number): Promise<number> {
  const row = await db
    .selectFrom('clients')
    .select(sql<number>`count(*)`.as('n'))
    .where('owner_staff_id', '=', staffId)
    .executeTakeFirstOrThrow();
  return row.n;
}
