import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from './core/app-error';

/**
 * One process at a time works on an office (data folder): the desktop app, `office serve`, a
 * CLI command that writes, or `office restore`. Others may read (the CLI's read commands) but
 * never write, never run startup recovery, never clean staging files, never restore.
 *
 * The lock is an operating-system lock, not a pid check: `office.lock` is a tiny SQLite file the
 * holder keeps EXCLUSIVE-locked for its lifetime (locking_mode=EXCLUSIVE + a write). The kernel
 * drops the lock when the process ends in any way — kill -9 and power loss included — so a stale
 * lock cannot exist and taking over after a crash needs no guessing; a pid file cannot be
 * checked and replaced atomically, and pids are reused. `office.lock.json` says who holds it
 * (pid, process start time, program, since) for the messages; it is informational only, and the
 * holder's pid and start time are double-checked for liveness before a message names it.
 *
 * Never open `office.lock` with plain fs calls in this process: closing any descriptor of a file
 * releases every POSIX lock the process holds on it.
 */
export const LOCK_FILE = 'office.lock';
export const LOCK_INFO_FILE = 'office.lock.json';

export type LockProgram = 'app' | 'serve' | 'cli' | 'restore';

export type LockHolder = {
  pid: number;
  /** When the holding process started (ISO), to tell a reused pid from the holder. */
  processStartedAt: string;
  /** When it took the lock (ISO). */
  since: string;
  program: LockProgram;
  host: string;
};

export type OfficeLock = {
  dataDir: string;
  holder: LockHolder;
  /** This acquisition took the OS lock (not a reentrant one): the process's first opening. */
  first: boolean;
  release: () => void;
};

type Held = { db: BetterSqlite3.Database; holder: LockHolder; count: number };
/** Locks this process holds, by data folder; reentrant (tests open one folder twice). */
const held = new Map<string, Held>();

const keyOf = (dataDir: string): string => {
  const abs = path.resolve(dataDir);
  return process.platform === 'win32' || process.platform === 'darwin' ? abs.toLowerCase() : abs;
};

export function processStartedAt(): string {
  return new Date(Date.now() - process.uptime() * 1000).toISOString();
}

/**
 * Take the office's lock for this process, or learn who holds it. Never waits: the caller
 * decides (refuse, read only, or try again).
 */
export function tryLockOffice(
  dataDir: string,
  program: LockProgram,
  nativeBinding?: string,
): { lock: OfficeLock } | { heldBy: LockHolder | null } {
  const key = keyOf(dataDir);
  const mine = held.get(key);
  if (mine) {
    mine.count++;
    return { lock: handle(key, dataDir, mine, false) };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(path.join(dataDir, LOCK_FILE), {
      timeout: 0,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    throw new AppError('unavailable', {
      zh: `无法在数据文件夹 ${dataDir} 建立锁文件:${(error as Error).message}。请检查文件夹权限。`,
      en: `Cannot create the lock file in the data folder ${dataDir}: ${(error as Error).message}. Check the folder's permissions.`,
    });
  }
  const holder: LockHolder = {
    pid: process.pid,
    processStartedAt: processStartedAt(),
    since: new Date().toISOString(),
    program,
    host: os.hostname(),
  };
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER, info TEXT)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, info) VALUES (?, ?)').run(process.pid, JSON.stringify(holder));
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { heldBy: readHolder(dataDir) };
    throw error;
  }
  writeInfo(dataDir, holder);
  const entry: Held = { db, holder, count: 1 };
  held.set(key, entry);
  return { lock: handle(key, dataDir, entry, true) };
}

function handle(key: string, dataDir: string, entry: Held, first: boolean): OfficeLock {
  let released = false;
  return {
    dataDir,
    holder: entry.holder,
    first,
    release: () => {
      if (released) return;
      released = true;
      if (--entry.count > 0) return;
      held.delete(key);
      fs.rmSync(path.join(dataDir, LOCK_INFO_FILE), { force: true });
      entry.db.close();
    },
  };
}

function writeInfo(dataDir: string, holder: LockHolder): void {
  const file = path.join(dataDir, LOCK_INFO_FILE);
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(holder));
  fs.renameSync(`${file}.${process.pid}`, file);
}

/** Who holds the lock, when the info file names a live process (it may be stale or half-written). */
export function readHolder(dataDir: string): LockHolder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_INFO_FILE), 'utf8')) as LockHolder;
    if (typeof holder.pid !== 'number') return null;
    return holder.host !== os.hostname() || isAlive(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/** Signal 0 tests existence; EPERM means it exists but is someone else's. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

const PROGRAM_NAMES: Record<LockProgram, [string, string]> = {
  app: ['门店通桌面应用', 'the 门店通 desktop app'],
  serve: ['浏览器模式(office serve)', 'the browser mode (office serve)'],
  cli: ['另一个 office 命令', 'another office command'],
  restore: ['正在进行的恢复(office restore)', 'a restore in progress (office restore)'],
};

function describeHolder(holder: LockHolder | null): [string, string] {
  if (!holder) return ['另一个门店通程序', 'another 门店通 program'];
  const [zh, en] = PROGRAM_NAMES[holder.program] ?? PROGRAM_NAMES.cli;
  const d = new Date(holder.since);
  const p = (n: number) => String(n).padStart(2, '0');
  // This computer's local time: the holder runs on it.
  const since = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return [`${zh}(进程 ${holder.pid},${since} 起)`, `${en} (process ${holder.pid}, since ${since})`];
}

/** The refusal a process gets when another one holds the office. */
export function officeInUseError(holder: LockHolder | null, doing: 'write' | 'open' | 'restore'): AppError {
  const [zh, en] = describeHolder(holder);
  const what: Record<typeof doing, [string, string]> = {
    write: [
      '命令行在它运行时只能查看,不能修改数据。请在门店通里操作,或先关闭它再运行这个命令。',
      'While it runs, the command line may read but not change data. Do this in 门店通, or close it first and run the command again.',
    ],
    open: [
      '同一个数据文件夹同时只能由一个门店通使用。请使用已打开的那个,或先关闭它。',
      'One data folder is used by one 门店通 at a time. Use the one already open, or close it first.',
    ],
    restore: [
      '恢复会替换整个数据库和档案,必须先关闭它(或在门店通的 设置 › 备份 中恢复)。',
      'A restore replaces the whole database and archive: close it first (or restore from 设置 › 备份 in 门店通).',
    ],
  };
  return new AppError(
    'unavailable',
    { zh: `${zh}正在使用这个数据文件夹。${what[doing][0]}`, en: `${en} is using this data folder. ${what[doing][1]}` },
    holder ? { heldBy: holder } : undefined,
  );
}

/**
 * Take the lock, waiting up to `waitMs` for a short-lived holder (a CLI command) to finish; the
 * desktop app and `office serve` never wait for each other.
 */
export async function lockOfficeWhenFree(
  dataDir: string,
  program: LockProgram,
  waitMs: number,
  nativeBinding?: string,
): Promise<OfficeLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const attempt = tryLockOffice(dataDir, program, nativeBinding);
    if ('lock' in attempt) return attempt.lock;
    const shortLived = attempt.heldBy === null || attempt.heldBy.program === 'cli';
    if (!shortLived || Date.now() >= deadline) throw officeInUseError(attempt.heldBy, 'open');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
