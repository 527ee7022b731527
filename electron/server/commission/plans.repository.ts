import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { MonthlyPlansTable } from '../db/schema';
import type { EffectivePlan, PlanRow } from '../../../shared/contract/commission';
import type { Role } from '../../../shared/roles';
import { prepared } from '../db/prepared';

/** 超额倍数 when nobody set one: the manual's "超出部分加倍提成". */
export const DEFAULT_MULTIPLIER_PCT = 200;

type PlanRecord = Omit<Selectable<MonthlyPlansTable>, 'id' | 'month'>;

function toPlanRow(r: PlanRecord): PlanRow {
  return {
    staffId: r.staff_id,
    floorFen: r.floor_fen,
    targetFen: r.target_fen,
    rateBp: r.rate_bp,
    multiplierPct: r.multiplier_pct,
    leaveReason: r.leave_reason,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export type MonthPlanRows = { team: PlanRow | null; byStaff: Map<number, PlanRow> };

export function loadPlans(sqlite: BetterSqlite3.Database, month: string): MonthPlanRows {
  const rows = (prepared(sqlite, 'SELECT * FROM monthly_plans WHERE month = ?').all(month) as PlanRecord[]).map(toPlanRow);
  return {
    team: rows.find((r) => r.staffId === null) ?? null,
    byStaff: new Map(rows.filter((r) => r.staffId !== null).map((r) => [r.staffId!, r])),
  };
}

/**
 * A person's figures for the month: each field from their own override when set, else from the
 * team default — which applies to 业务员 only (managers, clerks and the owner carry a floor or
 * target only when one is set for them personally).
 */
export function effectivePlan(plans: MonthPlanRows, staffId: number, role: Role): EffectivePlan {
  const own = plans.byStaff.get(staffId) ?? null;
  const team = role === 'salesperson' ? plans.team : null;
  const field = <K extends 'floorFen' | 'targetFen' | 'rateBp' | 'multiplierPct'>(key: K): PlanRow[K] | null =>
    own?.[key] ?? team?.[key] ?? null;
  return {
    floorFen: field('floorFen'),
    targetFen: field('targetFen'),
    rateBp: field('rateBp') ?? 0,
    multiplierPct: field('multiplierPct') ?? DEFAULT_MULTIPLIER_PCT,
    leaveReason: own?.leaveReason ?? null,
    source: own ? 'person' : team ? 'team' : 'none',
  };
}
