import type { MonthPlans, PlanFields } from '../../../shared/contract/commission';
import { addMonths } from '../../../shared/dates';
import type { Role } from '../../../shared/roles';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { employedIn } from './employed-staff';
import { assertMonthOpen, isMonthClosed } from './month-state';
import { effectivePlan, loadPlans } from './plans.repository';
import { assertMayManagePerson, personTarget } from '../staff/staff-policy';
import { effectiveTiers, loadTiers, saveTiers } from './plan-tiers.repository';
import { tiersProblem, type Tier } from '../../../shared/commission/tiers';

/** The month's plan: team default, each employed person's override and what applies to them. */
export function getPlans(ctx: CallContext, month: string): MonthPlans {
  const plans = loadPlans(ctx.sqlite, month);
  const tiers = loadTiers(ctx.sqlite, month);
  const own = ctx.actor?.role === 'salesperson' ? ctx.actor.staffId : null;
  const people = employedIn(ctx.sqlite, month)
    .filter((s) => own === null || s.id === own)
    .map((s) => ({
      staffId: s.id,
      code: s.code,
      name: s.name,
      role: s.role as Role,
      override: plans.byStaff.get(s.id) ?? null,
      effective: effectivePlan(plans, s.id, s.role as Role),
      ownTiers: tiers.byStaff.get(s.id) ?? null,
      tiers: effectiveTiers(tiers, plans, s.id, s.role as Role).tiers,
    }));
  return {
    month,
    closed: isMonthClosed(ctx.sqlite, month),
    team: own === null ? plans.team : null,
    teamTiers: own === null ? tiers.team : null,
    people,
  };
}

export async function setPlan(ctx: CallContext, month: string, staffId: number | null, plan: PlanFields): Promise<MonthPlans> {
  await ctx.db.transaction().execute(async (trx) => {
    assertMayManagePlanOf(ctx, staffId);
    assertMonthOpen(ctx.sqlite, month);
    if (staffId === null && plan.leaveReason)
      throw new AppError('invalid_input', {
        zh: '请假只能设置在个人指标上。',
        en: 'Leave can only be set on one person’s plan.',
      });
    if (staffId !== null && !employedIn(ctx.sqlite, month).some((s) => s.id === staffId))
      throw new AppError('invalid_input', {
        zh: `员工(编号 ${staffId})${month} 不在职,不能设置指标。`,
        en: `Staff #${staffId} is not employed in ${month}; no plan can be set.`,
      });
    const before = loadPlans(ctx.sqlite, month);
    const previous = staffId === null ? before.team : (before.byStaff.get(staffId) ?? null);
    const at = ctx.now().toISOString();
    ctx.sqlite.prepare(`DELETE FROM monthly_plans WHERE month = ? AND staff_id IS ?`).run(month, staffId);
    ctx.sqlite
      .prepare(
        `INSERT INTO monthly_plans (month, staff_id, floor_fen, target_fen, rate_bp, multiplier_pct, leave_reason, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        month,
        staffId,
        plan.floorFen,
        plan.targetFen,
        plan.rateBp,
        plan.multiplierPct,
        plan.leaveReason,
        at,
        ctx.actor?.code ?? 'system',
      );
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'plans.set', entity: 'plan', entityId: `${month}/${staffId ?? 'team'}`, before: previous, after: plan },
      ctx.now(),
    );
  });
  return getPlans(ctx, month);
}

export async function clearPlan(ctx: CallContext, month: string, staffId: number): Promise<MonthPlans> {
  await ctx.db.transaction().execute(async (trx) => {
    assertMayManagePlanOf(ctx, staffId);
    assertMonthOpen(ctx.sqlite, month);
    const previous = loadPlans(ctx.sqlite, month).byStaff.get(staffId) ?? null;
    if (!previous) return;
    ctx.sqlite.prepare('DELETE FROM monthly_plans WHERE month = ? AND staff_id = ?').run(month, staffId);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'plans.clear', entity: 'plan', entityId: `${month}/${staffId}`, before: previous },
      ctx.now(),
    );
  });
  return getPlans(ctx, month);
}

/** 阶梯提成 for the team (业务员) or one person; null goes back to the manual's rule. */
export async function setTiers(
  ctx: CallContext,
  month: string,
  staffId: number | null,
  tiers: Tier[] | null,
): Promise<MonthPlans> {
  if (tiers) {
    const problem = tiersProblem(tiers);
    if (problem)
      throw new AppError('invalid_input', problem, {
        issues: [{ path: 'tiers', message: problem.zh, messageEn: problem.en }],
      });
  }
  await ctx.db.transaction().execute(async (trx) => {
    assertMonthOpen(ctx.sqlite, month);
    // A person's tiers are their pay, like their plan: the same rule (staff-policy).
    assertMayManagePlanOf(ctx, staffId);
    if (staffId !== null && !employedIn(ctx.sqlite, month).some((s) => s.id === staffId))
      throw new AppError('invalid_input', {
        zh: `员工(编号 ${staffId})${month} 不在职,不能设置阶梯提成。`,
        en: `Staff #${staffId} is not employed in ${month}; no tiers can be set.`,
      });
    const before = loadTiers(ctx.sqlite, month);
    const previous = staffId === null ? before.team : (before.byStaff.get(staffId) ?? null);
    saveTiers(ctx.sqlite, month, staffId, tiers, ctx.now().toISOString(), ctx.actor?.code ?? 'system');
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'plans.setTiers', entity: 'plan', entityId: `${month}/${staffId ?? 'team'}`, before: previous, after: tiers },
      ctx.now(),
    );
  });
  return getPlans(ctx, month);
}

