import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../shared/roles';
import type { RestoreResult } from '../../../shared/contract/backup';
import type { Database } from '../db/schema';
import type { Upload, UploadLimits } from './upload';
import type { LockHolder } from '../office-lock';

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
  healthChecked?: Promise<void> | undefined;
  /**
   * Set when another process holds the office (office-lock.ts) and this one opened it only to
   * read beside it (the CLI while the app runs): every write is refused, naming the holder.
   */
  guestOf?: { holder: LockHolder | null };
  /** Replace the whole office with a verified backup without leaving the process (the holder only). */
  restoreInPlace?: (folder: string, actor: Actor | null) => Promise<RestoreResult>;
  /** The better-sqlite3 addon the office was opened with, for worker threads opening office.db too. */
  nativeBinding?: string;
};

export type CallContext = OfficeContext & {
  actor: Actor | null;
  /** The caller's session token (cookie or desktop process), for auth.* methods. */
  sessionToken?: string | null;
  /** Which transport the call came through — known even before anyone has signed in. */
  via?: Actor['via'];
  /** HTTP only: the peer's address is loopback (a browser on this computer). See server-paths.ts. */
  loopback?: boolean;
  /**
   * The file's bytes when the call carries one (HTTP POST /upload/{method}); absent for a JSON
   * call. Only methods declared with `upload` may receive it — dispatch refuses the rest.
   */
  upload?: Upload;
  /** The transport can send a file back (HTTP GET /files/{method}, the desktop's open/reveal). */
  takesFile?: boolean;
  /** Upload size cap and free-disk margin; defaults when the transport sets none. */
  limits?: UploadLimits;
};

/** The context of a handler whose method is declared `upload: { to: 'stream' }`: the stream is there. */
export type UploadCallContext = CallContext & { upload: Upload };
