import type { BackupSettings } from '../../../shared/contract/backup';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext, OfficeContext } from '../core/context';
import { assertAbsoluteHere } from '../core/user-path';
import { readSettingsMap, writeSetting } from '../settings/settings.repository';

export const BACKUP_SETTINGS_KEY = 'backup';
const DEFAULTS: BackupSettings = { dir: '', daily: true, keep: 7, lastAt: null, lastError: null };

export async function readBackupSettings(ctx: OfficeContext): Promise<BackupSettings> {
  const stored = (await readSettingsMap(ctx.db)).get(BACKUP_SETTINGS_KEY) as Partial<BackupSettings> | undefined;
  return { ...DEFAULTS, ...stored };
}

export async function updateBackupSettings(
  ctx: CallContext,
  patch: { dir?: string | undefined; daily?: boolean | undefined; keep?: number | undefined },
): Promise<BackupSettings> {
  if (patch.dir) assertAbsoluteHere(patch.dir, 'dir');
  const before = await readBackupSettings(ctx);
  const after = {
    ...before,
    ...(patch.dir !== undefined ? { dir: patch.dir } : {}),
    ...(patch.daily !== undefined ? { daily: patch.daily } : {}),
    ...(patch.keep !== undefined ? { keep: patch.keep } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, BACKUP_SETTINGS_KEY, after);
    await writeAudit(trx, ctx.actor, { action: 'backup.settings', entity: 'settings', before, after }, ctx.now());
  });
  return after;
}

/** Due when daily backups are on, a folder is chosen, and the last one is a day old (or none yet). */
export function isBackupDue(settings: BackupSettings, now: Date): boolean {
  if (!settings.daily || !settings.dir) return false;
  if (!settings.lastAt) return true;
  return now.getTime() - Date.parse(settings.lastAt) >= 24 * 3600_000;
}
