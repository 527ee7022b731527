import { z } from 'zod';
import { method } from './method';
import { idSchema } from './client-schemas';
import { dateSchema } from './staff';
import { monthInputSchema } from './performance';
import { exportFormatSchema, type ExportFile } from '../imports/export-file';
import type { AgingBucket } from '../receivables/schedule';
import { zhEn } from '../bilingual';

const everyone = ['owner', 'manager', 'clerk', 'salesperson'] as const;
const office = ['owner', 'manager', 'clerk'] as const;
const managers = ['owner', 'manager'] as const;

export type InstalmentRow = {
  id: number;
  /** 1, 2, 3… in due order. */
  seq: number;
  dueOn: string;
  amountFen: number;
  note: string;
  paidFen: number;
  outstandingFen: number;
  /** The day it was paid in full, null while not. */
  settledOn: string | null;
  state: 'paid' | 'partial' | 'unpaid';
  /** Days past due with money still owed (逾期 N 天); 0 otherwise. */
  overdueDays: number;
};

export type ContractSchedule = {
  contractId: number;
  number: string;
  clientId: number;
  clientName: string;
  staffName: string;
  status: string;
  signedOn: string | null;
  amountFen: number;
  paidFen: number;
  /** What the instalments add up to; the rest (未排期) is shown, not hidden. */
  scheduledFen: number;
  unscheduledFen: number;
  invoicedFen: number;
  uninvoicedFen: number;
  asOf: string;
  instalments: InstalmentRow[];
};

/** One amount still to come: an instalment, or a whole contract that has no schedule (一次付清 on signing). */
export type ReceivableLine = {
  instalmentId: number | null;
  contractId: number;
  contractNumber: string;
  clientId: number;
  clientName: string;
  staffId: number | null;
  staffName: string;
  dueOn: string;
  amountFen: number;
  outstandingFen: number;
  /** asOf − due date: negative before it is due, 0 on the day. */
  daysPastDue: number;
};

export type ReceivableGroup = {
  id: number | null;
  name: string;
  staffName?: string;
  count: number;
  outstandingFen: number;
  maxDaysPastDue: number;
};

export type ReceivablesList = {
  asOf: string;
  from: string | null;
  to: string | null;
  rows: ReceivableLine[];
  /** True when more lines matched than `rows` holds (the totals count them all). */
  truncated: boolean;
  total: { count: number; outstandingFen: number };
  byStaff: ReceivableGroup[];
  byClient: ReceivableGroup[];
};

export type AgingRow = {
  id: number | null;
  name: string;
  staffName?: string;
  buckets: Record<AgingBucket, number>;
  totalFen: number;
};

export type AgingReport = {
  asOf: string;
  totals: Record<AgingBucket, number> & { totalFen: number };
  byStaff: AgingRow[];
  byClient: AgingRow[];
};

export type ReceivablesSummary = {
  asOf: string;
  week: { count: number; outstandingFen: number };
  month: { count: number; outstandingFen: number };
  overdue: { count: number; outstandingFen: number };
  /** Due within the reminder days (from today on). */
  soon: { count: number; outstandingFen: number; days: number };
};

export type StaffReceivables = {
  month: string;
  asOf: string;
  rows: { staffId: number | null; staffName: string; dueInMonthFen: number; overdueFen: number }[];
};

export type InvoiceRow = {
  id: number;
  contractId: number;
  contractNumber: string;
  clientId: number;
  clientName: string;
  title: string;
  taxNo: string;
  amountFen: number;
  number: string;
  issuedOn: string;
  notes: string;
  paymentIds: number[];
  createdAt: string;
  createdBy: string;
};

const money = z
  .number({ error: zhEn('金额必须是数字', 'Amount must be a number') })
  .int({ error: zhEn('金额必须精确到分', 'Amount must be whole fen') })
  .min(1, { error: zhEn('金额必须大于 0', 'Amount must be more than 0') })
  .max(100_000_000_000, { error: zhEn('金额过大', 'Amount is too large') });

export const instalmentInputSchema = z.strictObject({
  dueOn: dateSchema,
  amountFen: money,
  note: z.string().trim().max(200).default(''),
});

export const receivablesListSchema = z.strictObject({
  /** 本周应收, 本月应收, 逾期 (everything past due), or a date range. */
  view: z.enum(['week', 'month', 'overdue', 'range']).default('week'),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  asOf: dateSchema.optional(),
  staffId: idSchema.optional(),
  clientId: idSchema.optional(),
  limit: z.number().int().positive().max(5000).default(1000),
});

