import type { backupContract } from '../../../shared/contract/backup';
import type { Handlers } from '../core/handlers';
import { readBackupSettings, runBackup, updateBackupSettings } from './backup-settings';

export const backupHandlers: Handlers<typeof backupContract> = {
  'backup.settings': (ctx) => readBackupSettings(ctx),
  'backup.updateSettings': (ctx, input) => updateBackupSettings(ctx, input),
  'backup.run': (ctx, input) => runBackup(ctx, input.dir),
};
