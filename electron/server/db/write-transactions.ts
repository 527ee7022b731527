import type BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type Driver } from 'kysely';
import { AppError } from '../core/app-error';

/**
 * Every write transaction starts with BEGIN IMMEDIATE. A plain (deferred) BEGIN reads first and
 * asks for the write lock at its first write; in WAL mode, if another connection committed in
 * between, SQLite answers SQLITE_BUSY_SNAPSHOT at once — no busy timeout helps, because the
 * transaction's snapshot is already stale. IMMEDIATE takes the write lock before the first read,
 * so a transaction either waits its turn at BEGIN or gets it; nothing has been done yet when it
 * waits, which is why retrying BEGIN is always safe.
 */

/** How long a BEGIN may wait for another process's write transaction before giving up. */
export const BEGIN_WAIT_MS = 15_000;
/** Each attempt blocks the event loop at most this long (better-sqlite3 is synchronous). */
const ATTEMPT_TIMEOUT_MS = 25;

/** SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, SQLITE_LOCKED… (better-sqlite3 gives extended codes). */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export function databaseBusyError(): AppError {
  return new AppError('unavailable', {
    zh: '数据库正忙(另一个程序正在写入),请稍后重试。数据没有被修改。',
    en: 'The database is busy (another program is writing); please retry in a moment. Nothing was changed.',
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * BEGIN IMMEDIATE, waiting asynchronously while another process holds the write lock: each try
 * waits only briefly inside SQLite, then the event loop is free (the host keeps answering) before
 * the next one. After BEGIN_WAIT_MS the caller gets a bilingual `unavailable`.
 */
export async function beginImmediate(sqlite: BetterSqlite3.Database, waitMs = BEGIN_WAIT_MS): Promise<void> {
  const deadline = Date.now() + waitMs;
  const usual = sqlite.pragma('busy_timeout', { simple: true }) as number;
  for (let attempt = 0; ; attempt++) {
    sqlite.pragma(`busy_timeout = ${ATTEMPT_TIMEOUT_MS}`);
    try {
      sqlite.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (Date.now() >= deadline) throw databaseBusyError();
    } finally {
      sqlite.pragma(`busy_timeout = ${usual}`);
    }
    await sleep(Math.min(200, 5 + attempt * 10) * (0.5 + Math.random()));
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override async beginTransaction(): Promise<void> {
    await beginImmediate(this.#sqlite);
  }
}

/** Kysely's SQLite dialect, except that `db.transaction()` begins IMMEDIATE (see above). */
export class OfficeSqliteDialect extends SqliteDialect {
  readonly #sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#sqlite);
  }
}
