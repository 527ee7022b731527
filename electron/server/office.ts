import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Actor } from '../../shared/roles';
import type { CallContext, OfficeContext } from './core/context';
import { dispatch } from './core/dispatch';
import type { Envelope } from '../../shared/errors';
import { openDatabase } from './db/open-database';
import { DATABASE_FILE } from './db/database-file';
import { checkInBackground } from './db/background-check';
import { checkDatabase, refuseNetworkFolder, type DatabaseHealth } from './db/startup-checks';
import { OfficeSqliteDialect } from './db/write-transactions';
import { recoverArchive } from './archive/refile';
import type { Database } from './db/schema';
import { resolveArchiveRoot } from './settings/settings.service';
import { officeInUseError, tryLockOffice, type LockHolder, type LockProgram, type OfficeLock } from './office-lock';
import { openAsGuest } from './guest-open';
import { restoreInPlace } from './backup/restore-in-place';
import { startTextJobs, stopTextJobs, textJobsStarted } from './ocr/text-jobs.runner';

export { DATABASE_FILE } from './db/database-file';

/** What a transport adds to a call besides actor, method and input. */
export type CallExtras = Pick<CallContext, 'upload' | 'takesFile' | 'limits' | 'via' | 'loopback'> & { token?: string | null };

export type Office = OfficeContext & {
  /** Call one contract method as `actor` — the same gate every transport uses. */
  call: (actor: Actor | null, method: string, input?: unknown, extras?: CallExtras) => Promise<Envelope<unknown>>;
  close: () => Promise<void>;
};

export type OpenOfficeOptions = {
  dataDir: string;
  /** Override the clock (tests). */
  now?: () => Date;
  nativeBinding?: string;
  /** Databases at least this big are checked in the background (default 32 MB; tests lower it). */
  backgroundCheckFromBytes?: number;
  /**
   * 'exclusive' (default): this process holds the office (office-lock.ts) or the open is refused.
   * 'shared' (the CLI): holds it when free; otherwise opens it to read beside the holder, and
   * every write is refused with a message naming the holder.
   */
  access?: 'exclusive' | 'shared';
  /** Who takes the lock, for the messages others get (default 'cli'). */
  program?: LockProgram;
  /** A lock the caller already took (lockOfficeWhenFree); released when the office closes. */
  lock?: OfficeLock;
};

/** Below this the startup check takes well under 100 ms, so it simply runs before anything else. */
const BACKGROUND_CHECK_FROM_BYTES = 32 * 1024 * 1024;

/** One open connection with its startup verdict. */
export type Connection = {
  sqlite: BetterSqlite3.Database;
  health: DatabaseHealth & { checking?: boolean };
  healthChecked?: Promise<void> | undefined;
  /** Stops a background check still running. */
  stop: () => Promise<void>;
};

/**
 * Open (or create) the office in a data folder: office.db plus, by default, the archive.
 * A big database is checked in a worker while the office already answers reads; writes wait
 * for the verdict (and are refused on a bad one). After a crash (archive moves in the journal)
 * the check runs first, because recovery writes.
 */
