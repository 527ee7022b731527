import type { ScheduledPayment, Standing } from '../../../shared/contract/statements';
import { monthOf, todayLocal } from '../../../shared/dates';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { readCommissionSettings } from './commission-settings';
import { creditOfUnit } from './credited-sales';
import { payMonth } from './month-figures';
import { effectiveTiers, loadTiers } from './plan-tiers.repository';
import { effectivePlan, loadPlans } from './plans.repository';
import { scheduledPaymentsIn } from './scheduled-payments';
import { setAt, shareSetsOf } from './share-sets.repository';

/**
 * "Where do I stand" (issue 19): one person's month so far and the terms the what-if needs to
 * answer "if ¥X more is collected" in the page itself (shared/commission/standing.ts), so the
 * projection is the very rule the sheet uses. A salesperson sees only their own.
 */
export async function getStanding(
  ctx: CallContext,
  input: { staffId?: number | undefined; asOf?: string | undefined },
): Promise<Standing> {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const month = monthOf(asOf);
  const own = ctx.actor?.role === 'salesperson' ? (ctx.actor.staffId ?? -1) : null;
  const staffId = input.staffId ?? own ?? ctx.actor?.staffId ?? null;
  if (staffId === null)
    throw new AppError(
      'invalid_input',
      { zh: '请选择要测算的员工。', en: 'Choose whose month to look at.' },
      {
        issues: [{ path: 'staffId', message: '请选择员工', messageEn: 'Choose a person' }],
      },
    );
  if (own !== null && staffId !== own)
    throw new AppError('forbidden', {
      zh: '业务员只能查看自己的业绩测算。',
      en: 'A salesperson can look only at their own month.',
    });
  const figures = await payMonth(ctx, month);
  const row = figures.rows.find((r) => r.staffId === staffId);
  if (!row)
    throw new AppError('not_found', {
      zh: `${month} 的业绩表上没有这位员工(编号 ${staffId})。`,
      en: `Staff #${staffId} is not on the ${month} sheet.`,
    });
  const settings = await readCommissionSettings(ctx.db);
  const plans = loadPlans(ctx.sqlite, month);
  const plan = effectivePlan(plans, staffId, row.role);
  const tiers = effectiveTiers(loadTiers(ctx.sqlite, month), plans, staffId, row.role).tiers;
  return {
    month,
    asOf,
    staffId,
    name: row.name,
    terms: {
      floorFen: plan.floorFen,
      targetFen: plan.targetFen,
      rateBp: plan.rateBp,
      multiplierPct: plan.multiplierPct,
      tiers,
      commissionWhenBelowFloor: settings.commissionWhenBelowFloor,
      exempt: row.exempt,
      // For an open month the sheet's run is the one that ended last month.
      previousRun: figures.closed
        ? Math.max(0, row.pay.monthsBelowFloorInRow - (row.pay.belowFloor ? 1 : 0))
        : row.pay.monthsBelowFloorInRow,
    },
    exemption: row.exemption,
    salesFen: row.pay.salesFen,
    bonusFen: row.pay.bonusFen,
    deductionFen: row.pay.deductionFen,
    fixedPayFen: row.pay.baseSalaryFen + row.pay.allowancesFen,
    scheduled: scheduledFor(ctx, month, staffId),
  };
}

/** The month's expected instalments that would credit this person, with their share applied. */
function scheduledFor(ctx: CallContext, month: string, staffId: number): ScheduledPayment[] {
  const instalments = scheduledPaymentsIn(ctx, month);
  const owners = new Map(
    (
      ctx.sqlite
        .prepare('SELECT id, staff_id AS staffId FROM contracts WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(instalments.map((i) => i.contractId))) as { id: number; staffId: number | null }[]
    ).map((c) => [c.id, c.staffId]),
  );
  const sets = shareSetsOf(
    ctx.sqlite,
    instalments.map((i) => i.contractId),
  );
  const mine: ScheduledPayment[] = [];
  for (const i of instalments) {
    const unit = {
      paymentId: null,
      contractId: i.contractId,
      staffId: owners.get(i.contractId) ?? null,
      amountFen: i.amountFen,
      creditMonth: month,
    };
    const creditFen = creditOfUnit(unit, setAt(sets.get(i.contractId), month)).get(staffId) ?? 0;
    if (creditFen !== 0) mine.push({ ...i, creditFen });
  }
  return mine.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
