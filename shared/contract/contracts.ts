import { z } from 'zod';
import { method } from './method';
import { idSchema } from './client-schemas';
import {
  amountFenSchema,
  contractFiltersSchema,
  contractNumberSchema,
  contractPatchSchema,
  newContractSchema,
  PAYMENT_METHODS,
  type ContractDetail,
  type ContractRow,
  type PaymentRow,
  type RenewalRow,
} from './contract-schemas';
import { dateSchema } from './field-schemas';
import { importFileInputSchema, type ImportReport } from '../imports/import-report';
import { IMPORT_UPLOAD } from './uploads';
import { exportFormatSchema, type ExportFile } from '../imports/export-file';
import { zhEn } from '../bilingual';

export * from './contract-schemas';

/** One payment or refund; payments.import holds each row to it too. */
export const newPaymentSchema = z.strictObject({
  contractId: idSchema,
  paidOn: dateSchema,
  /** Negative for a refund (退款). */
  amountFen: z
    .number({ error: zhEn('金额必须是数字', 'Amount must be a number') })
    .int({ error: zhEn('金额必须精确到分', 'Amount must be whole fen') })
    .refine((v) => v !== 0, { error: zhEn('金额不能为 0', 'Amount cannot be 0') })
    .refine((v) => Math.abs(v) <= 100_000_000_000, { error: zhEn('金额过大', 'Amount is too large') }),
  method: z.enum(PAYMENT_METHODS, { error: zhEn('收款方式无效', 'Unknown payment method') }).default('transfer'),
  notes: z
    .string()
    .trim()
    .max(500, { error: zhEn('备注最多 500 个字', 'Notes are at most 500 characters') })
    .default(''),
});

const everyone = ['owner', 'manager', 'clerk', 'salesperson'] as const;
const office = ['owner', 'manager', 'clerk'] as const;
const managers = ['owner', 'manager'] as const;

export const contractsContract = {
  'contracts.list': method<{
    rows: ContractRow[];
    total: number;
    totals: { amountFen: number; paidFen: number; balanceFen: number };
  }>()({
    input: contractFiltersSchema
      .extend({ offset: z.number().int().nonnegative().default(0), limit: z.number().int().positive().max(500).default(100) })
      .default({ search: '', unpaidOnly: false, offset: 0, limit: 100 }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '合同列表', en: 'List contracts' },
  }),
  'contracts.get': method<ContractDetail>()({
    input: z.strictObject({ id: idSchema }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '合同详情', en: 'Contract with payments' },
  }),
  'contracts.create': method<ContractDetail>()({
    input: newContractSchema,
    roles: everyone,
    kind: 'write',
    summary: { zh: '新建合同', en: 'New contract' },
  }),
  'contracts.update': method<ContractDetail>()({
    input: contractPatchSchema,
    roles: office,
    kind: 'write',
    summary: { zh: '修改合同', en: 'Edit a contract' },
  }),
  'contracts.renew': method<ContractDetail>()({
    input: z.strictObject({
      id: idSchema,
      number: contractNumberSchema.optional(),
      amountFen: amountFenSchema.optional(),
      signedOn: dateSchema.nullable().optional(),
      startsOn: dateSchema.optional(),
      endsOn: dateSchema.optional(),
    }),
    roles: everyone,
    kind: 'write',
    summary: { zh: '续费(生成续费合同)', en: 'Renew (create the renewal contract)' },
  }),
  'contracts.import': method<ImportReport>()({
    input: importFileInputSchema,
    upload: IMPORT_UPLOAD,
    roles: office,
    kind: 'write',
    summary: { zh: '导入合同', en: 'Import contracts' },
  }),
  'contracts.export': method<ExportFile>()({
    input: z.strictObject({
      filters: contractFiltersSchema.default({ search: '', unpaidOnly: false }),
      format: exportFormatSchema,
    }),
    roles: office,
    kind: 'read',
    summary: { zh: '导出合同', en: 'Export contracts' },
  }),
  'payments.create': method<PaymentRow>()({
    input: newPaymentSchema,
    roles: office,
    kind: 'write',
    summary: { zh: '登记收款或退款', en: 'Record a payment or refund' },
  }),
  'payments.delete': method<{ deleted: number }>()({
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
    summary: { zh: '删除收款记录', en: 'Delete a payment record' },
  }),
  'payments.import': method<ImportReport>()({
    input: importFileInputSchema,
    upload: IMPORT_UPLOAD,
    roles: office,
    kind: 'write',
    summary: { zh: '导入收款', en: 'Import payments' },
  }),
  'renewals.list': method<RenewalRow[]>()({
    input: z
      .strictObject({
        withinDays: z.number().int().min(0).max(3660).default(30),
        asOf: dateSchema.optional(),
        /** Also list contracts whose service ended and that were not renewed… */
        includeLapsed: z.boolean().default(true),
        /** …within this many days before asOf (default 90): twenty years of lost clients are history, not a reminder. */
        lapsedWithinDays: z.number().int().min(0).max(36600).default(90),
        staffId: idSchema.optional(),
        /** By service end date, or by the client's join date (the manual's 按客户加入日期, the default). */
        order: z.enum(['due', 'joined']).default('joined'),
      })
      .default({ withinDays: 30, includeLapsed: true, lapsedWithinDays: 90, order: 'joined' }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '续费提醒', en: 'Renewals due' },
  }),
} as const;
