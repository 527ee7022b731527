import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Actor } from '../../shared/roles';
import type { CallContext, OfficeContext } from './core/context';
import { dispatch } from './core/dispatch';
import type { Envelope } from '../../shared/errors';
import { openDatabase } from './db/open-database';
import { checkDatabase, refuseNetworkFolder } from './db/startup-checks';
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
};

/** Open (or create) the office in a data folder: office.db plus, by default, the archive. */
export function openOffice(options: OpenOfficeOptions): Office {
  fs.mkdirSync(options.dataDir, { recursive: true });
  refuseNetworkFolder(options.dataDir);
  const sqlite = openDatabase({
    file: path.join(options.dataDir, DATABASE_FILE),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  return officeOver(sqlite, options.dataDir, options.now ?? (() => new Date()), checkDatabase(sqlite));
}

/** Wrap an already open connection (tests use ':memory:'). */
export function officeOver(
  sqlite: BetterSqlite3.Database,
  dataDir: string,
  now: () => Date,
  health: { ok: boolean; problems: string[] } = { ok: true, problems: [] },
): Office {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const readArchiveSetting = sqlite.prepare(`SELECT value FROM settings WHERE key = 'archive.root'`);
  const base: OfficeContext = {
    db,
    sqlite,
    dataDir,
    now,
    health,
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
