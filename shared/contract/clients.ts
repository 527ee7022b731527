import { z } from 'zod';
import { method } from './method';
import {
  clientFiltersSchema,
  clientListSchema,
  clientPatchSchema,
  idSchema,
  newClientSchema,
  type ClientDetail,
  type ClientListRow,
  type DuplicateHit,
  type OwnerHistoryRow,
} from './client-schemas';
import { dateSchema } from './field-schemas';
import { importFileInputSchema, type ImportReport } from '../imports/import-report';
import { IMPORT_UPLOAD } from './uploads';
import { exportFormatSchema, type ExportFile } from '../imports/export-file';
import type { FunnelStep, SalesStage } from '../clients/classification';
import type { Festival } from '../clients/festivals';
import { zhEn } from '../bilingual';

export * from './client-schemas';

const everyone = ['owner', 'manager', 'clerk', 'salesperson'] as const;
const office = ['owner', 'manager', 'clerk'] as const;
const managers = ['owner', 'manager'] as const;

export type FunnelCounts = {
  stages: { stage: SalesStage; count: number }[];
  /** Clients at or beyond each step (潜在 counts everyone in the funnel). */
  steps: { step: FunnelStep; count: number; reached: number }[];
  total: number;
};

export type Reminder =
  | {
      kind: 'birthday' | 'anniversary';
      date: string;
      clientId: number;
      clientName: string;
      contactName: string;
      ownerName: string;
      years: number | null;
    }
  | { kind: 'festival'; date: string; festival: Festival; clientCount: number };

export const clientsContract = {
  'clients.list': method<{ rows: ClientListRow[]; total: number }>()({
    input: clientListSchema.default(clientListSchema.parse({})),
    roles: everyone,
    kind: 'read',
    summary: { zh: '客户列表', en: 'List clients' },
  }),
  'clients.regions': method<{ province: string; city: string; count: number }[]>()({
    input: z.strictObject({}).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '客户所在地区', en: 'Regions of clients' },
  }),
  'clients.get': method<ClientDetail>()({
    input: z.strictObject({ id: idSchema }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '客户档案详情', en: 'Client file' },
  }),
  'clients.create': method<ClientDetail>()({
    input: newClientSchema,
    roles: everyone,
    kind: 'write',
    summary: { zh: '登记客户', en: 'Register a client' },
  }),
  'clients.update': method<ClientDetail>()({
    input: clientPatchSchema,
    roles: everyone,
    kind: 'write',
    summary: { zh: '修改客户档案', en: 'Edit a client file' },
  }),
  'clients.archive': method<ClientDetail>()({
    input: z.strictObject({ id: idSchema, archived: z.boolean().default(true) }),
    roles: managers,
    kind: 'write',
    summary: { zh: '客户归档或恢复', en: 'Archive or restore a client' },
  }),
  'clients.checkDuplicates': method<DuplicateHit[]>()({
    input: z.strictObject({
      kind: z.enum(['company', 'person']).default('company'),
      name: z.string().trim().max(100).default(''),
      phones: z.array(z.string().max(40)).max(6).default([]),
      excludeId: idSchema.optional(),
    }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '撞单检查', en: 'Check for duplicates' },
  }),
  'clients.reassign': method<{ moved: number }>()({
    input: z
      .strictObject({
        clientIds: z.array(idSchema).min(1).max(100_000).optional(),
        fromStaffId: idSchema.optional(),
        toStaffId: idSchema,
        reason: z
          .string()
          .trim()
          .min(1, { error: zhEn('请填写转移原因', 'Give a reason for the move') })
          .max(200),
      })
      .refine((v) => (v.clientIds === undefined) !== (v.fromStaffId === undefined), {
        error: zhEn(
          '请选择客户,或选择要转出全部客户的业务员(二选一)',
          'Choose clients, or the person whose clients all move (one of the two)',
        ),
      }),
    roles: managers,
    kind: 'write',
    summary: { zh: '转移客户', en: 'Reassign clients' },
  }),
  'clients.ownerHistory': method<OwnerHistoryRow[]>()({
    input: z.strictObject({ clientId: idSchema }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '归属变更记录', en: 'Ownership history' },
  }),
  'clients.funnel': method<FunnelCounts>()({
    input: z.strictObject({ ownerStaffId: idSchema.optional() }).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '销售漏斗', en: 'Sales funnel' },
  }),
  'clients.reminders': method<Reminder[]>()({
    input: z
      .strictObject({ from: dateSchema.optional(), days: z.number().int().min(1).max(366).default(30) })
      .default({ days: 30 }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '售后关怀提醒', en: 'After-sales reminders' },
  }),
  'clients.import': method<ImportReport>()({
    input: importFileInputSchema,
    upload: IMPORT_UPLOAD,
    roles: office,
    kind: 'write',
    summary: { zh: '导入客户', en: 'Import clients' },
  }),
  'clients.export': method<ExportFile>()({
    input: z.strictObject({ filters: clientFiltersSchema.default(clientFiltersSchema.parse({})), format: exportFormatSchema }),
    roles: office,
    kind: 'read',
    summary: { zh: '导出客户', en: 'Export clients' },
  }),
} as const;
