import { z } from 'zod';
import { exportFormatSchema, type ExportFile } from '../imports/export-file';
import { importFileInputSchema, type ImportReport } from '../imports/import-report';
import { IMPORT_UPLOAD } from './uploads';
import type { Tier } from '../commission/tiers';
import { ROLES, type Role } from '../roles';
import { method } from './method';
import { monthInputSchema } from './performance';
import { dateSchema, idSchema } from './field-schemas';
import { zhEn } from '../bilingual';

const managers = ['owner', 'manager'] as const;
const fenOrNull = z
  .number({ error: zhEn('金额必须是数字', 'Amount must be a number') })
  .int({ error: zhEn('金额必须精确到分', 'Amount must be whole fen') })
  .min(0, { error: zhEn('金额不能为负数', 'Amount cannot be negative') })
  .max(100_000_000_000, { error: zhEn('金额过大', 'Amount is too large') })
  .nullable();

/** 保底销售额, 目标销售额, 提成比例 (basis points: 5 % = 500), 超额倍数 (hundredths: 2× = 200). */
export const planFieldsSchema = z.strictObject({
  floorFen: fenOrNull,
  targetFen: fenOrNull,
  rateBp: z
    .number({ error: zhEn('提成比例必须是数字', 'Rate must be a number') })
    .int()
    .min(0, { error: zhEn('提成比例不能为负', 'Rate cannot be negative') })
    .max(10_000, { error: zhEn('提成比例不能超过 100%', 'Rate cannot exceed 100 %') })
    .nullable(),
  multiplierPct: z
    .number({ error: zhEn('超额倍数必须是数字', 'Multiplier must be a number') })
    .int()
    .min(100, { error: zhEn('超额倍数至少为 1 倍', 'The multiplier is at least 1×') })
    .max(1_000, { error: zhEn('超额倍数最多 10 倍', 'The multiplier is at most 10×') })
    .nullable(),
  /** A person's month only: 请假 etc. exempts the month from the floor rule. */
  leaveReason: z.string().trim().max(100).nullable().default(null),
});
export type PlanFields = z.output<typeof planFieldsSchema>;

/** One month's plan for the team (staffId null) or one person; plans.import holds each row to it too. */
export const planSetSchema = z.strictObject({ month: monthInputSchema, staffId: idSchema.nullable(), plan: planFieldsSchema });

export type PlanRow = PlanFields & { staffId: number | null; updatedAt: string; updatedBy: string };
export type EffectivePlan = Omit<PlanFields, 'multiplierPct' | 'rateBp'> & {
  rateBp: number;
  multiplierPct: number;
  /** Where each person's figures come from: their own override, the team default, or none. */
  source: 'person' | 'team' | 'none';
};
export type MonthPlans = {
  month: string;
  closed: boolean;
  team: PlanRow | null;
  /** 阶梯提成 for the team (业务员); null = the manual's rule. */
  teamTiers: Tier[] | null;
  people: {
    staffId: number;
    code: string;
    name: string;
    role: Role;
    override: PlanRow | null;
    effective: EffectivePlan;
    /** The person's own tiers, and the tiers that pay them (own or the team's; null = the manual's rule). */
    ownTiers: Tier[] | null;
    tiers: Tier[] | null;
  }[];
};

export const CREDIT_BASES = ['payments', 'contracts'] as const;
export type CommissionSettings = {
  /** 业绩口径: collected payments (default) or signed contract amounts. */
  creditBasis: (typeof CREDIT_BASES)[number];
  /** Default true: the first partial month after joining is not judged by the floor rule. */
  exemptFirstPartialMonth: boolean;
  /** Default true: commission is paid even in a below-floor month (the floor decides employment, not pay). */
  commissionWhenBelowFloor: boolean;
};

export type MonthState = {
  month: string;
  closed: boolean;
  closedAt: string | null;
  closedBy: string | null;
  /** Who closed it, as people say it (张伟(YW01), 本机, 命令行). */
  closedByName: { zh: string; en: string } | null;
  firstClosedAt: string;
};
export type AllowanceRow = { role: Role; name: string; amountFen: number };
export type DismissalCase = {
  staffId: number;
  code: string;
  name: string;
  month: string;
  monthsBelowFloorInRow: number;
  evidence: { month: string; salesFen: number; floorFen: number | null }[];
  clientCount: number;
};
export type AuditRow = {
  id: number;
  at: string;
  actorCode: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** Who, as people say it: 张伟(YW01), 本机, 命令行. */
  actorName: { zh: string; en: string };
  /** The line as a sentence: what, on whom, the change in yuan, before → after. */
  text: { zh: string; en: string };
};

/** 操作日志 order: by time (the default, newest first), by who, or by what kind of change. */
export const AUDIT_SORTS = ['at', '-at', 'actor', '-actor', 'action', '-action'] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

const auditFilters = z.strictObject({
  entity: z.string().trim().max(40).optional(),
  sort: z.enum(AUDIT_SORTS).default('-at'),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(1000).default(200),
});

