import type {
  PerformanceRow,
  PerformanceSheet,
  PerformanceTotals,
  PersonalStatement,
  TrendPoint,
} from '../../../shared/performance/performance-types';
import { addMonths, monthOf, todayLocal, type Month } from '../../../shared/dates';
import { monthsEndingWith } from '../../../shared/performance/month-range';
import { attainmentBp } from '../../../shared/commission/commission';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { getSettings } from '../settings/settings.service';
import { salesLinesOf } from '../commission/credited-sales';
import { lastClosed } from '../commission/month-state';
import { basicsOf, monthBasicsOf, payMonth, type PayMonth } from '../commission/month-figures';
import { frozenLines } from '../commission/month-close.service';
import { statementConfirmation } from '../commission/confirmations.service';

/**
 * Who sees what on the sheet (docs/operations.md › 登录、权限与备份, enforced here and not only hidden in the UI): a clerk
 * sees no pay figure at all; a salesperson sees only their own row, totals and trend; managers
 * and the owner see everyone.
 */
type SheetScope = { showsPay: boolean; onlyStaffId: number | null };

export function sheetScope(ctx: CallContext): SheetScope {
  const role = ctx.actor?.role ?? 'owner';
  if (role === 'clerk') return { showsPay: false, onlyStaffId: null };
  if (role === 'salesperson') return { showsPay: true, onlyStaffId: ctx.actor?.staffId ?? -1 };
  return { showsPay: true, onlyStaffId: null };
}

/** The sheet's month when none is asked for: the last closed month, else the current one. */
export async function defaultSheetMonth(ctx: CallContext): Promise<Month> {
  return lastClosed(ctx.sqlite) ?? monthOf(todayLocal(ctx.now()));
}

export async function computeSheet(ctx: CallContext, month: Month): Promise<PerformanceSheet> {
  const scope = sheetScope(ctx);
  const [settings, pay] = await Promise.all([getSettings(ctx), payMonth(ctx, month)]);
  return sheetOf(ctx, scope, settings.officeName, pay);
}

/** The sheet from computed (or frozen) figures, scoped to what the caller may see. */
async function sheetOf(ctx: CallContext, scope: SheetScope, officeName: string, pay: PayMonth): Promise<PerformanceSheet> {
  const month = pay.month;
  const rows: PerformanceRow[] = pay.rows
    .filter((r) => scope.onlyStaffId === null || r.staffId === scope.onlyStaffId)
    .map((r) => ({
      staffId: r.staffId,
      code: r.code,
      name: r.name,
      role: r.role,
      status: r.status,
      exemption: r.exemption,
      pay: scope.showsPay ? r.pay : null,
      activity: r.activity,
    }));
  return {
    month,
    closed: pay.closed,
    closedAt: pay.closedAt,
    officeName,
    creditBasis: pay.creditBasis,
    // The pay rules are about pay: a clerk, who sees none, gets none of them either.
    policies: scope.showsPay ? pay.policies : [],
    showsPay: scope.showsPay,
    rows,
    totals: totalsOf(rows, scope.showsPay),
    trend: scope.showsPay ? await trendFor(ctx, addMonths(month, -5), month, pay) : [],
  };
}

/** Team (or, for a salesperson, own) sales against target and floor, month by month. */
export async function trendFor(ctx: CallContext, from: Month, to: Month, known?: PayMonth): Promise<TrendPoint[]> {
  const scope = sheetScope(ctx);
  if (!scope.showsPay) return [];
  const months = monthsEndingWith(to, monthSpan(from, to));
  // The month the caller already computed (the sheet's own) is not computed again.
  const fetched = await monthBasicsOf(
    ctx,
    months.filter((m) => m !== known?.month),
  );
  const points: TrendPoint[] = [];
  for (const month of months) {
    const pay = known?.month === month ? basicsOf(known) : fetched.get(month)!;
    const rows = pay.rows.filter((r) => scope.onlyStaffId === null || r.staffId === scope.onlyStaffId);
    points.push({
      month,
      closed: pay.closed,
      salesFen: sum(rows.map((r) => r.salesFen)),
      targetFen: sumOrNull(rows.map((r) => r.targetFen)),
      floorFen: sumOrNull(rows.map((r) => r.floorFen)),
    });
  }
  return points;
}

