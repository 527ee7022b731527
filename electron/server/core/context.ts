import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/roles';
import type { Database } from '../db/schema';

/**
 * What every handler receives. `db` is the typed query builder; `sqlite` is the same
 * connection for hot read paths and bulk writes — use it for writes only inside a
 * `db.transaction()` callback so it cannot interleave with another transaction.
 */
export type OfficeContext = {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  /** Where the office's files are filed (档案根目录). */
  archiveRoot: () => string;
  now: () => Date;
  /** The startup check's verdict; writes are refused while it is not ok. */
  health?: { ok: boolean; problems: string[] };
  /** Settles when a background startup check has given its verdict; writes wait for it. */
  healthChecked?: Promise<void>;
  /** The better-sqlite3 addon the office was opened with, for worker threads opening office.db too. */
  nativeBinding?: string;
};

export type CallContext = OfficeContext & {
  actor: Actor | null;
  /** The caller's session token (cookie or desktop process), for auth.* methods. */
  sessionToken?: string | null;
};
