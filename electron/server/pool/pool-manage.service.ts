import type { ClientFilters } from '../../../shared/contract/clients';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext } from '../core/context';
import { assertActiveStaff } from '../clients/clients.service';
import { clientWhere } from '../clients/client-list.query';
import { assertAllInPool, loadClients, stampOf } from './pool-clients';
import { moveIntoPool, moveOutOfPool, ownedClientIds } from './pool-moves';

/** A manager gives pool clients to a colleague (caps are for claims; a manager decides). */
export async function assignFromPool(
  ctx: CallContext,
  input: { clientIds: number[]; toStaffId: number; reason: string },
): Promise<{ assigned: number }> {
  const ids = [...new Set(input.clientIds)];
  return ctx.db.transaction().execute(async (trx) => {
    const to = await assertActiveStaff(trx, input.toStaffId);
    assertAllInPool(loadClients(ctx, ids));
    const reason = input.reason || '经理从公海分配 / Assigned from the pool';
    const assigned = moveOutOfPool(ctx.sqlite, ids, to.id, reason, stampOf(ctx, 'assign'));
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'pool.assign', entity: 'client', entityId: null, after: { clientIds: ids, toStaffId: to.id, reason } },
      ctx.now(),
    );
    return { assigned };
  });
}

/** A manager puts owned clients back by hand: chosen ones, or every client the list's filters match. */
export async function putBackToPool(
  ctx: CallContext,
  input: { clientIds?: number[] | undefined; filters?: ClientFilters | undefined; reason: string },
): Promise<{ returned: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    let owned: { id: number; owner_staff_id: number | null }[];
    if (input.clientIds) {
      owned = loadClients(ctx, [...new Set(input.clientIds)]);
    } else {
      const where = clientWhere(input.filters!, null);
      owned = ctx.sqlite
        .prepare(`SELECT c.id, c.owner_staff_id FROM clients c ${where.sql}`)
        .all(...where.params) as typeof owned;
    }
    const moves = owned
      .filter((c): c is { id: number; owner_staff_id: number } => c.owner_staff_id !== null)
      .map((c) => ({
        clientId: c.id,
        fromStaffId: c.owner_staff_id,
        reason: `退回公海:${input.reason} / Put back: ${input.reason}`,
      }));
    const returned = moveIntoPool(ctx.sqlite, moves, stampOf(ctx, 'put_back'));
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'pool.putBack',
        entity: 'client',
        entityId: null,
        after: { reason: input.reason, filters: input.filters ?? null, clientIds: moves.map((m) => m.clientId), returned },
      },
      ctx.now(),
    );
    return { returned };
  });
}

/**
 * Leaving staff (离职 or a confirmed dismissal): every one of their clients goes to the pool, in
 * the caller's transaction, each with a history row saying why.
 */
export function leavingStaffToPool(ctx: CallContext, staffId: number, staffName: string): number {
  const ids = ownedClientIds(ctx.sqlite, staffId);
  return moveIntoPool(
    ctx.sqlite,
    ids.map((id) => ({
      clientId: id,
      fromStaffId: staffId,
      reason: `${staffName} 离职,客户退回公海 / ${staffName} left; client back to the pool`,
    })),
    stampOf(ctx, 'leave'),
  );
}
