import type { Kysely } from 'kysely';
import type { NewStaff, StaffRow, StaffStatusEvent } from '../../../shared/contract/staff';
import { todayLocal } from '../../../shared/dates';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { Database } from '../db/schema';
import { writeAudit } from '../audit/audit.repository';
import { leavingStaffToPool } from '../pool/pool-manage.service';
import { findStaffByCode, findStaffById, insertStaff, listStaffRecords, toStaffRow, updateStaffRecord } from './staff.repository';
import { assertMayGrantRole, assertMayManagePerson, assertOwnerRemains, type PersonTarget } from './staff-policy';
import { listStatusEvents, recordStatusEvent } from './staff-history.repository';

/** Salary never reaches a clerk, nor a salesperson for anyone but themself — enforced here, not only hidden. */
function withoutPayFor(ctx: CallContext, row: StaffRow): StaffRow {
  const role = ctx.actor?.role ?? 'owner';
  if (role === 'owner' || role === 'manager' || (role === 'salesperson' && ctx.actor?.staffId === row.id)) return row;
  const { baseSalaryFen: _hidden, ...rest } = row;
  return rest;
}

export async function listStaff(ctx: CallContext, includeLeft: boolean): Promise<StaffRow[]> {
  return (await listStaffRecords(ctx.db, includeLeft)).map(toStaffRow).map((row) => withoutPayFor(ctx, row));
}

export async function getStaff(ctx: CallContext, id: number): Promise<StaffRow> {
  const record = await findStaffById(ctx.db, id);
  if (!record) throw notFound({ zh: '员工', en: 'Staff member' }, id);
  return withoutPayFor(ctx, toStaffRow(record));
}

export async function createStaff(ctx: CallContext, input: NewStaff): Promise<StaffRow> {
  const stamp = ctx.now().toISOString();
  assertMayGrantRole(ctx.actor, input.role);
  return ctx.db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, input.code, null);
    const record = await insertStaff(trx, {
      code: input.code,
      name: input.name,
      role: input.role,
      hired_on: input.hiredOn,
      left_on: null,
      base_salary_fen: input.baseSalaryFen,
      status: 'active',
      phone: input.phone,
      created_at: stamp,
      updated_at: stamp,
    });
    const row = toStaffRow(record);
    recordStatusEvent(ctx, { staffId: row.id, event: 'hired', effectiveOn: row.hiredOn, from: null, to: 'active' });
    await writeAudit(trx, ctx.actor, { action: 'staff.create', entity: 'staff', entityId: row.id, after: row }, ctx.now());
    return row;
  });
}

export type StaffPatch = {
  id: number;
  code?: string | undefined;
  name?: string | undefined;
  role?: StaffRow['role'] | undefined;
  hiredOn?: string | undefined;
  baseSalaryFen?: number | undefined;
  phone?: string | undefined;
};

export async function updateStaff(ctx: CallContext, patch: StaffPatch): Promise<StaffRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findStaffById(trx, patch.id);
    if (!existing) throw notFound({ zh: '员工', en: 'Staff member' }, patch.id);
    const target = asTarget(existing);
    assertMayManagePerson(ctx.actor, target);
    if (patch.role !== undefined && patch.role !== existing.role) {
      assertMayGrantRole(ctx.actor, patch.role);
      assertOwnerRemains(ctx.sqlite, target);
    }
    if (patch.code !== undefined) await assertCodeFree(trx, patch.code, patch.id);
    const record = await updateStaffRecord(trx, patch.id, {
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.hiredOn !== undefined && { hired_on: patch.hiredOn }),
      ...(patch.baseSalaryFen !== undefined && { base_salary_fen: patch.baseSalaryFen }),
      ...(patch.phone !== undefined && { phone: patch.phone }),
      updated_at: ctx.now().toISOString(),
    });
    const row = toStaffRow(record);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'staff.update', entity: 'staff', entityId: row.id, before: toStaffRow(existing), after: row },
      ctx.now(),
    );
    return row;
  });
}

