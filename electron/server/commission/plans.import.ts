import type { CellValue } from '../../../shared/imports/cells';
import { parseDateCell } from '../../../shared/imports/cells';
import type { ColumnSpec } from '../../../shared/imports/headers';
import { formatRateBp, parseMultiplierPct, parseRateBp } from '../../../shared/commission/commission';
import { formatFen } from '../../../shared/money';
import { writeAudit } from '../audit/audit.repository';
import { fieldReaders } from '../imports/field-readers';
import { IssueList, type Importer, type RowResult } from '../imports/importer';
import { checkWithSchema, type SchemaColumns } from '../imports/schema-check';
import { planSetSchema } from '../../../shared/contract/commission';
import { employedIn } from './employed-staff';
import { mayManagePerson } from '../staff/staff-policy';
import type { Role } from '../../../shared/roles';
import { isMonthClosed } from './month-state';

export const PLAN_COLUMNS = [
  { field: 'month', label: '月份', labelEn: 'month', aliases: ['月度', '年月'], required: true },
  { field: 'code', label: '工号', labelEn: 'code', aliases: ['员工编号', 'staff code'] },
  { field: 'floor', label: '保底销售额', labelEn: 'floor', aliases: ['保底', '销售底线', '保底业绩'] },
  { field: 'target', label: '目标销售额', labelEn: 'target', aliases: ['目标', '目标业绩'] },
  { field: 'rate', label: '提成比例', labelEn: 'rate', aliases: ['提成', '提成率', 'commission rate'] },
  { field: 'multiplier', label: '超额倍数', labelEn: 'multiplier', aliases: ['超额提成倍数', '倍数'] },
] as const satisfies readonly ColumnSpec[];
type PlanField = (typeof PLAN_COLUMNS)[number]['field'];

/** The column each plans.set input key is read from, for the schema's issues. */
const PLAN_SCHEMA_COLUMNS: SchemaColumns<PlanField> = {
  month: 'month',
  staffId: 'code',
  'plan.floorFen': 'floor',
  'plan.targetFen': 'target',
  'plan.rateBp': 'rate',
  'plan.multiplierPct': 'multiplier',
};

/** 2026-03, 2026/3, 2026年3月, or an Excel date in the month. */
export function parseMonthCell(value: CellValue): string | null {
  if (typeof value === 'string') {
    const m = /^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*月?\s*$/.exec(value);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  }
  const date = parseDateCell(value);
  return date ? date.slice(0, 7) : null;
}

/**
 * 提成比例 as offices write it: "5%", "5" (percent), or an Excel percentage cell, which holds
 * the fraction 0.05 — a bare number at or below 1 is read as such a fraction.
 */
export function parseRateCell(value: CellValue): number | null {
  if (typeof value === 'number') return value <= 1 ? parseRateBp((value * 100).toFixed(2)) : parseRateBp(String(value));
  return typeof value === 'string' ? parseRateBp(value) : null;
}

/** 超额倍数 from a cell: 2, 2倍, 1.5, ×2 → hundredths (200, 200, 150, 200). */
export function parseMultiplierCell(value: CellValue): number | null {
  return parseMultiplierPct(String(value ?? ''));
}

type ImportedPlan = {
  month: string;
  staffId: number | null;
  floorFen: number | null;
  targetFen: number | null;
  rateBp: number | null;
  multiplierPct: number | null;
};

