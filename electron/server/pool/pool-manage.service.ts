import type { ClientFilters } from '../../../shared/contract/clients';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext } from '../core/context';
import { mayManagePerson, personTarget } from '../staff/staff-policy';
import { AppError } from '../core/app-error';
import { ROLE_LABELS } from '../../../shared/roles';
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
    // A manager assigns to the people they manage; their own clients come by claiming, within
    // the caps like everyone's, and a manager's or owner's only by their own claim or the owner.
    const recipient = personTarget(ctx.sqlite, to.id)!;
    if (!mayManagePerson(ctx.actor, recipient))
      throw new AppError(
        'forbidden',
        {
          zh:
            recipient.id === ctx.actor?.staffId
              ? '经理不能把公海客户分配给自己;请用“领取”(受每日和持有上限约束)。'
              : `只有店长可以把公海客户分配给${ROLE_LABELS[recipient.role].zh}${recipient.name}(${recipient.code});经理只分配给业务员和文员。`,
          en:
            recipient.id === ctx.actor?.staffId
              ? 'A manager cannot assign pool clients to themself; claim them instead (within the daily and holding caps).'
              : `Only the owner may assign pool clients to ${recipient.name} (${recipient.code}), a ${ROLE_LABELS[recipient.role].en.toLowerCase()}; managers assign to salespeople and clerks.`,
        },
        { staffId: recipient.id },
      );
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
