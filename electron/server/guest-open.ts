import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './core/app-error';
import { DATABASE_FILE } from './db/database-file';
import { migrations } from './db/migrations';
import { openDatabase } from './db/open-database';
import { officeInUseError, type LockHolder } from './office-lock';
import type { Connection, OpenOfficeOptions } from './office';

/**
 * Open the office to read while another process holds it (the CLI's read commands while the app
 * runs). Read-only at the SQLite level too, so no write can slip through; no migration, no
 * startup recovery and no staging cleanup — those belong to the holder, which may be filing a
 * file right now. The holder already checked the database at its start.
 */
export function openAsGuest(options: OpenOfficeOptions, holder: LockHolder | null): Connection {
  const file = path.join(options.dataDir, DATABASE_FILE);
  // No database while held: a restore is putting one in place.
  if (!fs.existsSync(file)) throw officeInUseError(holder, 'open');
  const sqlite = openDatabase({
    file,
    readonly: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const applied = sqlite.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number;
  if (applied !== migrations.length) {
    sqlite.close();
    throw new AppError('unavailable', {
      zh: '正在运行的门店通与这个命令行的版本不同,数据库结构不一致。请先关闭门店通再运行这个命令。',
      en: 'The running 门店通 is another version than this command line (the database structure differs). Close 门店通 first, then run the command.',
    });
  }
  return { sqlite, health: { ok: true, problems: [] }, stop: async () => undefined };
}
