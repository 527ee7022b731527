import type { PayLine } from '../commission/bonus-rules';
import type { ConfirmationState, ConfirmedFigures } from '../commission/confirmation';
import type { FunnelCounts } from '../contract/clients';
import type { IsoDate, Month } from '../dates';
import type { Bilingual } from '../bilingual';

/** 状态 column of the sheet (docs/rules.md › 指标、提成与月结): 正常 / 预警 / 待辞退 / 已离职. */
export type SheetStatus = 'ok' | 'warning' | 'dismissal_due' | 'left';

/** The activity columns: 新增客户, 跟进次数, 新签合同, 资料完整度 (average 0–100, null without clients). */
export type ActivityFigures = {
  newClients: number;
  followUps: number;
  newContracts: number;
  completeness: number | null;
};

/**
 * One person's money figures for a month, all integer fen. Never sent to a clerk (docs/operations.md › 登录、权限与备份:
 * 文员 sees no one's salary); a salesperson receives only their own.
 */
export type PayFigures = {
  baseSalaryFen: number;
  floorFen: number | null;
  targetFen: number | null;
  salesFen: number;
  /** 完成率 in basis points (10000 = 100 %); null when no target is set. */
  attainmentBp: number | null;
  commissionWithinTargetFen: number;
  commissionAboveTargetFen: number;
  commissionFen: number;
  allowancesFen: number;
  /** 奖金: the month's bonus items and bonus-rule results. */
  bonusFen: number;
  /** 扣款: the month's deductions (a positive number, subtracted from pay). */
  deductionFen: number;
  /** 底薪 + 提成 + 补贴 + 奖金 − 扣款. */
  totalPayFen: number;
  belowFloor: boolean;
  monthsBelowFloorInRow: number;
};

export type PerformanceRow = {
  staffId: number;
  code: string;
  name: string;
  role: string;
  status: SheetStatus;
  /** Why the floor rule did not apply this month (e.g. first partial month), for the sheet's notes. */
  exemption: Bilingual | null;
  pay: PayFigures | null;
  activity: ActivityFigures;
};

export type PerformanceTotals = {
  pay:
    | (Omit<PayFigures, 'attainmentBp' | 'belowFloor' | 'monthsBelowFloorInRow' | 'floorFen' | 'targetFen'> & {
        floorFen: number;
        targetFen: number;
        attainmentBp: number | null;
      })
    | null;
  activity: Omit<ActivityFigures, 'completeness'> & { completeness: number | null };
  headcount: number;
};

/** A default the office chose where the manual is silent, printed under the sheet. */
export type AppliedPolicy = { key: string; zh: string; en: string };

/** Target and floor are null for a month nobody had one (the chart leaves a gap, not a zero). */
export type TrendPoint = { month: Month; salesFen: number; targetFen: number | null; floorFen: number | null; closed: boolean };

/** 月度业绩表: everything the screen, the print view and the exports show for one month. */
export type PerformanceSheet = {
  month: Month;
  closed: boolean;
  closedAt: string | null;
  officeName: string;
  creditBasis: 'payments' | 'contracts';
  policies: AppliedPolicy[];
  /** False for a clerk: the pay columns are absent, not blank. */
  showsPay: boolean;
  rows: PerformanceRow[];
  totals: PerformanceTotals;
  /** Six months ending with this one, team totals (empty when pay is hidden). */
  trend: TrendPoint[];
};

/** One line behind a sales figure: a payment (or a signed contract under the contracts basis). */
export type SalesSourceLine = {
  kind: 'payment' | 'contract' | 'adjustment';
  date: IsoDate;
  contractId: number;
  contractNumber: string;
  clientName: string;
  amountFen: number;
  /** For an adjustment: the closed month the payment or refund is dated in (it counts here instead). */
  lateFrom: Month | null;
  refund: boolean;
  /** This person's share of a shared contract (basis points of 100 %), or null. */
  shareBp: number | null;
  /** Why the line is special (Chinese), e.g. 分成 40%, a late payment, a refund; '' when not. */
  note: string;
  /** The same in English. Absent in drill-down lines frozen by an earlier version (their note held both). */
  noteEn?: string;
};

/** 个人业绩单: one person's month, with the lines behind it and their own six-month trend. */
export type PersonalStatement = {
  month: Month;
  closed: boolean;
  officeName: string;
  creditBasis: 'payments' | 'contracts';
  policies: AppliedPolicy[];
  row: PerformanceRow;
  lines: SalesSourceLine[];
  /** 奖金 and 扣款 behind the row's figures (empty when pay is hidden). */
  payLines: PayLine[];
  trend: TrendPoint[];
  /** 业绩确认, when the month was put up for confirmation. */
  confirmation: StatementConfirmation | null;
};

/** One person's 业绩确认 of a month. */
export type StatementConfirmation = {
  /** When a manager put the month's statements up for confirmation. */
  requestedAt: string;
  state: ConfirmationState;
  /** The person confirmed figures that have changed since: it needs confirming again. */
  stale: boolean;
  note: string;
  respondedAt: string | null;
  confirmedFigures: ConfirmedFigures | null;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
};

export type DashboardPerson = {
  staffId: number;
  name: string;
  salesFen: number;
  targetFen: number | null;
  floorFen: number | null;
};

/** The owner/manager home: this month so far, trend, funnel, renewals, follow-ups, warnings. */
export type Dashboard = {
  asOf: IsoDate;
  month: Month;
  /** Null for a clerk (money figures hidden). */
  sales: { scope: 'team' | 'own'; team: DashboardPerson; people: DashboardPerson[]; trend: TrendPoint[] } | null;
  funnel: FunnelCounts;
  renewalsDue: { count: number; amountFen: number; lapsed: number };
  followUps: { today: number; overdue: number };
  flagged: { staffId: number; name: string; status: SheetStatus; monthsBelowFloorInRow: number }[];
  archive: { lastAuditAt: string | null; findings: number | null } | null;
};
