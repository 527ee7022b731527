import type { AllowanceRow } from '../../../shared/contract/commission';
import type { Role } from '../../../shared/roles';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext, OfficeContext } from '../core/context';
import { assertMaySetRoleAllowances } from '../staff/staff-policy';

/** 岗位补贴 (交通, 通讯, 出勤…) per role, monthly, on every pay sheet of that role. */
export function listAllowances(ctx: OfficeContext): AllowanceRow[] {
  return ctx.sqlite
    .prepare('SELECT role, name, amount_fen AS amountFen FROM role_allowances ORDER BY role, name')
    .all() as AllowanceRow[];
}

/** Replace one role's allowances (an empty list removes them). */
export async function setAllowances(
  ctx: CallContext,
  role: Role,
  items: readonly { name: string; amountFen: number }[],
): Promise<AllowanceRow[]> {
  assertMaySetRoleAllowances(ctx.actor, role);
  const names = new Set<string>();
  for (const item of items) {
    if (names.has(item.name))
      throw new AppError('invalid_input', {
        zh: `补贴“${item.name}”重复了,每种补贴只填一次。`,
        en: `Allowance “${item.name}” is listed twice.`,
      });
    names.add(item.name);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = listAllowances(ctx).filter((a) => a.role === role);
    ctx.sqlite.prepare('DELETE FROM role_allowances WHERE role = ?').run(role);
    const insert = ctx.sqlite.prepare('INSERT INTO role_allowances (role, name, amount_fen) VALUES (?, ?, ?)');
    for (const item of items) insert.run(role, item.name, item.amountFen);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'allowances.set', entity: 'allowance', entityId: role, before, after: items },
      ctx.now(),
    );
  });
  return listAllowances(ctx);
}
