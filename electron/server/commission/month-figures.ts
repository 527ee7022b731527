import type { PayLine } from '../../../shared/commission/bonus-rules';
import type { CommissionSettings } from '../../../shared/contract/commission';
import { attainmentBp } from '../../../shared/commission/commission';
import {
  EXEMPTION_LABELS,
  floorExemption,
  floorStatus,
  isBelowFloor,
  monthsBelowFloorInRow,
  type JudgedMonth,
} from '../../../shared/commission/floor-rule';
import { commissionUnder } from '../../../shared/commission/standing';
import type { Tier } from '../../../shared/commission/tiers';
import { addMonths, type Month } from '../../../shared/dates';
import type { ActivityFigures, AppliedPolicy, PayFigures, SheetStatus } from '../../../shared/performance/performance-types';
import { monthBounds, monthsEndingWith } from '../../../shared/performance/month-range';
import type { Role } from '../../../shared/roles';
import type { OfficeContext } from '../core/context';
import { activityByStaff } from '../performance/activity.repository';
import { readCommissionSettings } from './commission-settings';
import { salesByStaff, salesByStaffInMonths } from './credited-sales';
import { employedIn } from './employed-staff';
import { payLinesFor, sumLines } from './month-extras';
import { rulesIn } from './pay-items.repository';
import { effectiveTiers, loadTiers, type TiersSource } from './plan-tiers.repository';
import { policiesFor, tierAndRulePolicies } from './policies';
import { effectivePlan, loadPlans } from './plans.repository';
import { anyShares } from './share-sets.repository';
import type { Bilingual } from '../../../shared/bilingual';
import { keptBasics } from './kept-basics';
import { prepared } from '../db/prepared';

/** One person's month as the commission rules compute it (docs/rules.md › 指标、提成与月结, issue 19). */
export type PayRow = {
  staffId: number;
  code: string;
  name: string;
  role: Role;
  status: SheetStatus;
  /** Why the floor rule did not judge this month, or null. */
  exemption: Bilingual | null;
  exempt: boolean;
  pay: PayFigures;
  /** 奖金 and 扣款 behind bonusFen / deductionFen. */
  payLines: PayLine[];
  activity: ActivityFigures;
  /** 阶梯提成 that paid this row (null: the manual's rule), and whose they were. */
  tiers: Tier[] | null;
  tiersSource: TiersSource;
};

export type PayMonth = {
  month: Month;
  closed: boolean;
  closedAt: string | null;
  creditBasis: CommissionSettings['creditBasis'];
  policies: AppliedPolicy[];
  rows: PayRow[];
};

type History = { judged: Map<number, Map<Month, JudgedMonth>>; kept: Set<string>; dismissed: Set<number> };