export const commissionContract = {
  'plans.get': method<MonthPlans>()({
    input: z.strictObject({ month: monthInputSchema }),
    roles: ['owner', 'manager', 'salesperson'],
    kind: 'read',
    summary: { zh: '月度指标', en: 'Monthly plan' },
  }),
  'plans.set': method<MonthPlans>()({
    input: planSetSchema,
    roles: managers,
    kind: 'write',
    summary: { zh: '设置月度指标', en: 'Set the plan (team default or one person)' },
  }),
  'plans.clear': method<MonthPlans>()({
    input: z.strictObject({ month: monthInputSchema, staffId: idSchema }),
    roles: managers,
    kind: 'write',
    summary: { zh: '取消个人指标', en: 'Remove a person’s override' },
  }),
  'plans.copyPrevious': method<MonthPlans>()({
    input: z.strictObject({ month: monthInputSchema }),
    roles: managers,
    kind: 'write',
    summary: { zh: '沿用上月指标', en: 'Copy last month’s plan' },
  }),
  'staff.import': method<ImportReport>()({
    input: importFileInputSchema,
    upload: IMPORT_UPLOAD,
    roles: managers,
    kind: 'write',
    summary: { zh: '导入员工', en: 'Import staff' },
  }),
  'plans.import': method<ImportReport>()({
    input: importFileInputSchema,
    upload: IMPORT_UPLOAD,
    roles: managers,
    kind: 'write',
    summary: { zh: '导入月度指标', en: 'Import monthly plans' },
  }),
  'commission.settings': method<CommissionSettings>()({
    input: z.strictObject({}).default({}),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '提成规则设置', en: 'Commission settings' },
  }),
  'commission.updateSettings': method<CommissionSettings>()({
    input: z.strictObject({
      creditBasis: z.enum(CREDIT_BASES).optional(),
      exemptFirstPartialMonth: z.boolean().optional(),
      commissionWhenBelowFloor: z.boolean().optional(),
    }),
    roles: ['owner'],
    kind: 'write',
    summary: { zh: '修改提成规则', en: 'Change commission settings' },
  }),
  'allowances.list': method<AllowanceRow[]>()({
    input: z.strictObject({}).default({}),
    roles: managers,
    kind: 'read',
    summary: { zh: '岗位补贴', en: 'Allowances by role' },
  }),
  'allowances.set': method<AllowanceRow[]>()({
    input: z.strictObject({
      role: z.enum(ROLES),
      items: z.array(z.strictObject({ name: z.string().trim().min(1).max(20), amountFen: fenOrNull.unwrap() })).max(20),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '设置岗位补贴', en: 'Set a role’s allowances' },
  }),
  'months.list': method<MonthState[]>()({
    input: z.strictObject({}).default({}),
    roles: ['owner', 'manager', 'clerk', 'salesperson'],
    kind: 'read',
    summary: { zh: '月结记录', en: 'Closed months' },
  }),
  'months.close': method<MonthState>()({
    input: z.strictObject({
      month: monthInputSchema,
      /** The owner closes although statements are unconfirmed or disputed (logged). */
      closeAnyway: z.boolean().default(false),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '月结', en: 'Close a month' },
  }),
  'months.reopen': method<MonthState>()({
    input: z.strictObject({
      month: monthInputSchema,
      reason: z
        .string()
        .trim()
        .min(2, { error: zhEn('请写明重新打开的原因', 'Give the reason for reopening') })
        .max(500),
    }),
    roles: ['owner'],
    kind: 'write',
    summary: { zh: '撤销月结', en: 'Reopen a closed month' },
  }),
  'dismissals.list': method<DismissalCase[]>()({
    input: z.strictObject({}).default({}),
    roles: managers,
    kind: 'read',
    summary: { zh: '待辞退', en: 'Dismissals due' },
  }),
  'dismissals.decide': method<{ staffId: number; decision: 'keep' | 'dismiss'; movedClients: number }>()({
    input: z.strictObject({
      staffId: idSchema,
      month: monthInputSchema,
      decision: z.enum(['keep', 'dismiss']),
      reason: z
        .string()
        .trim()
        .min(2, { error: zhEn('请写明理由', 'Give the reason') })
        .max(500),
      leftOn: dateSchema.optional(),
      /** Who takes over every client of a dismissed person (required when they have clients)… */
      reassignToStaffId: idSchema.optional(),
      /** …or: every client goes back to the pool (公海) instead of to a colleague. */
      clientsToPool: z.boolean().default(false),
    }),
    roles: ['owner'],
    kind: 'write',
    summary: { zh: '确认或撤销待辞退', en: 'Confirm or lift a dismissal' },
  }),
  'audit.list': method<{ rows: AuditRow[]; total: number }>()({
    input: auditFilters.default({ sort: '-at', offset: 0, limit: 200 }),
    roles: managers,
    kind: 'read',
    summary: { zh: '操作日志', en: 'Audit log' },
  }),
  'audit.export': method<ExportFile>()({
    input: z.strictObject({
      format: exportFormatSchema,
      entity: z.string().trim().max(40).optional(),
      from: dateSchema.optional(),
      to: dateSchema.optional(),
    }),
    roles: managers,
    kind: 'read',
    summary: { zh: '导出操作日志', en: 'Export the audit log' },
  }),
} as const;
