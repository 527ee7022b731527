import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ErrorBody } from '../../../shared/errors';
import type { ImportFileInput, ImportPhase } from '../../../shared/imports/import-report';
import type { Actor } from '../../../shared/roles';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { Database } from '../db/schema';
import { runImportHere } from './import-pipeline';
import { IMPORTERS } from './registry';

/**
 * The import child process: one per import (import-process.ts), so reading a hostile file,
 * checking 300k rows and writing them never stops the host that answers the window, its memory
 * is not the host's, and all of it goes back when it ends. It opens its own connection to
 * office.db and writes in one BEGIN IMMEDIATE transaction — the write lock is taken before the
 * first read, so a write by the host in between can never turn into SQLITE_BUSY_SNAPSHOT
 * halfway through; if the child is killed (cancel, out of memory) the transaction never commits.
 */
export type ImportJob = {
  dbFile: string;
  nativeBinding?: string;
  dataDir: string;
  archiveRoot: string;
  kind: string;
  input: Omit<ImportFileInput, 'dataBase64'>;
  /**
   * The file, still in base64 as it arrived: decoding it (tens of milliseconds for a big file)
   * is the child's work, not a pause of the host's thread. It travels in parts (ImportChildInput).
   */
  dataBase64: string;
  actor: Actor | null;
  nowIso: string;
};

/**
 * What the host sends: the file's base64 in parts (IMPORT_PART_CHARS, run-import.ts), the host's thread free
 * between them (one 13 MB message held it for ~80 ms on a busy machine), then the job itself
 * with an empty dataBase64, which the child fills with the parts joined.
 */
export type ImportChildInput = { type: 'part'; text: string } | { type: 'job'; job: ImportJob };

export type ImportChildMessage =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'done'; report: unknown; maxRssBytes: number }
  | { type: 'error'; error: ErrorBody; maxRssBytes: number };

async function main(data: ImportJob, post: (message: ImportChildMessage) => void): Promise<void> {
  let answer: ImportChildMessage;
  const sqlite = new BetterSqlite3(data.dbFile, {
    fileMustExist: true,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const now = new Date(data.nowIso);
    const ctx: CallContext = {
      db,
      sqlite,
      dataDir: data.dataDir,
      archiveRoot: () => data.archiveRoot,
      now: () => now,
      actor: data.actor,
    };
    const importer = IMPORTERS[data.kind];
    if (!importer)
      throw new AppError('invalid_input', { zh: `没有"${data.kind}"导入。`, en: `There is no "${data.kind}" import.` });
    const bytes = Buffer.from(data.dataBase64, 'base64');
    const report = await runImportHere(ctx, importer, { ...data.input, dataBase64: '' }, bytes, {
      progress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
      transaction: async (c, work) => {
        c.sqlite.exec('BEGIN IMMEDIATE');
        try {
          const value = await work(c.db);
          c.sqlite.exec('COMMIT');
          return value;
        } catch (error) {
          if (c.sqlite.inTransaction) c.sqlite.exec('ROLLBACK');
          throw error;
        }
      },
    });
    answer = { type: 'done', report, maxRssBytes: maxRss() };
  } catch (error) {
    answer = { type: 'error', error: errorBody(error), maxRssBytes: maxRss() };
  } finally {
    sqlite.close();
  }
  // Answered only once this process's connection is closed: the caller may close, back up or
  // replace office.db as soon as it has the answer, and a closing connection must not touch it then.
  post(answer);
}

function errorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  const code = (error as { code?: unknown })?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED')
    return {
      code: 'unavailable',
      message: '数据库正忙(另一项写入正在进行),导入未写入任何数据,请稍后重试。',
      messageEn: 'The database is busy with another write; nothing was imported. Try again in a moment.',
    };
  if (error instanceof RangeError && /string length|Array buffer allocation/i.test(error.message))
    return {
      code: 'too_large',
      message: '文件内容太多,读取时超出内存上限,未写入任何数据。请拆分后分批导入。',
      messageEn: 'The file holds too much to read within the memory limit; nothing was written. Split it and import in parts.',
    };
  return {
    code: 'internal',
    message: `导入时程序内部错误:${(error as Error)?.message ?? String(error)}。未写入任何数据;请重试,若仍失败请联系技术支持。`,
    messageEn: `Internal error while importing: ${(error as Error)?.message ?? String(error)}. Nothing was written; retry, and contact support if it persists.`,
  };
}

function maxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Electron's utilityProcess hands messages over `process.parentPort` (electron/main/import-process.ts). */
type ParentPort = {
  on: (event: 'message', fn: (e: { data: unknown }) => void) => void;
  postMessage: (message: unknown) => void;
};

// Started ahead of need, a child waits for its one job (import-process.ts), then is ended by
// the host. It ends itself if the host goes away first (its IPC channel closes).
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const parts: string[] = [];
const receive = (input: ImportChildInput, post: (message: ImportChildMessage) => void): void => {
  if (input.type === 'part') parts.push(input.text);
  else void main({ ...input.job, dataBase64: parts.splice(0).join('') }, post);
};
if (parentPort) {
  parentPort.on('message', (e) => receive(e.data as ImportChildInput, (m) => parentPort.postMessage(m)));
} else if (process.send) {
  const send = process.send.bind(process);
  process.on('message', (input) => receive(input as ImportChildInput, (m) => void send(m)));
  process.once('disconnect', () => process.exit(0));
}