/**
 * 沿用上月: the month's plan becomes a copy of the previous month's (team default and the
 * overrides of people still employed; leave is not carried over). Replaces what was set.
 */
export async function copyPreviousPlans(ctx: CallContext, month: string): Promise<MonthPlans> {
  const from = addMonths(month, -1);
  await ctx.db.transaction().execute(async (trx) => {
    assertMonthOpen(ctx.sqlite, month);
    const source = loadPlans(ctx.sqlite, from);
    const sourceTiers = loadTiers(ctx.sqlite, from);
    if (!source.team && source.byStaff.size === 0 && !sourceTiers.team && sourceTiers.byStaff.size === 0)
      throw new AppError('not_found', {
        zh: `${from} 没有设置指标,无法沿用。请直接设置本月指标。`,
        en: `${from} has no plan to copy. Set this month’s plan directly.`,
      });
    const before = loadPlans(ctx.sqlite, month);
    const employed = new Set(employedIn(ctx.sqlite, month).map((s) => s.id));
    const at = ctx.now().toISOString();
    const by = ctx.actor?.code ?? 'system';
    ctx.sqlite.prepare('DELETE FROM monthly_plans WHERE month = ?').run(month);
    const insert = ctx.sqlite.prepare(
      `INSERT INTO monthly_plans (month, staff_id, floor_fen, target_fen, rate_bp, multiplier_pct, leave_reason, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    for (const p of [source.team, ...source.byStaff.values()]) {
      if (!p || (p.staffId !== null && !employed.has(p.staffId))) continue;
      insert.run(month, p.staffId, p.floorFen, p.targetFen, p.rateBp, p.multiplierPct, at, by);
    }
    // 阶梯提成 go with the plan they belong to.
    const tiers = loadTiers(ctx.sqlite, from);
    ctx.sqlite.prepare('DELETE FROM plan_tiers WHERE month = ?').run(month);
    if (tiers.team) saveTiers(ctx.sqlite, month, null, tiers.team, at, by);
    for (const [staffId, own] of tiers.byStaff) if (employed.has(staffId)) saveTiers(ctx.sqlite, month, staffId, own, at, by);
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'plans.copyPrevious',
        entity: 'plan',
        entityId: month,
        before: { team: before.team, people: [...before.byStaff.values()] },
        after: { from },
      },
      ctx.now(),
    );
  });
  return getPlans(ctx, month);
}

/** A person's plan follows who may manage that person; the team default is every manager's. */
function assertMayManagePlanOf(ctx: CallContext, staffId: number | null): void {
  if (staffId === null) return;
  const target = personTarget(ctx.sqlite, staffId);
  if (target) assertMayManagePerson(ctx.actor, target);
}
