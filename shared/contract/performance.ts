import { z } from 'zod';
import { dateSchema, idSchema, monthSchema } from './field-schemas';
import { exportFormatSchema, type ExportFile } from '../imports/export-file';
import type { Dashboard, PerformanceSheet, PersonalStatement } from '../performance/performance-types';
import { method } from './method';

const everyone = ['owner', 'manager', 'clerk', 'salesperson'] as const;

/** Kept under its old name for the files that import it from here. */
export const monthInputSchema = monthSchema;

/**
 * 月度业绩表 and 概览 (docs/rules.md › 月度业绩表与概览). Every role may call them; what comes back is scoped in the
 * service: a salesperson gets only their own row, a clerk gets no pay figures at all.
 */
export const performanceContract = {
  'performance.sheet': method<PerformanceSheet>()({
    // Without a month: the last closed month, or the current one when nothing is closed yet.
    input: z.strictObject({ month: monthInputSchema.optional() }).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '月度业绩表', en: 'Monthly performance sheet' },
  }),
  'performance.statement': method<PersonalStatement>()({
    input: z.strictObject({ month: monthInputSchema, staffId: idSchema }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '个人业绩单', en: 'Personal statement' },
  }),
  'performance.export': method<ExportFile>()({
    input: z.strictObject({ month: monthInputSchema, format: exportFormatSchema }),
    roles: everyone,
    kind: 'read',
    summary: { zh: '导出业绩表', en: 'Export the sheet' },
  }),
  'dashboard.get': method<Dashboard>()({
    input: z.strictObject({ asOf: dateSchema.optional() }).default({}),
    roles: everyone,
    kind: 'read',
    summary: { zh: '概览', en: 'Dashboard' },
  }),
} as const;