export const receivablesContract = {
  'schedules.get': method<ContractSchedule>()({
    input: z.strictObject({ contractId: idSchema, asOf: dateSchema.optional() }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '回款计划', en: 'Payment schedule of a contract' },
  }),
  'schedules.set': method<ContractSchedule>()({
    input: z.strictObject({
      contractId: idSchema,
      /** The whole schedule, replacing the old one; empty removes it (一次付清 on signing). */
      instalments: z.array(instalmentInputSchema).max(120, { error: zhEn('最多 120 期', 'At most 120 instalments') }),
    }),
    roles: everyone,
    kind: 'write',
    summary: { zh: '设置回款计划', en: 'Set a payment schedule' },
  }),
  'receivables.list': method<ReceivablesList>()({
    input: receivablesListSchema.default(receivablesListSchema.parse({})),
    roles: everyone,
    kind: 'read',
    summary: { zh: '应收与逾期', en: 'Receivables due and overdue' },
  }),
  'receivables.aging': method<AgingReport>()({
    input: z.strictObject({ asOf: dateSchema.optional(), staffId: idSchema.optional() }).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '应收账龄', en: 'Receivables aging' },
  }),
  'receivables.agingExport': method<ExportFile>()({
    input: z.strictObject({ asOf: dateSchema.optional(), format: exportFormatSchema }),
    roles: office,
    kind: 'read',
    summary: { zh: '导出账龄表', en: 'Export the aging report' },
  }),
  'receivables.summary': method<ReceivablesSummary>()({
    input: z.strictObject({ asOf: dateSchema.optional() }).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '应收概况', en: 'Receivables at a glance' },
  }),
  'receivables.byStaff': method<StaffReceivables>()({
    input: z.strictObject({ month: monthInputSchema }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '每人应收与逾期', en: 'Receivables per salesperson' },
  }),
  'receivables.settings': method<{ remindDays: number }>()({
    input: z.strictObject({}).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '回款提醒设置', en: 'Payment reminder settings' },
  }),
  'receivables.updateSettings': method<{ remindDays: number }>()({
    input: z.strictObject({
      remindDays: z
        .number()
        .int()
        .min(0, { error: zhEn('提醒天数不能为负', 'Reminder days cannot be negative') })
        .max(90, { error: zhEn('最多提前 90 天', 'At most 90 days ahead') }),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '修改回款提醒', en: 'Change payment reminders' },
  }),
  'invoices.list': method<{ rows: InvoiceRow[]; totalFen: number }>()({
    input: z
      .strictObject({
        contractId: idSchema.optional(),
        clientId: idSchema.optional(),
        from: dateSchema.optional(),
        to: dateSchema.optional(),
        search: z.string().trim().max(100).default(''),
        limit: z.number().int().positive().max(2000).default(500),
      })
      .default({ search: '', limit: 500 }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '发票登记', en: 'Invoice records' },
  }),
  'invoices.create': method<InvoiceRow>()({
    input: z.strictObject({
      contractId: idSchema,
      title: z
        .string()
        .trim()
        .min(1, { error: zhEn('请填写发票抬头', 'The invoice title (抬头) is required') })
        .max(100, { error: zhEn('抬头最多 100 个字', 'The title is at most 100 characters') }),
      taxNo: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^$|^[0-9A-Z]{15,20}$/, {
          error: zhEn(
            '税号应为 15–20 位数字或大写字母(统一社会信用代码为 18 位)',
            'A tax number is 15–20 digits or capital letters (the unified social credit code has 18)',
          ),
        })
        .default(''),
      amountFen: money,
      number: z
        .string()
        .trim()
        .min(1, { error: zhEn('请填写发票号码', 'The invoice number is required') })
        .max(40, { error: zhEn('发票号码最多 40 个字符', 'The invoice number is at most 40 characters') }),
      issuedOn: dateSchema,
      notes: z.string().trim().max(500).default(''),
      /** The payments this invoice covers (optional). */
      paymentIds: z.array(idSchema).max(200).default([]),
    }),
    roles: office,
    kind: 'write',
    summary: { zh: '登记发票', en: 'Record an invoice' },
  }),
  'invoices.delete': method<{ deleted: number }>()({
    input: z.strictObject({
      id: idSchema,
      reason: z
        .string()
        .trim()
        .min(1, { error: zhEn('请填写删除原因', 'Give a reason') })
        .max(200),
    }),
    roles: managers,
    kind: 'write',
    summary: { zh: '删除发票记录', en: 'Delete an invoice record' },
  }),
} as const;
