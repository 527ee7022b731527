import type { CommissionSettings } from '../../../shared/contract/commission';
import { attainmentBp, commissionFor } from '../../../shared/commission/commission';
import {
  EXEMPTION_LABELS,
  floorExemption,
  floorStatus,
  isBelowFloor,
  monthsBelowFloorInRow,
  type JudgedMonth,
} from '../../../shared/commission/floor-rule';
import { addMonths, type Month } from '../../../shared/dates';
import type { AppliedPolicy, PayFigures, SheetStatus } from '../../../shared/performance/performance-types';
import { monthBounds } from '../../../shared/performance/month-range';
import type { Role } from '../../../shared/roles';
import type { OfficeContext } from '../core/context';
import { readCommissionSettings } from './commission-settings';
import { salesByStaff } from './credited-sales';
import { employedIn } from './employed-staff';
import { policiesFor } from './policies';
import { effectivePlan, loadPlans } from './plans.repository';

/** One person's month as the commission rules compute it (SPEC §4). */
export type PayRow = {
  staffId: number;
  code: string;
  name: string;
  role: Role;
  status: SheetStatus;
  /** Why the floor rule did not judge this month (Chinese / English), or null. */
  exemption: string | null;
  exempt: boolean;
  pay: PayFigures;
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

/** Compute a month from the live data; `judgeAsClosed` when closing it. */
export async function computeMonth(ctx: OfficeContext, month: Month, judgeAsClosed: boolean): Promise<PayMonth> {
  const settings = await readCommissionSettings(ctx.db);
  const plans = loadPlans(ctx.sqlite, month);
  const sales = salesByStaff(ctx.sqlite, month, settings.creditBasis);
  const allowances = new Map(
    (
      ctx.sqlite.prepare('SELECT role, sum(amount_fen) AS fen FROM role_allowances GROUP BY role').all() as {
        role: string;
        fen: number;
      }[]
    ).map((r) => [r.role, r.fen]),
  );
  const history = loadHistory(ctx);
  const rows: PayRow[] = employedIn(ctx.sqlite, month).map((s) => {
    const plan = effectivePlan(plans, s.id, s.role);
    const salesFen = sales.get(s.id) ?? 0;
    const exemption = floorExemption(
      { month, hiredOn: s.hiredOn, leftOn: s.leftOn, floorFen: plan.floorFen, leaveReason: plan.leaveReason },
      settings,
    );
    const belowFloor = isBelowFloor(salesFen, plan.floorFen, exemption);
    const split =
      belowFloor && !settings.commissionWhenBelowFloor
        ? { withinTargetFen: 0, aboveTargetFen: 0, totalFen: 0 }
        : commissionFor(salesFen, plan);
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
      exemption: label ? `${label.zh}${plan.leaveReason ? `(${plan.leaveReason})` : ''} / ${label.en}` : null,
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
        totalPayFen: s.baseSalaryFen + split.totalFen + allowancesFen,
        belowFloor,
        monthsBelowFloorInRow: inRow,
      },
    };
  });
  return {
    month,
    closed: judgeAsClosed,
    closedAt: null,
    creditBasis: settings.creditBasis,
    policies: policiesFor(settings),
    rows,
  };
}

type Snapshot = { creditBasis: CommissionSettings['creditBasis']; policies: AppliedPolicy[]; rows: PayRow[] };

/**
 * A month's figures: a closed month from its frozen snapshot (only the status follows later
 * decisions — a kept or dismissed person), an open month computed live.
 */
export async function payMonth(ctx: OfficeContext, month: Month): Promise<PayMonth> {
  const close = ctx.sqlite
    .prepare('SELECT closed_at, snapshot_json FROM month_closes WHERE month = ? AND closed = 1')
    .get(month) as { closed_at: string; snapshot_json: string } | undefined;
  if (!close) return computeMonth(ctx, month, false);
  const snapshot = JSON.parse(close.snapshot_json) as Snapshot;
  const history = loadHistory(ctx);
  const leftOn = new Map(
    (ctx.sqlite.prepare('SELECT id, left_on FROM staff').all() as { id: number; left_on: string | null }[]).map((s) => [
      s.id,
      s.left_on,
    ]),
  );
  return {
    month,
    closed: true,
    closedAt: close.closed_at,
    creditBasis: snapshot.creditBasis,
    policies: snapshot.policies,
    rows: snapshot.rows.map((r) => ({
      ...r,
      status: statusOf(history, r.staffId, month, true, leftOn.get(r.staffId) ?? null).status,
    })),
  };
}

export function snapshotOf(figures: PayMonth): string {
  const snapshot: Snapshot = { creditBasis: figures.creditBasis, policies: figures.policies, rows: figures.rows };
  return JSON.stringify(snapshot);
}
