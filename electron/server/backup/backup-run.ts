import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext, OfficeContext } from '../core/context';
import { assertAbsoluteHere } from '../core/user-path';
import { writeSetting } from '../settings/settings.repository';
import { BACKUP_SETTINGS_KEY, readBackupSettings } from './backup-settings';
import { createBackup, type BackupResult } from './backup.service';

/** One click (or the schedule): back up to the given or configured folder and remember the outcome. */
export async function runBackup(ctx: OfficeContext & { actor?: CallContext['actor'] }, dir?: string): Promise<BackupResult> {
  const settings = await readBackupSettings(ctx);
  const target = dir ?? settings.dir;
  if (!target)
    throw new AppError('invalid_input', {
      zh: '还没有选择备份文件夹。请在设置中选择(最好是另一块硬盘或 U 盘)。',
      en: 'No backup folder chosen yet. Choose one in Settings (ideally another drive or a USB disk).',
    });
  assertAbsoluteHere(target, 'dir');
  try {
    const result = await createBackup(ctx, target, settings.keep);
    // A backup that could not hold every file is still a good backup of everything else, but
    // the owner must hear about it (设置 › 备份 shows lastError).
    const warning = result.unavailableFiles.length
      ? `${result.unavailableFiles.length} 个档案文件在门店里已缺失或被改动,未能备份(例如 ${result.unavailableFiles[0]!.relPath});请做一次档案体检。`
      : null;
    await ctx.db.transaction().execute(async (trx) => {
      await writeSetting(trx, BACKUP_SETTINGS_KEY, { ...settings, lastAt: ctx.now().toISOString(), lastError: warning });
      await writeAudit(trx, ctx.actor ?? null, { action: 'backup.run', entity: 'backup', after: result }, ctx.now());
    });
    return result;
  } catch (error) {
    await ctx.db
      .transaction()
      .execute((trx) => writeSetting(trx, BACKUP_SETTINGS_KEY, { ...settings, lastError: (error as Error).message }));
    throw error;
  }
}
