import { z } from 'zod';
import { absolutePathSchema } from './field-schemas';
import { method } from './method';

export type BackupSettings = {
  /** Where backups go (another drive or a USB disk); empty until the owner chooses. */
  dir: string;
  /** Daily scheduled backup while the app runs. */
  daily: boolean;
  /** How many backups to keep in the folder. */
  keep: number;
  lastAt: string | null;
  lastError: string | null;
};

export type BackupRunResult = { folder: string; documents: number; copiedFiles: number; removedOld: string[] };

export const backupContract = {
  'backup.settings': method<BackupSettings>()({
    input: z.strictObject({}).default({}),
    roles: ['owner'],
    kind: 'read',
    summary: '备份设置 / Backup settings',
  }),
  'backup.updateSettings': method<BackupSettings>()({
    input: z.strictObject({
      /** Empty clears the folder (no scheduled backups until one is chosen). */
      dir: z.union([z.literal(''), absolutePathSchema()]).optional(),
      daily: z.boolean().optional(),
      keep: z.number().int().min(1, { error: '至少保留 1 份 / Keep at least 1' }).max(365).optional(),
    }),
    roles: ['owner'],
    kind: 'write',
    summary: '修改备份设置 / Change backup settings',
  }),
  'backup.run': method<BackupRunResult>()({
    input: z.strictObject({ dir: absolutePathSchema().optional() }).default({}),
    roles: ['owner'],
    kind: 'write',
    summary: '立即备份 / Back up now',
  }),
} as const;
