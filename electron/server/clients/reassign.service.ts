import { actorText } from '../../../shared/audit/audit-text';
import { auditNames } from '../audit/audit-names';
import type { OwnerHistoryRow } from '../../../shared/contract/clients';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { findStaffById } from '../staff/staff.repository';
import { reassignClientsOwner } from './client-owner.repository';
import { listOwnerHistory } from './clients.repository';
import { assertActiveStaff, visibleClient } from './clients.service';

export type ReassignInput = {
  clientIds?: number[] | undefined;
  fromStaffId?: number | undefined;
  toStaffId: number;
  reason: string;
};

/**
 * Move one, many, or all of a person's clients to another, with their open follow-ups
 * (reminders included) and running contracts. History keeps every move; payments already
 * received stay credited to whoever earned them.
 */
export async function reassignClients(ctx: CallContext, input: ReassignInput): Promise<{ moved: number }> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const to = await assertActiveStaff(trx, input.toStaffId);
    if (input.fromStaffId !== undefined) {
      const from = await findStaffById(trx, input.fromStaffId);
      if (!from)
        throw new AppError('not_found', {
          zh: `找不到员工(${input.fromStaffId})。`,
          en: `Staff member ${input.fromStaffId} was not found.`,
        });
      if (from.id === to.id)
        throw new AppError('invalid_input', {
          zh: '转出和转入是同一个人。',
          en: 'The person moving clients out and in is the same.',
        });
    }
    if (input.clientIds) {
      const ids = [...new Set(input.clientIds)];
      const found = await trx
        .selectFrom('clients')
        .select('id')
        .where('id', 'in', ids.length > 900 ? [-1] : ids)
        .execute();
      if (ids.length <= 900 && found.length !== ids.length) {
        const missing = ids.filter((id) => !found.some((f) => f.id === id));
        throw new AppError(
          'not_found',
          {
            zh: `找不到客户:${missing.join(', ')}。请刷新后重试。`,
            en: `Clients not found: ${missing.join(', ')}. Refresh and try again.`,
          },
          { missing },
        );
      }
    }
    const moved = await reassignClientsOwner(trx, {
      ...(input.clientIds ? { clientIds: input.clientIds } : {}),
      ...(input.fromStaffId !== undefined ? { fromStaffId: input.fromStaffId } : {}),
      toStaffId: to.id,
      changedBy: ctx.actor?.name ?? 'system',
      reason: input.reason,
      at,
    });
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'clients.reassign', entity: 'client', entityId: null, after: { ...input, moved } },
      ctx.now(),
    );
    return { moved };
  });
}

export async function ownerHistory(ctx: CallContext, clientId: number): Promise<OwnerHistoryRow[]> {
  await visibleClient(ctx.db, ctx.actor, clientId);
  const names = auditNames(ctx.sqlite);
  // Who moved it, as people say it (张伟(YW01), 本机), not the bare sign-in code.
  return (await listOwnerHistory(ctx.db, clientId)).map((r) => ({ ...r, changedByName: actorText(r.changedBy, names) }));
}
