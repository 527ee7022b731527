import { z } from 'zod';
import { absolutePathSchema } from './field-schemas';
import { method } from './method';
import { zhEn } from '../bilingual';

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

/** An archived file a backup could not hold: the office had lost it, or it no longer matched its record. */
export type UnavailableFile = { relPath: string; reason: 'missing' | 'changed' };

export type BackupRunResult = {
  folder: string;
  documents: number;
  /** Files copied this time (the rest were already in the folder with the same content). */
  copiedFiles: number;
  /** Files whose hash was checked in the finished backup. */
  verifiedFiles: number;
  unavailableFiles: UnavailableFile[];
  removedOld: string[];
};

/** One finding of a backup check, in both languages. */
export type BackupProblem = { zh: string; en: string };

/** What checking a backup found — the same checks `office restore` runs before it touches anything. */
export type BackupReport = {
  folder: string;
  ok: boolean;
  createdAt: string | null;
  officeName: string | null;
  counts: { clients: number; contracts: number; staff: number } | null;
  documents: number;
  /** Files whose content was verified by hash. */
  files: number;
  bytes: number;
  unavailableFiles: UnavailableFile[];
  problems: BackupProblem[];
};

export type BackupListItem = { folder: string; name: string; createdAt: string | null; documents: number | null };

export type RestoreResult = {
  restoredFrom: string;
  documents: number;
  /** Where the data that was current went (never deleted). */
  keptAside: string[];
  unavailableFiles: UnavailableFile[];
};

/** A folder on the office computer, given in full (D:\…, /…, \\server\…). */
const folderPath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((p) => !p.includes('\u0000'), { error: zhEn('路径中有非法字符', 'The path contains an invalid character') })
  .refine((p) => /^([a-zA-Z]:[\\/]|[\\/])/.test(p), {
    error: zhEn('请填写完整路径(例如 D:\\门店通备份)', 'Give a full path (e.g. D:\\门店通备份)'),
  });

export const backupContract = {
  'backup.settings': method<BackupSettings>()({
    input: z.strictObject({}).default({}),
    roles: ['owner'],
    kind: 'read',
    summary: { zh: '备份设置', en: 'Backup settings' },
  }),
  'backup.updateSettings': method<BackupSettings>()({
    input: z.strictObject({
      /** Empty clears the folder (no scheduled backups until one is chosen). */
      dir: z.union([z.literal(''), absolutePathSchema()]).optional(),
      daily: z.boolean().optional(),
      keep: z
        .number()
        .int()
        .min(1, { error: zhEn('至少保留 1 份', 'Keep at least 1') })
        .max(365)
        .optional(),
    }),
    roles: ['owner'],
    kind: 'write',
    serverPaths: ['dir'],
    summary: { zh: '修改备份设置', en: 'Change backup settings' },
  }),
  'backup.run': method<BackupRunResult>()({
    input: z.strictObject({ dir: absolutePathSchema().optional() }).default({}),
    roles: ['owner'],
    kind: 'write',
    serverPaths: ['dir'],
    summary: { zh: '立即备份', en: 'Back up now' },
  }),
  'backup.list': method<{ dir: string; backups: BackupListItem[] }>()({
    input: z.strictObject({ dir: folderPath.optional() }).default({}),
    roles: ['owner'],
    kind: 'read',
    serverPaths: ['dir'],
    summary: { zh: '查看备份', en: 'List backups' },
  }),
  'backup.check': method<BackupReport>()({
    input: z.strictObject({ folder: folderPath }),
    roles: ['owner'],
    kind: 'read',
    serverPaths: ['folder'],
    summary: { zh: '检查备份', en: 'Check a backup' },
  }),
  'backup.restore': method<RestoreResult>()({
    input: z.strictObject({ folder: folderPath }),
    roles: ['owner'],
    kind: 'write',
    serverPaths: ['folder'],
    summary: { zh: '从备份恢复', en: 'Restore from a backup' },
  }),
} as const;
