import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Actor } from '../../shared/roles';
import type { CallContext, OfficeContext } from './core/context';
import { dispatch } from './core/dispatch';
import type { Envelope } from '../../shared/errors';
import { openDatabase } from './db/open-database';
import { checkInBackground } from './db/background-check';
import { checkDatabase, refuseNetworkFolder, type DatabaseHealth } from './db/startup-checks';
import { recoverArchive } from './archive/refile';
import type { Database } from './db/schema';
import { resolveArchiveRoot } from './settings/settings.service';

export const DATABASE_FILE = 'office.db';

export type Office = OfficeContext & {
  /** Call one contract method as `actor` — the same gate every transport uses. */
  call: (actor: Actor | null, method: string, input?: unknown, session?: { token: string | null }) => Promise<Envelope<unknown>>;
  close: () => Promise<void>;
};

export type OpenOfficeOptions = {
  dataDir: string;
  /** Override the clock (tests). */
  now?: () => Date;
  nativeBinding?: string;
  /** Databases at least this big are checked in the background (default 32 MB; tests lower it). */
  backgroundCheckFromBytes?: number;
};

/** Below this the startup check takes well under 100 ms, so it simply runs before anything else. */
const BACKGROUND_CHECK_FROM_BYTES = 32 * 1024 * 1024;

/**
 * Open (or create) the office in a data folder: office.db plus, by default, the archive.
 * A big database is checked in a worker while the office already answers reads; writes wait
 * for the verdict (and are refused on a bad one). After a crash (archive moves in the journal)
 * the check runs first, because recovery writes.
 */
export function openOffice(options: OpenOfficeOptions): Office {
  fs.mkdirSync(options.dataDir, { recursive: true });
  refuseNetworkFolder(options.dataDir);
  const file = path.join(options.dataDir, DATABASE_FILE);
  const sqlite = openDatabase({ file, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const now = options.now ?? (() => new Date());
  const big = fs.statSync(file).size >= (options.backgroundCheckFromBytes ?? BACKGROUND_CHECK_FROM_BYTES);
  const crashed = big && hasJournalRows(sqlite);
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (!big || crashed) return officeOver(sqlite, options.dataDir, now, checkDatabase(sqlite), undefined, binding);
  const check = checkInBackground(file, options.nativeBinding);
  const health: DatabaseHealth & { checking?: boolean } = { ok: true, problems: [], checking: true };
  const verdict = check.done.then((found) => {
    Object.assign(health, found, { checking: false });
  });
  const office = officeOver(sqlite, options.dataDir, now, health, verdict, binding);
  return {
    ...office,
    close: async () => {
      await check.stop();
      await office.close();
    },
  };
}

/** Wrap an already open connection (tests use ':memory:'). */
export function officeOver(
  sqlite: BetterSqlite3.Database,
  dataDir: string,
  now: () => Date,
  health: { ok: boolean; problems: string[] } = { ok: true, problems: [] },
  healthChecked?: Promise<void>,
  /** Passed on to worker threads that open office.db too (the import worker). */
  binding: { nativeBinding?: string } = {},
): Office {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const readArchiveSetting = sqlite.prepare(`SELECT value FROM settings WHERE key = 'archive.root'`);
  const base: OfficeContext = {
    db,
    sqlite,
    dataDir,
    now,
    health,
    ...(healthChecked ? { healthChecked } : {}),
    ...binding,
    archiveRoot: () => {
      const row = readArchiveSetting.get() as { value: string } | undefined;
      return resolveArchiveRoot(dataDir, row ? JSON.parse(row.value) : undefined);
    },
  };
  // Finish or undo archive moves a crash interrupted, before anyone sees the archive (not on a
  // database that failed its check: nothing is written there until it is restored).
  if (health.ok) recoverArchive(base);
  return {
    ...base,
    call: (actor, method, input, session) =>
      dispatch({ ...withActor(base, actor), sessionToken: session?.token ?? null }, method, input),
    close: async () => {
      // Kysely's destroy closes the better-sqlite3 handle too.
      await db.destroy();
    },
  };
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
