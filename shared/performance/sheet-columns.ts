import { formatFen } from '../money';
import { ROLE_LABELS, type Role } from '../roles';
import type { PayFigures, PerformanceRow, PerformanceSheet, SheetStatus } from './performance-types';

export type SheetColumnKind = 'text' | 'money' | 'percent' | 'count';
export type SheetLang = 'zh' | 'en';

/**
 * One column of 月度业绩表. The screen, the print view, the .xlsx/.csv exports and the CLI all
 * use this list, so the printed sheet and the spreadsheet can never disagree on what a column
 * means. `pay` columns are dropped entirely for a clerk.
 */
export type SheetColumn = {
  key: string;
  zh: string;
  en: string;
  kind: SheetColumnKind;
  pay: boolean;
  /** Group header for split columns (提成 → 目标内 / 超额). */
  group?: { zh: string; en: string };
  value: (row: PerformanceRow, lang?: SheetLang) => string | number | null;
  total?: (sheet: PerformanceSheet, lang?: SheetLang) => string | number | null;
};

export const STATUS_LABELS: Record<SheetStatus, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'OK' },
  warning: { zh: '预警', en: 'Warning' },
  dismissal_due: { zh: '待辞退', en: 'Dismissal due' },
  left: { zh: '已离职', en: 'Left' },
};

const COMMISSION = { zh: '提成', en: 'Commission' };

function pay<K extends keyof PayFigures>(key: K): (row: PerformanceRow) => PayFigures[K] | null {
  return (row) => (row.pay ? row.pay[key] : null);
}

function payTotal(
  key:
    | 'baseSalaryFen'
    | 'floorFen'
    | 'targetFen'
    | 'salesFen'
    | 'commissionWithinTargetFen'
    | 'commissionAboveTargetFen'
    | 'commissionFen'
    | 'allowancesFen'
    | 'bonusFen'
    | 'deductionFen'
    | 'totalPayFen',
) {
  return (sheet: PerformanceSheet) => (sheet.totals.pay ? sheet.totals.pay[key] : null);
}

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'name',
    zh: '姓名',
    en: 'Name',
    kind: 'text',
    pay: false,
    value: (r) => r.name,
    total: (_s, lang = 'zh') => (lang === 'en' ? 'Total' : '合计'),
  },
  { key: 'code', zh: '工号', en: 'Code', kind: 'text', pay: false, value: (r) => r.code },
  {
    key: 'role',
    zh: '角色',
    en: 'Role',
    kind: 'text',
    pay: false,
    value: (r, lang = 'zh') => ROLE_LABELS[r.role as Role]?.[lang] ?? r.role,
  },
  {
    key: 'baseSalary',
    zh: '底薪',
    en: 'Base salary',
    kind: 'money',
    pay: true,
    value: pay('baseSalaryFen'),
    total: payTotal('baseSalaryFen'),
  },
  { key: 'floor', zh: '保底销售额', en: 'Floor', kind: 'money', pay: true, value: pay('floorFen'), total: payTotal('floorFen') },
  {
    key: 'target',
    zh: '目标销售额',
    en: 'Target',
    kind: 'money',
    pay: true,
    value: pay('targetFen'),
    total: payTotal('targetFen'),
  },
  { key: 'sales', zh: '实际销售额', en: 'Sales', kind: 'money', pay: true, value: pay('salesFen'), total: payTotal('salesFen') },
  {
    key: 'attainment',
    zh: '完成率',
    en: 'Attainment',
    kind: 'percent',
    pay: true,
    value: pay('attainmentBp'),
    total: (s) => s.totals.pay?.attainmentBp ?? null,
  },
  {
    key: 'commissionWithin',
    zh: '目标内',
    en: 'Within target',
    kind: 'money',
    pay: true,
    group: COMMISSION,
    value: pay('commissionWithinTargetFen'),
    total: payTotal('commissionWithinTargetFen'),
  },
  {
    key: 'commissionAbove',
    zh: '超额',
    en: 'Above target',
    kind: 'money',
    pay: true,
    group: COMMISSION,
    value: pay('commissionAboveTargetFen'),
    total: payTotal('commissionAboveTargetFen'),
  },
  {
    key: 'commission',
    zh: '合计',
    en: 'Total',
    kind: 'money',
    pay: true,
    group: COMMISSION,
    value: pay('commissionFen'),
    total: payTotal('commissionFen'),
  },
  {
    key: 'allowances',
    zh: '补贴',
    en: 'Allowances',
    kind: 'money',
    pay: true,
    value: pay('allowancesFen'),
    total: payTotal('allowancesFen'),
  },
  {
    key: 'bonus',
    zh: '奖金',
    en: 'Bonus',
    kind: 'money',
    pay: true,
    value: pay('bonusFen'),
    total: payTotal('bonusFen'),
  },
  {
    key: 'deduction',
    zh: '扣款',
    en: 'Deductions',
    kind: 'money',
    pay: true,
    value: pay('deductionFen'),
    total: payTotal('deductionFen'),
  },
  {
    key: 'totalPay',
    zh: '应发合计',
    en: 'Total pay',
    kind: 'money',
    pay: true,
    value: pay('totalPayFen'),
    total: payTotal('totalPayFen'),
  },
  {
    key: 'monthsBelow',
    zh: '连续未达保底月数',
    en: 'Months below floor in a row',
    kind: 'count',
    pay: true,
    value: pay('monthsBelowFloorInRow'),
  },
  { key: 'status', zh: '状态', en: 'Status', kind: 'text', pay: false, value: (r, lang = 'zh') => STATUS_LABELS[r.status][lang] },
  {
    key: 'newClients',
    zh: '新增客户',
    en: 'New clients',
    kind: 'count',
    pay: false,
    value: (r) => r.activity.newClients,
    total: (s) => s.totals.activity.newClients,
  },
  {
    key: 'followUps',
    zh: '跟进次数',
    en: 'Follow-ups',
    kind: 'count',
    pay: false,
    value: (r) => r.activity.followUps,
    total: (s) => s.totals.activity.followUps,
  },
  {
    key: 'newContracts',
    zh: '新签合同',
    en: 'New contracts',
    kind: 'count',
    pay: false,
    value: (r) => r.activity.newContracts,
    total: (s) => s.totals.activity.newContracts,
  },
  {
    key: 'completeness',
    zh: '资料完整度',
    en: 'Profile completeness',
    kind: 'percent',
    pay: false,
    // Stored as 0–100; shown as a percentage like 完成率 (basis points), so scale once here.
    value: (r) => (r.activity.completeness === null ? null : r.activity.completeness * 100),
    total: (s) => (s.totals.activity.completeness === null ? null : s.totals.activity.completeness * 100),
  },
];

/** The columns a given sheet shows: pay columns only when the caller may see pay. */
export function sheetColumns(sheet: Pick<PerformanceSheet, 'showsPay'>): SheetColumn[] {
  return SHEET_COLUMNS.filter((c) => sheet.showsPay || !c.pay);
}

/** Display text of a cell: yuan with separators, 12.5 %, or the text itself; '—' for nothing. */
export function formatSheetCell(kind: SheetColumnKind, value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (kind === 'money') return formatFen(value);
  if (kind === 'percent') return `${(value / 100).toFixed(1)}%`;
  return String(value);
}
