import type { DismissalCase } from '../../../shared/contract/commission';
import { addMonths } from '../../../shared/dates';
import { monthBounds } from '../../../shared/performance/month-range';
import { writeAudit } from '../audit/audit.repository';
import { countClientsOwnedBy, reassignClientsOwner } from '../clients/client-owner.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { leavingStaffToPool } from '../pool/pool-manage.service';
import { lastClosed } from './month-state';
import { assertMayManagePerson, assertOwnerRemains, personTarget } from '../staff/staff-policy';
import { recordStatusEvent } from '../staff/staff-history.repository';
import { liveStatuses, payMonth } from './month-figures';
import { handOverShares } from './shares.service';

/** 待辞退 at the last closed month, with the months that put each person there. */
export async function listDismissalCases(ctx: CallContext): Promise<DismissalCase[]> {
  const month = lastClosed(ctx.sqlite);
  if (!month) return [];
  const figures = await payMonth(ctx, month);
  // The closed sheet keeps the status it closed with; whether a case is still open follows the
  // owner's decisions since.
  const live = liveStatuses(ctx, month, true);
  const cases: DismissalCase[] = [];
  for (const row of figures.rows.filter((r) => r.status === 'dismissal_due' && live.get(r.staffId) === 'dismissal_due')) {
    const evidence = [];
    for (
      let i = 0, m = month;
      i < row.pay.monthsBelowFloorInRow + 6 && evidence.length < row.pay.monthsBelowFloorInRow;
      i++, m = addMonths(m, -1)
    ) {
      const past = (await payMonth(ctx, m)).rows.find((r) => r.staffId === row.staffId);
      if (past?.pay.belowFloor) evidence.unshift({ month: m, salesFen: past.pay.salesFen, floorFen: past.pay.floorFen });
    }
    cases.push({
      staffId: row.staffId,
      code: row.code,
      name: row.name,
      month,
      monthsBelowFloorInRow: row.pay.monthsBelowFloorInRow,
      evidence,
      clientCount: await countClientsOwnedBy(ctx.db, row.staffId),
    });
  }
  return cases;
}

type Decision = {
  staffId: number;
  month: string;
  decision: 'keep' | 'dismiss';
  reason: string;
  leftOn?: string | undefined;
  reassignToStaffId?: number | undefined;
  /** Every client goes back to the pool (公海) instead of to a colleague. */
  clientsToPool?: boolean | undefined;
};

/**
 * The owner decides a 待辞退 case. Keeping leaves the person on 预警 for this run. Dismissing
 * ends employment on `leftOn` and moves every one of their clients (with open follow-ups and
 * running contracts) to the chosen colleague in the same transaction — none is left ownerless.
 */
export async function decideDismissal(
  ctx: CallContext,
  d: Decision,
): Promise<{ staffId: number; decision: 'keep' | 'dismiss'; movedClients: number }> {
  const open = (await listDismissalCases(ctx)).find((c) => c.staffId === d.staffId && c.month === d.month);
  if (!open)
    throw new AppError('not_found', {
      zh: `员工(编号 ${d.staffId})在 ${d.month} 没有待处理的待辞退。`,
      en: `Staff #${d.staffId} has no open dismissal case for ${d.month}.`,
    });
  return ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    let movedClients = 0;
    let leftOn: string | null = null;
    const target = personTarget(ctx.sqlite, d.staffId);
    if (target) assertMayManagePerson(ctx.actor, target);
    if (d.decision === 'dismiss') {
      if (target) assertOwnerRemains(ctx.sqlite, target);
      leftOn = d.leftOn ?? at.slice(0, 10);
      if (leftOn < monthBounds(d.month).first)
        throw new AppError(
          'invalid_input',
          { zh: '离职日期不能早于待辞退的月份。', en: 'The leaving date cannot be before the month of the case.' },
          {
            issues: [{ path: 'leftOn', message: '离职日期过早', messageEn: 'Leaving date too early' }],
          },
        );
      if (open.clientCount > 0 && d.clientsToPool) {
        movedClients = leavingStaffToPool(ctx, d.staffId, open.name);
      } else if (open.clientCount > 0) {
        if (!d.reassignToStaffId || d.reassignToStaffId === d.staffId)
          throw new AppError(
            'invalid_input',
            {
              zh: `${open.name} 名下有 ${open.clientCount} 位客户,请先选择接手的同事,或让客户退回公海。`,
              en: `${open.name} owns ${open.clientCount} clients; choose the colleague who takes them over, or send them to the pool.`,
            },
            { issues: [{ path: 'reassignToStaffId', message: '请选择接手人', messageEn: 'Choose who takes over' }] },
          );
        const to = await trx
          .selectFrom('staff')
          .select(['id', 'status'])
          .where('id', '=', d.reassignToStaffId)
          .executeTakeFirst();
        if (!to || to.status === 'left')
          throw new AppError('invalid_input', {
            zh: '接手人不存在或已离职。',
            en: 'The colleague taking over does not exist or has left.',
          });
        movedClients = await reassignClientsOwner(trx, {
          fromStaffId: d.staffId,
          toStaffId: d.reassignToStaffId,
          at,
          changedBy: ctx.actor?.code ?? 'system',
          reason: `辞退 / dismissal: ${d.reason}`,
        });
      }
      // Their 分成 on shared contracts goes to the same colleague from the first open month on.
      if (d.reassignToStaffId && d.reassignToStaffId !== d.staffId)
        handOverShares(ctx.sqlite, d.staffId, d.reassignToStaffId, at, ctx.actor?.code ?? 'system');
      await trx
        .updateTable('staff')
        .set({ status: 'left', left_on: leftOn, updated_at: at })
        .where('id', '=', d.staffId)
        .execute();
      ctx.sqlite.prepare('DELETE FROM sessions WHERE staff_id = ?').run(d.staffId);
      recordStatusEvent(ctx, {
        staffId: d.staffId,
        event: 'dismissed',
        effectiveOn: leftOn,
        from: target?.status ?? null,
        to: 'left',
        reason: d.reason,
      });
    } else {
      await trx.updateTable('staff').set({ status: 'warning', updated_at: at }).where('id', '=', d.staffId).execute();
    }
    await trx
      .insertInto('dismissal_flags')
      .values({
        staff_id: d.staffId,
        month: d.month,
        decision: d.decision === 'keep' ? 'kept' : 'dismissed',
        reason: d.reason,
        left_on: leftOn,
        decided_at: at,
        decided_by: ctx.actor?.code ?? 'system',
      })
      .execute();
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: `dismissals.${d.decision}`,
        entity: 'staff',
        entityId: d.staffId,
        before: open,
        after: { reason: d.reason, leftOn, movedClients, clientsToPool: d.clientsToPool === true },
      },
      ctx.now(),
    );
    return { staffId: d.staffId, decision: d.decision, movedClients };
  });
}
