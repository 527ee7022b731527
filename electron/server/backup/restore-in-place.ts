import type { RestoreResult } from '../../../shared/contract/backup';
import type { Actor } from '../../../shared/roles';
import { withArchiveLock } from '../archive/archive-lock';
import { AppError } from '../core/app-error';
import type { OfficeContext } from '../core/context';
import { withBackupLock } from './backup.service';
import { resolveBackup, verifyBackup } from './backup-check';
import { recordRestore, restoreBackup } from './restore.service';

export type InPlaceControl = {
  /** Calls under way through office.call, and the message new ones get while paused. */
  calls: { inflight: number; paused: null | { zh: string; en: string } };
  /** Close the office's connection (the lock stays held by this process throughout). */
  close: () => Promise<void>;
  /** Open it again — the restored database, or the current one when the restore was undone. */
  reopen: () => void;
};

const PAUSED = {
  zh: '正在从备份恢复数据,请稍候片刻再试。',
  en: 'Restoring from a backup; please try again in a moment.',
};

/**
 * Restore while the app (or `office serve`) runs — the process that holds the office lock, so
 * nothing else can touch the data meanwhile. The backup is checked first, while everything
 * still works (a bad backup changes nothing); then new calls are answered "restoring, try again"
 * and those under way finish; the office waits for any backup and any archive change to end,
 * closes its database, restores (the current data moved aside, never deleted; put back if
 * anything fails), and opens again. The same `Office` object is kept, so the host, the window
 * and the daily jobs carry on with the restored data. Sign-in sessions are those of the backup.
 */
export async function restoreInPlace(
  office: OfficeContext,
  dir: string,
  actor: Actor | null,
  control: InPlaceControl,
): Promise<RestoreResult> {
  if (control.calls.paused)
    throw new AppError('conflict', { zh: '已有一次恢复正在进行。', en: 'A restore is already under way.' });
  const folder = resolveBackup(dir);
  const manifest = await verifyBackup(folder);
  control.calls.paused = PAUSED;
  try {
    await othersFinished(control.calls);
    return await withBackupLock(() =>
      withArchiveLock(async () => {
        const archiveRoot = office.archiveRoot();
        await control.close();
        let result: RestoreResult;
        try {
          result = await restoreBackup(office.dataDir, archiveRoot, folder, office.now(), manifest);
        } finally {
          control.reopen();
        }
        await recordRestore(office, actor, result);
        return result;
      }),
    );
  } finally {
    control.calls.paused = null;
  }
}

/** The restore's own call is one of those in flight; the others get 30 s to finish. */
async function othersFinished(calls: InPlaceControl['calls']): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (calls.inflight > 1) {
    if (Date.now() > deadline)
      throw new AppError('unavailable', {
        zh: '还有其他操作没有结束,暂时不能恢复。请稍后再试。',
        en: 'Other work is still under way; the restore cannot start yet. Try again shortly.',
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