/** 月度指标: one row per month and person (工号 blank = the team default). Replaces what was set. */
export const plansImporter: Importer<PlanField, ImportedPlan> = {
  kind: 'plans',
  label: { zh: '月度指标', en: 'monthly plans' },
  columns: PLAN_COLUMNS,
  prepare(ctx) {
    const people = ctx.sqlite.prepare('SELECT id, lower(code) AS code, role FROM staff').all() as {
      id: number;
      code: string;
      role: Role;
    }[];
    const staff = new Map(people.map((s) => [s.code, s.id]));
    // A manager sets the plans of salespeople and clerks only (staff/staff-policy.ts).
    const notManaged = new Set(people.filter((s) => !mayManagePerson(ctx.actor, s)).map((s) => s.id));
    const employed = new Map<string, Set<number>>();
    const employedOn = (month: string): Set<number> => {
      if (!employed.has(month)) employed.set(month, new Set(employedIn(ctx.sqlite, month).map((s) => s.id)));
      return employed.get(month)!;
    };
    const seen = new Map<string, number>();
    return {
      read(cells, row): RowResult<ImportedPlan> {
        const issues = new IssueList(cells);
        const f = fieldReaders(cells, issues);
        const month = parseMonthCell(cells.get('month'));
        if (!cells.text('month')) issues.add('month', '月份不能为空', 'Month is required');
        else if (!month)
          issues.add(
            'month',
            `"${cells.text('month')}"不是有效月份,可写 2026-03 或 2026年3月`,
            `"${cells.text('month')}" is not a month; write e.g. 2026-03`,
          );
        else if (isMonthClosed(ctx.sqlite, month))
          issues.add('month', `${month} 已月结,指标不能再改`, `${month} is closed; its plan cannot change`);
        const code = cells.text('code');
        const staffId = code ? staff.get(code.toLowerCase()) : null;
        if (code && staffId === undefined)
          issues.add('code', `工号 ${code} 不存在,请先添加该员工`, `No staff with code ${code}; add them first`);
        else if (staffId && notManaged.has(staffId))
          issues.add(
            'code',
            `只有店长可以设置工号 ${code} 的指标(经理只设置业务员和文员的指标)`,
            `Only the owner may set ${code}'s plan (managers set those of salespeople and clerks)`,
          );
        else if (code && month && staffId && !employedOn(month).has(staffId))
          issues.add('code', `工号 ${code} 在 ${month} 不在职`, `Staff ${code} is not employed in ${month}`);
        const key = `${month}/${code.toLowerCase()}`;
        if (month && seen.has(key))
          issues.add('code', `与第 ${seen.get(key)} 行是同一月份同一人`, `Same month and person as row ${seen.get(key)}`);
        const floorFen = f.amount('floor');
        const targetFen = f.amount('target');
        const rateBp = cells.text('rate') ? parseRateCell(cells.get('rate')) : null;
        if (cells.text('rate') && rateBp === null)
          issues.add(
            'rate',
            `"${cells.text('rate')}"不是有效提成比例,可写 5% 或 5`,
            `"${cells.text('rate')}" is not a rate; write e.g. 5% or 5`,
          );
        const multiplierPct = cells.text('multiplier') ? parseMultiplierCell(cells.get('multiplier')) : null;
        if (cells.text('multiplier') && multiplierPct === null)
          issues.add(
            'multiplier',
            `"${cells.text('multiplier')}"不是有效倍数,可写 2 或 1.5(1–10 倍)`,
            `"${cells.text('multiplier')}" is not a multiplier; write e.g. 2 or 1.5 (1–10)`,
          );
        // The row as plans.set would receive it; its schema holds the ranges (rate ≤ 100 %, 1–10×).
        const checked = checkWithSchema(
          planSetSchema,
          { month, staffId: staffId ?? null, plan: { floorFen, targetFen, rateBp, multiplierPct } },
          PLAN_SCHEMA_COLUMNS,
          issues,
        );
        if (!issues.ok || !month || !checked) return { ok: false, issues: issues.issues };
        seen.set(key, row);
        return {
          ok: true,
          value: {
            month: checked.month,
            staffId: checked.staffId,
            floorFen: checked.plan.floorFen,
            targetFen: checked.plan.targetFen,
            rateBp: checked.plan.rateBp,
            multiplierPct: checked.plan.multiplierPct,
          },
          preview: () => ({
            month,
            code: code || '全体 / team',
            floor: floorFen === null ? '' : formatFen(floorFen),
            target: targetFen === null ? '' : formatFen(targetFen),
            rate: rateBp === null ? '' : formatRateBp(rateBp),
            multiplier: multiplierPct === null ? '' : `${multiplierPct / 100}倍`,
          }),
        };
      },
      async write(trx, c, rows) {
        const at = c.now().toISOString();
        const by = c.actor?.code ?? 'system';
        const remove = c.sqlite.prepare('DELETE FROM monthly_plans WHERE month = ? AND staff_id IS ?');
        const insert = c.sqlite.prepare(
          `INSERT INTO monthly_plans (month, staff_id, floor_fen, target_fen, rate_bp, multiplier_pct, leave_reason, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
        );
        for (const { value: p } of rows) {
          remove.run(p.month, p.staffId);
          insert.run(p.month, p.staffId, p.floorFen, p.targetFen, p.rateBp, p.multiplierPct, at, by);
        }
        await writeAudit(trx, c.actor, { action: 'plans.import', entity: 'plan', after: rows.map((r) => r.value) }, c.now());
        return rows.length;
      },
    };
  },
};
