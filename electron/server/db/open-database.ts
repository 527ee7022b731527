import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../core/app-error';
import { migrations } from './migrations';

/** Marks a SQLite file as ours ("MDTN"), so another program's database is never migrated. */
export const APPLICATION_ID = 0x4d44544e;

export type OpenOptions = {
  /** Path of office.db, or ':memory:' for tests. */
  file: string;
  /** For tests and packaging: a prebuilt addon path (see docs/architecture.md, native module). */
  nativeBinding?: string;
  readonly?: boolean;
};

/**
 * Open office.db, refuse anything that is not ours or is newer than this program, then bring
 * the schema up to date. Nothing is written before those checks pass.
 */
export function openDatabase(options: OpenOptions): BetterSqlite3.Database {
  const { file } = options;
  const isNew = file === ':memory:' || !fs.existsSync(file);
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
    });
  } catch (error) {
    throw new AppError('unavailable', {
      zh: `无法打开数据库文件 ${file}:${(error as Error).message}。请检查路径和权限。`,
      en: `Cannot open the database file ${file}: ${(error as Error).message}. Check the path and permissions.`,
    });
  }
  try {
    checkIsOurs(db, file, isNew);
    refuseNewerSchema(db);
    applyPragmas(db, options.readonly === true);
    if (!options.readonly) migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkIsOurs(db: BetterSqlite3.Database, file: string, isNew: boolean): void {
  let appId: number;
  let tableCount: number;
  try {
    // Reading the header is the first thing that fails on a file that is not a database.
    appId = db.pragma('application_id', { simple: true }) as number;
    tableCount = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }).n;
  } catch (error) {
    throw new AppError(
      'unavailable',
      {
        zh: `文件 ${file} 不是有效的门店通数据库(${(error as Error).message})。文件未被修改;请从备份恢复,或选择其他数据文件夹。`,
        en: `The file ${file} is not a valid 门店通 database (${(error as Error).message}). It was not changed; restore a backup or choose another data folder.`,
      },
      { file },
    );
  }
  if (isNew || (appId === 0 && tableCount === 0)) return;
  if (appId !== APPLICATION_ID) {
    throw new AppError(
      'unavailable',
      {
        zh: `文件 ${file} 是其他程序的 SQLite 数据库,门店通不会修改它。请选择门店通的数据文件夹。`,
        en: `The file ${file} is another program's SQLite database; 门店通 will not change it. Choose a 门店通 data folder.`,
      },
      { file },
    );
  }
}

function applyPragmas(db: BetterSqlite3.Database, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  // FULL: a power cut never loses a committed transaction (docs/operations.md › 登录、权限与备份).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!readonly) db.pragma(`application_id = ${APPLICATION_ID}`);
}

/** Run every migration not yet applied, each in its own transaction, recorded by name. */
export function migrate(db: BetterSqlite3.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = appliedMigrations(db);
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.name, new Date().toISOString());
    }).immediate();
  }
  db.pragma(`user_version = ${migrations.length}`);
}

function appliedMigrations(db: BetterSqlite3.Database): Set<string> {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!hasTable) return new Set();
  return new Set((db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name));
}

/** Checked before anything is written, so a newer database is left exactly as it was. */
function refuseNewerSchema(db: BetterSqlite3.Database): void {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...appliedMigrations(db)].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'unavailable',
      {
        zh: `此数据库由更新版本的门店通写入(含未知的结构版本 ${unknown.join(', ')})。为保护数据,本版本不会打开它;请升级门店通。`,
        en: `This database was written by a newer version of 门店通 (unknown schema versions ${unknown.join(', ')}). To protect your data this version will not open it; please upgrade.`,
      },
      { unknown },
    );
  }
}

export function schemaVersion(db: BetterSqlite3.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
}