/** Ends employment; the person stays on record so their history and clients are never lost. */
export async function deactivateStaff(ctx: CallContext, id: number, leftOn: string, clientsToPool = false): Promise<StaffRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findStaffById(trx, id);
    if (!existing) throw notFound({ zh: '员工', en: 'Staff member' }, id);
    const target = asTarget(existing);
    assertMayManagePerson(ctx.actor, target);
    if (existing.status === 'left') {
      throw new AppError('conflict', {
        zh: `${existing.name}(${existing.code})已于 ${existing.left_on} 离职。`,
        en: `${existing.name} (${existing.code}) already left on ${existing.left_on}.`,
      });
    }
    if (leftOn < existing.hired_on) {
      throw new AppError(
        'invalid_input',
        {
          zh: `离职日期 ${leftOn} 早于入职日期 ${existing.hired_on},请检查。`,
          en: `The leaving date ${leftOn} is before the hire date ${existing.hired_on}; please check it.`,
        },
        { issues: [{ path: 'leftOn', message: '早于入职日期', messageEn: 'before the hire date' }] },
      );
    }
    assertOwnerRemains(ctx.sqlite, target);
    const record = await updateStaffRecord(trx, id, {
      status: 'left',
      left_on: leftOn,
      updated_at: ctx.now().toISOString(),
    });
    // Whoever left is signed out everywhere at once (sessions of a person who left never count).
    ctx.sqlite.prepare('DELETE FROM sessions WHERE staff_id = ?').run(id);
    recordStatusEvent(ctx, { staffId: id, event: 'left', effectiveOn: leftOn, from: existing.status, to: 'left' });
    const row = toStaffRow(record);
    const clientsToPoolCount = clientsToPool ? leavingStaffToPool(ctx, id, existing.name) : 0;
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'staff.deactivate',
        entity: 'staff',
        entityId: id,
        before: toStaffRow(existing),
        after: clientsToPool ? { ...row, clientsToPool: clientsToPoolCount } : row,
      },
      ctx.now(),
    );
    return row;
  });
}

/**
 * 恢复在职: undoes a 离职 (or a dismissal). The person is active again from `on` (default
 * today) with their 工号, hire date and history; the leaving stays in the 在职记录 and the audit
 * log. Their clients stay with whoever took them over. A dismissal decision becomes "kept", so the
 * floor rule treats them as a person on 预警 again, not as gone.
 */
export async function reinstateStaff(
  ctx: CallContext,
  input: { id: number; on?: string | undefined; reason: string },
): Promise<StaffRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findStaffById(trx, input.id);
    if (!existing) throw notFound({ zh: '员工', en: 'Staff member' }, input.id);
    assertMayManagePerson(ctx.actor, asTarget(existing));
    if (existing.status !== 'left')
      throw new AppError('conflict', {
        zh: `${existing.name}(${existing.code})在职,无需恢复。`,
        en: `${existing.name} (${existing.code}) has not left; there is nothing to reinstate.`,
      });
    const on = input.on ?? todayLocal(ctx.now());
    if (on < existing.hired_on)
      throw new AppError(
        'invalid_input',
        {
          zh: `恢复日期 ${on} 早于入职日期 ${existing.hired_on},请检查。`,
          en: `The day back ${on} is before the hire date ${existing.hired_on}; please check it.`,
        },
        { issues: [{ path: 'on', message: '早于入职日期', messageEn: 'before the hire date' }] },
      );
    const at = ctx.now().toISOString();
    const reverted = ctx.sqlite
      .prepare(
        `UPDATE dismissal_flags SET decision = 'kept', reason = reason || ' / 恢复在职 reinstated: ' || ? WHERE staff_id = ? AND decision = 'dismissed'`,
      )
      .run(input.reason, input.id).changes;
    const record = await updateStaffRecord(trx, input.id, { status: 'active', left_on: null, updated_at: at });
    recordStatusEvent(ctx, {
      staffId: input.id,
      event: 'reinstated',
      effectiveOn: on,
      from: 'left',
      to: 'active',
      reason: input.reason,
    });
    const row = toStaffRow(record);
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'staff.reinstate',
        entity: 'staff',
        entityId: input.id,
        before: toStaffRow(existing),
        after: { ...row, reinstatedOn: on, reason: input.reason, dismissalsReverted: reverted },
      },
      ctx.now(),
    );
    return row;
  });
}

/** 在职记录 of one person, oldest first. */
export async function staffHistory(ctx: CallContext, id: number): Promise<StaffStatusEvent[]> {
  const record = await findStaffById(ctx.db, id);
  if (!record) throw notFound({ zh: '员工', en: 'Staff member' }, id);
  return listStatusEvents(ctx.sqlite, id);
}

function asTarget(r: { id: number; role: string; status: string; name: string; code: string }): PersonTarget {
  return { id: r.id, role: r.role as PersonTarget['role'], status: r.status, name: r.name, code: r.code };
}

async function assertCodeFree(db: Kysely<Database>, code: string, exceptId: number | null): Promise<void> {
  const clash = await findStaffByCode(db, code);
  if (clash && clash.id !== exceptId) {
    throw new AppError(
      'conflict',
      {
        zh: `工号 ${code} 已被 ${clash.name} 使用,请换一个工号。`,
        en: `Staff code ${code} is already used by ${clash.name}; choose another code.`,
      },
      { issues: [{ path: 'code', message: `已被 ${clash.name} 使用`, messageEn: `already used by ${clash.name}` }] },
    );
  }
}
