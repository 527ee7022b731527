import { z } from 'zod';
import type { ExportFile } from '../imports/export-file';
import type { ImportProgress } from '../imports/import-report';
import { method } from './method';
import { zhEn } from '../bilingual';

const office = ['owner', 'manager', 'clerk'] as const;

/** The kinds of import there are; each has its own `<kind>.import` method and a template. */
export const IMPORT_KINDS = ['clients', 'contracts', 'payments', 'staff', 'plans'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const jobIdSchema = z.strictObject({
  jobId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: zhEn('任务编号应为 8–64 位字母数字', 'A job id is 8–64 letters or digits') }),
});

/**
 * What is common to every import: following one that runs (its caller chose the job id and
 * passed it with the file), stopping it, and the template to fill in.
 */
export const importsContract = {
  'imports.progress': method<ImportProgress | null>()({
    input: jobIdSchema,
    roles: office,
    kind: 'read',
    summary: { zh: '查看导入进度', en: 'Import progress' },
  }),
  'imports.cancel': method<{ cancelled: boolean }>()({
    input: jobIdSchema,
    roles: office,
    kind: 'write',
    summary: { zh: '取消导入', en: 'Cancel an import' },
  }),
  'imports.template': method<ExportFile>()({
    input: z.strictObject({
      kind: z.enum(IMPORT_KINDS, { error: zhEn('模板应为 clients、contracts、payments、staff 或 plans', 'Unknown template') }),
    }),
    roles: office,
    kind: 'read',
    summary: { zh: '下载导入模板', en: 'Download an import template' },
  }),
} as const;