export function openOffice(options: OpenOfficeOptions): Office {
  fs.mkdirSync(options.dataDir, { recursive: true });
  refuseNetworkFolder(options.dataDir);
  let lock: OfficeLock | null = options.lock ?? null;
  let guestOf: { holder: LockHolder | null } | undefined;
  if (!lock) {
    const attempt = tryLockOffice(options.dataDir, options.program ?? 'cli', options.nativeBinding);
    if ('lock' in attempt) lock = attempt.lock;
    else if (options.access === 'shared') guestOf = { holder: attempt.heldBy };
    else throw officeInUseError(attempt.heldBy, 'open');
  }
  try {
    if (guestOf) return officeOver(openAsGuest(options, guestOf.holder), options, null, guestOf);
    return officeOver(connect(options), options, lock, undefined);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Open office.db as the holder: migrate, check (in the background when big), ready to recover. */
export function connect(options: OpenOfficeOptions): Connection {
  const file = path.join(options.dataDir, DATABASE_FILE);
  const sqlite = openDatabase({ file, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const big = fs.statSync(file).size >= (options.backgroundCheckFromBytes ?? BACKGROUND_CHECK_FROM_BYTES);
  const crashed = big && hasJournalRows(sqlite);
  if (!big || crashed) return { sqlite, health: checkDatabase(sqlite), stop: async () => undefined };
  const check = checkInBackground(file, options.nativeBinding);
  const health: Connection['health'] = { ok: true, problems: [], checking: true };
  const healthChecked = check.done.then((found) => {
    Object.assign(health, found, { checking: false });
  });
  return { sqlite, health, healthChecked, stop: () => check.stop() };
}

/**
 * The office over a connection. Its database fields are read through getters, so an in-place
 * restore (restore-in-place.ts) can swap the connection under every holder of this object: the
 * host, the IPC binding and the daily jobs keep the same `Office` and see the restored data.
 */
function officeOver(
  first: Connection,
  options: OpenOfficeOptions,
  lock: OfficeLock | null,
  guestOf: { holder: LockHolder | null } | undefined,
): Office {
  const now = options.now ?? (() => new Date());
  let current = first;
  let db = new Kysely<Database>({ dialect: new OfficeSqliteDialect(current.sqlite) });
  let readArchiveSetting = current.sqlite.prepare(`SELECT value FROM settings WHERE key = 'archive.root'`);
  const calls = { inflight: 0, paused: null as null | { zh: string; en: string } };

  const office: Office = {
    get db() {
      return db;
    },
    get sqlite() {
      return current.sqlite;
    },
    get health() {
      return current.health;
    },
    get healthChecked() {
      return current.healthChecked;
    },
    dataDir: options.dataDir,
    now,
    ...(guestOf ? { guestOf } : {}),
    // Passed on to worker threads that open office.db too (the import worker).
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    archiveRoot: () => {
      const row = readArchiveSetting.get() as { value: string } | undefined;
      return resolveArchiveRoot(options.dataDir, row ? JSON.parse(row.value) : undefined);
    },
    call: async (actor, method, input, extras) => {
      if (calls.paused)
        return { ok: false, error: { code: 'unavailable', message: calls.paused.zh, messageEn: calls.paused.en } };
      calls.inflight++;
      try {
        const { token, via, ...transfer } = extras ?? {};
        return await dispatch(
          { ...withActor(office, actor), ...transfer, sessionToken: token ?? null, via: via ?? actor?.via ?? 'http' },
          method,
          input,
        );
      } finally {
        calls.inflight--;
      }
    },
    close: async () => {
      // A running OCR stops here and stays queued for the next start.
      stopTextJobs(current.sqlite);
      await current.stop();
      // Kysely's destroy closes the better-sqlite3 handle — but only if Kysely ever used it; an
      // office that answered only raw-SQL reads (or nothing) must close the handle itself.
      await db.destroy();
      if (current.sqlite.open) current.sqlite.close();
      lock?.release();
    },
  };
  if (lock) {
    let textJobsWereOn = false;
    office.restoreInPlace = (folder, actor) =>
      restoreInPlace(office, folder, actor, {
        calls,
        close: async () => {
          // The OCR queue stops with the old database and starts again on the restored one.
          textJobsWereOn = textJobsStarted(current.sqlite);
          stopTextJobs(current.sqlite);
          await current.stop();
          await db.destroy();
        },
        reopen: () => {
          current = connect(options);
          db = new Kysely<Database>({ dialect: new OfficeSqliteDialect(current.sqlite) });
          readArchiveSetting = current.sqlite.prepare(`SELECT value FROM settings WHERE key = 'archive.root'`);
          if (current.health.ok) recoverArchive(office);
          if (textJobsWereOn) startTextJobs(office);
        },
      });
  }
  // Finish or undo archive moves a crash interrupted, before anyone sees the archive — only the
  // holder, and only the first time this process opens it (nobody else can be mid-filing then);
  // never on a database that failed its check: nothing is written there until it is restored.
  if (lock && current.health.ok && lock.first) recoverArchive(office);
  return office;
}

export function withActor(base: OfficeContext, actor: Actor | null): CallContext {
  return { ...base, actor };
}

/** Archive moves a crash left unfinished (or an unreadable journal: then check first, too). */
function hasJournalRows(sqlite: BetterSqlite3.Database): boolean {
  try {
    return (sqlite.prepare('SELECT count(*) FROM archive_journal').pluck().get() as number) > 0;
  } catch {
    return true;
  }
}