export async function computeStatement(ctx: CallContext, month: Month, staffId: number): Promise<PersonalStatement> {
  const scope = sheetScope(ctx);
  const [settings, pay] = await Promise.all([getSettings(ctx), payMonth(ctx, month)]);
  const sheet = await sheetOf(ctx, scope, settings.officeName, pay);
  const row = sheet.rows.find((r) => r.staffId === staffId);
  const payRow = pay.rows.find((r) => r.staffId === staffId);
  if (!row)
    throw new AppError('not_found', {
      zh: `${month} 的业绩表里没有这位员工(编号 ${staffId}),或你无权查看。请从业绩表中选择员工。`,
      en: `Staff #${staffId} is not on the ${month} sheet, or you may not see them. Pick someone from the sheet.`,
    });
  return {
    month,
    closed: sheet.closed,
    officeName: sheet.officeName,
    creditBasis: sheet.creditBasis,
    policies: sheet.policies,
    row,
    lines: sheet.showsPay
      ? ((sheet.closed ? frozenLines(ctx, month, staffId) : null) ?? salesLinesOf(ctx.sqlite, month, staffId, sheet.creditBasis))
      : [],
    payLines: sheet.showsPay && payRow ? payRow.payLines : [],
    trend: row.pay ? await personTrend(ctx, month, staffId) : [],
    // Who confirmed what is about pay: not for a clerk.
    confirmation: sheet.showsPay && payRow ? statementConfirmation(ctx, month, payRow) : null,
  };
}

async function personTrend(ctx: CallContext, month: Month, staffId: number): Promise<TrendPoint[]> {
  const months = monthsEndingWith(month, 6);
  const fetched = await monthBasicsOf(ctx, months);
  const points: TrendPoint[] = [];
  for (const m of months) {
    const pay = fetched.get(m)!;
    const row = pay.rows.find((r) => r.staffId === staffId);
    points.push({
      month: m,
      closed: pay.closed,
      salesFen: row?.salesFen ?? 0,
      targetFen: row?.targetFen ?? null,
      floorFen: row?.floorFen ?? null,
    });
  }
  return points;
}

function totalsOf(rows: readonly PerformanceRow[], showsPay: boolean): PerformanceTotals {
  const scored = rows.map((r) => r.activity.completeness).filter((c): c is number => c !== null);
  const activity = {
    newClients: sum(rows.map((r) => r.activity.newClients)),
    followUps: sum(rows.map((r) => r.activity.followUps)),
    newContracts: sum(rows.map((r) => r.activity.newContracts)),
    completeness: scored.length ? Math.round(sum(scored) / scored.length) : null,
  };
  if (!showsPay) return { pay: null, activity, headcount: rows.length };
  const p = rows.map((r) => r.pay!);
  const targetFen = sum(p.map((x) => x.targetFen ?? 0));
  const salesFen = sum(p.map((x) => x.salesFen));
  return {
    pay: {
      baseSalaryFen: sum(p.map((x) => x.baseSalaryFen)),
      floorFen: sum(p.map((x) => x.floorFen ?? 0)),
      targetFen,
      salesFen,
      attainmentBp: attainmentBp(salesFen, targetFen > 0 ? targetFen : null),
      commissionWithinTargetFen: sum(p.map((x) => x.commissionWithinTargetFen)),
      commissionAboveTargetFen: sum(p.map((x) => x.commissionAboveTargetFen)),
      commissionFen: sum(p.map((x) => x.commissionFen)),
      allowancesFen: sum(p.map((x) => x.allowancesFen)),
      bonusFen: sum(p.map((x) => x.bonusFen)),
      deductionFen: sum(p.map((x) => x.deductionFen)),
      totalPayFen: sum(p.map((x) => x.totalPayFen)),
    },
    activity,
    headcount: rows.length,
  };
}

function monthSpan(from: Month, to: Month): number {
  const index = (m: Month) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return Math.max(1, index(to) - index(from) + 1);
}

/** Null when nobody had the figure, so a month without plans is not charted as a zero target. */
function sumOrNull(values: readonly (number | null)[]): number | null {
  const set = values.filter((v): v is number => v !== null);
  return set.length ? sum(set) : null;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
