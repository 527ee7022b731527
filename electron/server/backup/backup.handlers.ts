import path from 'node:path';
import type { backupContract } from '../../../shared/contract/backup';
import { AppError } from '../core/app-error';
import type { Handlers } from '../core/handlers';
import { runBackup } from './backup-run';
import { readBackupSettings, updateBackupSettings } from './backup-settings';
import { describeBackups, inspectBackup, resolveBackup } from './backup-check';

function fullPath(folder: string): string {
  if (path.isAbsolute(folder)) return path.resolve(folder);
  throw new AppError('invalid_input', {
    zh: `请填写完整路径(例如 D:\\门店通备份),收到的是"${folder}"。`,
    en: `Give a full path (e.g. D:\\门店通备份); got "${folder}".`,
  });
}

export const backupHandlers: Handlers<typeof backupContract> = {
  'backup.settings': (ctx) => readBackupSettings(ctx),
  'backup.updateSettings': (ctx, input) => updateBackupSettings(ctx, input),
  'backup.run': (ctx, input) => runBackup(ctx, input.dir),
  'backup.list': async (ctx, input) => {
    const dir = input.dir ? fullPath(input.dir) : (await readBackupSettings(ctx)).dir;
    return { dir, backups: dir ? describeBackups(dir) : [] };
  },
  'backup.check': (_ctx, input) => inspectBackup(resolveBackup(fullPath(input.folder))),
  'backup.restore': (ctx, input) => {
    if (!ctx.restoreInPlace)
      throw new AppError('unavailable', {
        zh: '这个程序没有独占门店数据,不能在这里恢复。请关闭其他门店通后运行 office restore。',
        en: 'This program does not hold the office, so it cannot restore here. Close other 门店通 programs and run office restore.',
      });
    return ctx.restoreInPlace(fullPath(input.folder), ctx.actor);
  },
};
