import type BetterSqlite3 from 'better-sqlite3';
import type { Tier } from '../../../shared/commission/tiers';
import type { Role } from '../../../shared/roles';
import type { MonthPlanRows } from './plans.repository';
import { prepared } from '../db/prepared';

/** 阶梯提成 of a month: the team default (for 业务员) and per-person tiers. */
export type MonthTiers = { team: Tier[] | null; byStaff: Map<number, Tier[]> };

export function loadTiers(sqlite: BetterSqlite3.Database, month: string): MonthTiers {
  const rows = prepared(sqlite, 'SELECT staff_id AS staffId, tiers_json AS json FROM plan_tiers WHERE month = ?').all(month) as {
    staffId: number | null;
    json: string;
  }[];
  const team = rows.find((r) => r.staffId === null);
  return {
    team: team ? (JSON.parse(team.json) as Tier[]) : null,
    byStaff: new Map(rows.filter((r) => r.staffId !== null).map((r) => [r.staffId!, JSON.parse(r.json) as Tier[]])),
  };
}

export type TiersSource = 'person' | 'team' | null;

/**
 * Which tiers pay a person, if any: their own; else, unless their own plan sets a rate or
 * multiplier (a personal rate beats the team's tiers), the team's — for 业务员, like the team plan.
 * Null: the manual's rule.
 */
export function effectiveTiers(
  tiers: MonthTiers,
  plans: MonthPlanRows,
  staffId: number,
  role: Role,
): { tiers: Tier[] | null; source: TiersSource } {
  const own = tiers.byStaff.get(staffId);
  if (own) return { tiers: own, source: 'person' };
  const override = plans.byStaff.get(staffId);
  if (override && (override.rateBp !== null || override.multiplierPct !== null)) return { tiers: null, source: null };
  if (role === 'salesperson' && tiers.team) return { tiers: tiers.team, source: 'team' };
  return { tiers: null, source: null };
}

export function saveTiers(
  sqlite: BetterSqlite3.Database,
  month: string,
  staffId: number | null,
  tiers: readonly Tier[] | null,
  at: string,
  by: string,
): void {
  sqlite.prepare('DELETE FROM plan_tiers WHERE month = ? AND staff_id IS ?').run(month, staffId);
  if (tiers)
    sqlite
      .prepare('INSERT INTO plan_tiers (month, staff_id, tiers_json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)')
      .run(month, staffId, JSON.stringify(tiers), at, by);
}