function loadHistory(ctx: OfficeContext): History {
  const judged = new Map<number, Map<Month, JudgedMonth>>();
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.staff_id AS staffId, r.month, r.below_floor AS below, r.exempt FROM month_results r
              JOIN month_closes c ON c.month = r.month AND c.closed = 1`,
    )
    .all() as { staffId: number; month: Month; below: number; exempt: number }[];
  for (const r of rows) {
    const byMonth = judged.get(r.staffId) ?? new Map<Month, JudgedMonth>();
    byMonth.set(r.month, { belowFloor: r.below === 1, exempt: r.exempt === 1 });
    judged.set(r.staffId, byMonth);
  }
  const decisions = ctx.sqlite.prepare('SELECT staff_id AS staffId, month, decision FROM dismissal_flags').all() as {
    staffId: number;
    month: Month;
    decision: string;
  }[];
  return {
    judged,
    kept: new Set(decisions.filter((d) => d.decision === 'kept').map((d) => `${d.staffId}/${d.month}`)),
    dismissed: new Set(decisions.filter((d) => d.decision === 'dismissed').map((d) => d.staffId)),
  };
}

/**
 * 预警/待辞退 from the closed months: for a closed month, the run ending there; for an open
 * month, the run ending at the last closed month before it (an open month is not judged yet).
 */
function statusOf(
  history: History,
  staffId: number,
  month: Month,
  closed: boolean,
  leftOn: string | null,
): { status: SheetStatus; inRow: number } {
  const judged = history.judged.get(staffId) ?? new Map<Month, JudgedMonth>();
  const runEnd = closed ? month : addMonths(month, -1);
  const inRow = monthsBelowFloorInRow(judged, runEnd);
  if ((leftOn !== null && leftOn <= monthBounds(month).last) || history.dismissed.has(staffId)) return { status: 'left', inRow };
  const status = floorStatus(inRow, history.kept.has(`${staffId}/${runEnd}`));
  return { status: status === 'ok' ? 'ok' : status, inRow };
}

const NO_ACTIVITY: ActivityFigures = { newClients: 0, followUps: 0, newContracts: 0, completeness: null };

/**
 * A month's pay without 奖金/扣款 or activity — what trends, the floor history and 连续达标 need.
 * `judgeAsClosed` when closing it.
 */
async function computeBase(
  ctx: OfficeContext,
  month: Month,
  judgeAsClosed: boolean,
): Promise<PayMonth & { settings: CommissionSettings; sales: Map<number, number> }> {
  const settings = await readCommissionSettings(ctx.db);
  const plans = loadPlans(ctx.sqlite, month);
  const tiers = loadTiers(ctx.sqlite, month);
  const sales = salesByStaff(ctx.sqlite, month, settings.creditBasis);
  const allowances = new Map(
    (
      prepared(ctx.sqlite, 'SELECT role, sum(amount_fen) AS fen FROM role_allowances GROUP BY role').all() as {
        role: string;
        fen: number;
      }[]
    ).map((r) => [r.role, r.fen]),
  );
  const history = loadHistory(ctx);
  const rows: PayRow[] = employedIn(ctx.sqlite, month).map((s) => {
    const plan = effectivePlan(plans, s.id, s.role);
    const paidBy = effectiveTiers(tiers, plans, s.id, s.role);
    const salesFen = sales.get(s.id) ?? 0;
    const exemption = floorExemption(
      { month, hiredOn: s.hiredOn, leftOn: s.leftOn, floorFen: plan.floorFen, leaveReason: plan.leaveReason },
      settings,
    );
    const belowFloor = isBelowFloor(salesFen, plan.floorFen, exemption);
    const split =
      belowFloor && !settings.commissionWhenBelowFloor
        ? { withinTargetFen: 0, aboveTargetFen: 0, totalFen: 0 }
        : commissionUnder({ ...plan, tiers: paidBy.tiers }, salesFen);
    if (judgeAsClosed) {
      const own = history.judged.get(s.id) ?? new Map<Month, JudgedMonth>();
      own.set(month, { belowFloor, exempt: exemption !== null });
      history.judged.set(s.id, own);
    }
    const { status, inRow } = statusOf(history, s.id, month, judgeAsClosed, s.leftOn);
    const allowancesFen = allowances.get(s.role) ?? 0;
    const label = exemption ? EXEMPTION_LABELS[exemption] : null;
    return {
      staffId: s.id,
      code: s.code,
      name: s.name,
      role: s.role,
      status,
      exemption: label ? withReason(label, plan.leaveReason) : null,
      exempt: exemption !== null,
      pay: {
        baseSalaryFen: s.baseSalaryFen,
        floorFen: plan.floorFen,
        targetFen: plan.targetFen,
        salesFen,
        attainmentBp: attainmentBp(salesFen, plan.targetFen),
        commissionWithinTargetFen: split.withinTargetFen,
        commissionAboveTargetFen: split.aboveTargetFen,
        commissionFen: split.totalFen,
        allowancesFen,
        bonusFen: 0,
        deductionFen: 0,
        totalPayFen: s.baseSalaryFen + split.totalFen + allowancesFen,
        belowFloor,
        monthsBelowFloorInRow: inRow,
      },
      payLines: [],
      activity: NO_ACTIVITY,
      tiers: paidBy.tiers,
      tiersSource: paidBy.source,
    };
  });
  return {
    month,
    closed: judgeAsClosed,
    closedAt: null,
    creditBasis: settings.creditBasis,
    policies: policiesFor(settings),
    rows,
    settings,
    sales,
  };
}

/** Compute a month from the live data, 奖金/扣款 and activity included; `judgeAsClosed` when closing it. */
export async function computeMonth(ctx: OfficeContext, month: Month, judgeAsClosed: boolean): Promise<PayMonth> {
  const base = await computeBase(ctx, month, judgeAsClosed);
  const basicsBefore = earlierBasics(ctx, base.creditBasis);
  const lines = await payLinesFor(
    ctx,
    month,
    base.rows.map((r) => ({ staffId: r.staffId, role: r.role, salesFen: r.pay.salesFen, targetFen: r.pay.targetFen })),
    base.creditBasis,
    base.sales,
    async (earlier) => targetMet(await basicsBefore(earlier)),
  );
  const activity = activityByStaff(ctx.sqlite, month);
  const rows = base.rows.map((r) => {
    const payLines = lines.get(r.staffId) ?? [];
    const bonusFen = sumLines(payLines, 'bonus');
    const deductionFen = sumLines(payLines, 'deduction');
    return {
      ...r,
      payLines,
      activity: activity.get(r.staffId) ?? NO_ACTIVITY,
      pay: { ...r.pay, bonusFen, deductionFen, totalPayFen: r.pay.totalPayFen + bonusFen - deductionFen },
    };
  });
  return {
    month: base.month,
    closed: base.closed,
    closedAt: base.closedAt,
    creditBasis: base.creditBasis,
    policies: [...base.policies, ...tierAndRulePolicies(rows, rulesIn(ctx.sqlite, month), anyShares(ctx.sqlite))],
    rows,
  };
}

/** What trends and 连续达标 read of a month: per person employed in it, credited sales, target and floor. */
export type MonthBasics = {
  month: Month;
  closed: boolean;
  rows: { staffId: number; salesFen: number; targetFen: number | null; floorFen: number | null }[];
};

/**
 * A month's basics: a closed month's from its snapshot (as closed), an open month's from its sales
 * and plans alone — the same figures computeBase gives (same people, sales and effective plan),
 * without the commission, floor history, tiers and allowances it also works out, which the sheet's
 * six-month trend and a 连续达标 rule looking back up to three years do not need.
 */
export async function monthBasics(
  ctx: OfficeContext,
  month: Month,
  basis?: CommissionSettings['creditBasis'],
): Promise<MonthBasics> {
  return (await monthBasicsOf(ctx, [month], basis)).get(month)!;
}

/**
 * monthBasics for several months at once: the open ones' sales in one pass over their range
 * (salesByStaffInMonths), so a trend or a look back over years costs about one month's queries.
 */
export async function monthBasicsOf(
  ctx: OfficeContext,
  months: readonly Month[],
  basis?: CommissionSettings['creditBasis'],
): Promise<Map<Month, MonthBasics>> {
  const creditBasis = basis ?? (await readCommissionSettings(ctx.db)).creditBasis;
  // Taken before anything is read: a write while this runs starts a new store, so nothing read
  // after it is ever kept under the earlier stamp's readers.
  const store = keptBasics(ctx.sqlite);
  const key = (month: Month) => `${month}/${creditBasis}`;
  const found = new Map<Month, MonthBasics>();
  const open: Month[] = [];
  for (const month of months) {
    const known = store?.get(key(month));
    if (known) {
      found.set(month, known);
      continue;
    }
    const closed = closedSnapshot(ctx, month);
    if (closed) found.set(month, basicsOf({ month, closed: true, rows: closed.snapshot.rows }));
    else open.push(month);
  }
  if (open.length > 0) {
    const sorted = [...open].sort();
    const salesIn = salesByStaffInMonths(ctx.sqlite, sorted[0]!, sorted.at(-1)!, creditBasis);
    for (const month of open) {
      const plans = loadPlans(ctx.sqlite, month);
      const sales = salesIn.get(month) ?? new Map<number, number>();
      found.set(month, {
        month,
        closed: false,
        rows: employedIn(ctx.sqlite, month).map((s) => {
          const plan = effectivePlan(plans, s.id, s.role);
          return { staffId: s.id, salesFen: sales.get(s.id) ?? 0, targetFen: plan.targetFen, floorFen: plan.floorFen };
        }),
      });
    }
  }
  for (const [month, basics] of found) store?.set(key(month), basics);
  return found;
}

/**
 * monthBasics for months asked one by one going back (a 连续达标 run). A closed month is read from
 * its snapshot when asked; open ones are fetched a year at a time — the first ask for an open month
 * loads it and the open months among the eleven before it.
 */
function earlierBasics(ctx: OfficeContext, basis: CommissionSettings['creditBasis']): (month: Month) => Promise<MonthBasics> {
  const known = new Map<Month, MonthBasics>();
  return async (month) => {
    const cached = known.get(month);
    if (cached) return cached;
    const closed = closedSnapshot(ctx, month);
    if (closed) return basicsOf({ month, closed: true, rows: closed.snapshot.rows });
    const year = monthsEndingWith(month, 12);
    const closedInYear = new Set(
      prepared(ctx.sqlite, 'SELECT month FROM month_closes WHERE closed = 1 AND month BETWEEN ? AND ?')
        .pluck()
        .all(year[0], month) as Month[],
    );
    const batch = year.filter((m) => !known.has(m) && !closedInYear.has(m));
    for (const [m, basics] of await monthBasicsOf(ctx, batch, basis)) known.set(m, basics);
    return known.get(month)!;
  };
}

/** The basics of figures already computed (the sheet's own month). */
export function basicsOf(figures: Pick<PayMonth, 'month' | 'closed' | 'rows'>): MonthBasics {
  return {
    month: figures.month,
    closed: figures.closed,
    rows: figures.rows.map((r) => ({
      staffId: r.staffId,
      salesFen: r.pay.salesFen,
      targetFen: r.pay.targetFen,
      floorFen: r.pay.floorFen,
    })),
  };
}

function targetMet(basics: MonthBasics): Map<number, boolean> {
  return new Map(basics.rows.map((r) => [r.staffId, r.targetFen !== null && r.targetFen > 0 && r.salesFen >= r.targetFen]));
}

type Snapshot = { creditBasis: CommissionSettings['creditBasis']; policies: AppliedPolicy[]; rows: PayRow[] };

function closedSnapshot(ctx: OfficeContext, month: Month): { closedAt: string; snapshot: Snapshot } | null {
  const close = prepared(ctx.sqlite, 'SELECT closed_at, snapshot_json FROM month_closes WHERE month = ? AND closed = 1').get(
    month,
  ) as { closed_at: string; snapshot_json: string } | undefined;
  if (!close) return null;
  const snapshot = JSON.parse(close.snapshot_json) as Snapshot;
  // Snapshots from before 奖金/扣款, activity and tiers were kept read as having none.
  for (const r of snapshot.rows) {
    r.pay.bonusFen ??= 0;
    r.pay.deductionFen ??= 0;
    r.payLines ??= [];
    r.activity ??= NO_ACTIVITY;
    r.tiers ??= null;
    r.tiersSource ??= null;
    if (typeof r.exemption === 'string') r.exemption = exemptionFromText(r.exemption);
  }
  return { closedAt: close.closed_at, snapshot };
}

/** The exemption's label with the leave reason as typed (请假 etc.), in both languages. */
function withReason(label: Bilingual, reason: string | null): Bilingual {
  return reason ? { zh: `${label.zh}(${reason})`, en: `${label.en} (${reason})` } : label;
}

/**
 * Snapshots of months closed before 2026-11-28 hold the exemption as one text, "中文(reason) /
 * English". The English label never holds " / ", so the last one separates them even when the
 * reason, typed by a manager, does.
 */
function exemptionFromText(text: string): Bilingual {
  const at = text.lastIndexOf(' / ');
  return at < 0 ? { zh: text, en: text } : { zh: text.slice(0, at), en: text.slice(at + 3) };
}

function fromSnapshot(month: Month, closedAt: string, snapshot: Snapshot): PayMonth {
  return { month, closed: true, closedAt, creditBasis: snapshot.creditBasis, policies: snapshot.policies, rows: snapshot.rows };
}

/**
 * A month's figures: a closed month exactly as it was closed (every figure, activity and status —
 * issue 15.4), an open month computed live.
 */
export async function payMonth(ctx: OfficeContext, month: Month): Promise<PayMonth> {
  const closed = closedSnapshot(ctx, month);
  return closed ? fromSnapshot(month, closed.closedAt, closed.snapshot) : computeMonth(ctx, month, false);
}

/**
 * The status as it stands today, after the owner's later decisions (kept, dismissed) — what the
 * 待辞退 list needs, while the closed sheet keeps showing the status it was closed with.
 */
export function liveStatuses(ctx: OfficeContext, month: Month, closed: boolean): Map<number, SheetStatus> {
  const history = loadHistory(ctx);
  const staff = ctx.sqlite.prepare('SELECT id, left_on AS leftOn FROM staff').all() as { id: number; leftOn: string | null }[];
  return new Map(staff.map((s) => [s.id, statusOf(history, s.id, month, closed, s.leftOn).status]));
}

export function snapshotOf(figures: PayMonth): string {
  const snapshot: Snapshot = { creditBasis: figures.creditBasis, policies: figures.policies, rows: figures.rows };
  return JSON.stringify(snapshot);
}
