import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BackupRunResult } from '../../../shared/contract/backup';
import { recordRestore, restoreBackup } from '../../server/backup/restore.service';
import { AppError } from '../../server/core/app-error';
import { openDatabase } from '../../server/db/open-database';
import { DATABASE_FILE, openOffice } from '../../server/office';
import { officeInUseError, tryLockOffice } from '../../server/office-lock';
import { resolveArchiveRoot } from '../../server/settings/settings.service';
import { CLI_ACTOR, printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '备份数据库和档案 / Back up the database and archive',
  usage: `office backup DIR
  在 DIR 中建立一份带时间的备份(数据库 + 档案清单),档案文件增量复制到 DIR/档案副本。
  Writes a dated backup into DIR (database + archive manifest); archive files are copied incrementally to DIR/档案副本.`,
  async run(args, env) {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
    if (positionals.length !== 1) {
      printError(env, '用法:office backup DIR', 'Usage: office backup DIR');
      return EXIT.usage;
    }
    const result = await env.call<BackupRunResult>('backup.run', { dir: path.resolve(positionals[0]!) });
    if (!result) return EXIT.failed;
    env.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '从备份恢复 / Restore from a backup',
  usage: `office restore DIR
  DIR 是一份备份,或存放备份的文件夹(取最新一份)。先完整校验备份,再把当前数据移到一旁(不删除),然后恢复。
  门店通(桌面应用或 office serve)运行时不能从命令行恢复:请先关闭它,或在 设置 › 备份 中恢复。
  DIR is one backup, or a folder of backups (the newest is used). The backup is verified first; the current data is
  moved aside (never deleted), then the backup is put in place. Refused while 门店通 (the app or office serve) runs:
  close it first, or restore from 设置 › 备份.`,
  async run(args, env) {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
    if (positionals.length !== 1) {
      printError(env, '用法:office restore DIR', 'Usage: office restore DIR');
      return EXIT.usage;
    }
    // Nothing else may hold the office while its database is replaced (a host would keep
    // writing to the file moved aside).
    const taken = tryLockOffice(env.dataDir, 'restore');
    if (!('lock' in taken)) {
      const refusal = officeInUseError(taken.heldBy, 'restore');
      printError(env, refusal.zh, refusal.messageEn);
      return EXIT.failed;
    }
    try {
      const result = await restoreBackup(env.dataDir, currentArchiveRoot(env.dataDir), path.resolve(positionals[0]!));
      const office = openOffice({ dataDir: env.dataDir, lock: taken.lock });
      try {
        await recordRestore(office, CLI_ACTOR, result);
      } finally {
        await office.close();
      }
      env.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    } catch (error) {
      taken.lock.release();
      if (!(error instanceof AppError)) throw error;
      printError(env, error.zh, error.messageEn);
      return EXIT.failed;
    }
  },
};

/** Where the archive is now, read without opening the office for writing. */
function currentArchiveRoot(dataDir: string): string {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) return resolveArchiveRoot(dataDir, undefined);
  try {
    const db = openDatabase({ file, readonly: true });
    try {
      const row = db.prepare(`SELECT value FROM settings WHERE key = 'archive.root'`).get() as { value: string } | undefined;
      return resolveArchiveRoot(dataDir, row ? JSON.parse(row.value) : undefined);
    } finally {
      db.close();
    }
  } catch {
    // A damaged database is exactly when one restores: fall back to the default archive place.
    return resolveArchiveRoot(dataDir, undefined);
  }
}
