import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupRunResult } from '../../../shared/contract/backup';
import { absInside } from '../archive/archive-fs';
import { AppError } from '../core/app-error';
import type { OfficeContext } from '../core/context';
import { DATABASE_FILE } from '../db/database-file';
import { isAlive } from '../office-lock';
import {
  BACKUP_PREFIX,
  copyHashing,
  copyRootOf,
  forEachLimit,
  fsyncFile,
  hashOnce,
  locateCopy,
  MANIFEST,
  OLDER_VERSIONS,
  sha256File,
  TEMP_NAME,
  versionPathOf,
  type HashMemo,
} from './backup-files';
import { MANIFEST_FORMAT, type Manifest, type ManifestFile } from './manifest';
import { inspectBackup, listBackups } from './backup-check';

export type BackupResult = BackupRunResult;

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** One backup at a time in this process (the schedule and a click may meet; a restore waits for both). */
let tail: Promise<unknown> = Promise.resolve();
export function withBackupLock<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}

/**
 * One backup into `dest`: the database through SQLite's online backup API (consistent while
 * the office keeps working), a manifest of every archived file with its hash, the archive copied
 * incrementally (a file is copied when the folder does not already hold its exact content — by
 * hash, never by path and size), then the whole backup VERIFIED the way a restore checks it
 * (database hash, integrity and foreign keys, manifest against the database's records, every
 * file's hash) before it gets its final name. A backup that reports ok can be restored.
 */
export function createBackup(ctx: OfficeContext, dest: string, keep = 7): Promise<BackupResult> {
  return withBackupLock(async () => {
    if (!path.isAbsolute(dest) || dest.includes('\0'))
      throw new AppError('invalid_input', {
        zh: `备份文件夹必须是完整路径(例如 D:\\门店通备份),收到的是"${dest.replace(/\0/g, '')}"。`,
        en: `The backup folder must be a full path (e.g. D:\\门店通备份); got "${dest.replace(/\0/g, '')}".`,
      });
    let tmp: string | null = null;
    try {
      fs.mkdirSync(dest, { recursive: true });
      removeStaleTemps(dest);
      const name = freeName(dest, `${BACKUP_PREFIX}${stamp(ctx.now())}`);
      // The writing process's pid is in the name, so a later backup can tell a folder a kill -9
      // left behind from one another process is still writing.
      tmp = path.join(dest, `${name}.${process.pid}.tmp`);
      fs.mkdirSync(tmp);
      const dbFile = path.join(tmp, DATABASE_FILE);
      await ctx.sqlite.backup(dbFile);
      const { documents, schema } = settleDatabaseCopy(dbFile);
      const database = { size: fs.statSync(dbFile).size, sha256: await sha256File(dbFile) };
      const memo: HashMemo = new Map();
      const copy = await syncArchiveCopy(ctx.archiveRoot(), dest, tmp, documents, memo);
      const manifest: Manifest = {
        format: MANIFEST_FORMAT,
        createdAt: ctx.now().toISOString(),
        schema,
        database,
        documents: documents.length,
        files: copy.files,
      };
      fs.writeFileSync(path.join(tmp, MANIFEST), JSON.stringify(manifest, null, 1));
      fsyncFile(path.join(tmp, MANIFEST));
      fs.rmSync(path.join(tmp, 'incoming'), { recursive: true, force: true });
      const report = await inspectBackup(tmp, memo);
      if (!report.ok)
        throw new AppError(
          'unavailable',
          {
            zh: `备份写完后的校验没有通过:${report.problems[0]!.zh}。这份备份已丢弃;请检查备份磁盘后重试。`,
            en: `The backup failed its check after writing: ${report.problems[0]!.en}. It was discarded; check the backup disk and retry.`,
          },
          { problems: report.problems },
        );
      const folder = path.join(dest, name);
      fs.renameSync(tmp, folder);
      tmp = null;
      const removedOld = pruneOld(dest, keep);
      return {
        folder,
        documents: documents.length,
        copiedFiles: copy.copied,
        verifiedFiles: report.files,
        unavailableFiles: copy.files.filter((f) => f.unavailable).map((f) => ({ relPath: f.relPath, reason: f.unavailable! })),
        removedOld,
      };
    } catch (error) {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
      if (error instanceof AppError) throw error;
      throw new AppError('unavailable', {
        zh: `备份失败:${(error as Error).message}。请检查备份文件夹 ${dest} 是否可写、空间是否足够。`,
        en: `Backup failed: ${(error as Error).message}. Check that ${dest} is writable and has space.`,
      });
    }
  });
}

function freeName(dest: string, base: string): string {
  let name = base;
  for (let n = 2; fs.existsSync(path.join(dest, name)); n++) name = `${base}-${n}`;
  return name;
}

/**
 * The copy is switched to a rollback journal (one self-contained file, no -wal/-shm next to it,
 * so its hash says everything) and its document records read for the manifest. Its integrity
 * and foreign keys are checked by the verification that follows (in a worker).
 */
function settleDatabaseCopy(file: string): { documents: ManifestFile[]; schema: string[] } {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = DELETE');
    const documents = db
      .prepare(`SELECT COALESCE(trash_path, rel_path) AS relPath, size, sha256 FROM documents ORDER BY id`)
      .all() as ManifestFile[];
    const schema = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
    return { documents, schema };
  } finally {
    db.close();
  }
}

/**
 * Make DIR hold the exact content of every recorded file. Already there (at its path, or among
 * the older versions) → nothing to copy. Otherwise the office's file is copied while hashing;
 * the path's previous content moves to the older versions first, for older backups. A file the
 * office lost, or whose content no longer matches its record, is marked unavailable.
 */
async function syncArchiveCopy(
  root: string,
  dest: string,
  tmp: string,
  documents: readonly ManifestFile[],
  memo: HashMemo,
): Promise<{ files: ManifestFile[]; copied: number }> {
  const copyRoot = copyRootOf(dest);
  fs.mkdirSync(copyRoot, { recursive: true });
  const files: ManifestFile[] = new Array<ManifestFile>(documents.length);
  let copied = 0;
  // A few files at a time: reads, writes and each copy's fsync overlap (the disk's journal
  // commits several fsyncs at once), so many small scans do not each wait for the disk.
  await forEachLimit(documents, 4, async (doc, i) => {
    const at = absInside(copyRoot, doc.relPath);
    if (await locateCopy(dest, at, doc, memo)) {
      files[i] = doc;
      return;
    }
    const source = absInside(root, doc.relPath);
    if (!fs.existsSync(source)) {
      files[i] = { ...doc, unavailable: 'missing' };
      return;
    }
    const incoming = path.join(tmp, 'incoming', String(i));
    const read = await copyHashing(source, incoming);
    if (read.sha256 !== doc.sha256 || read.size !== doc.size) {
      fs.rmSync(incoming);
      files[i] = { ...doc, unavailable: 'changed' };
      return;
    }
    if (fs.existsSync(at)) keepOlderVersion(dest, at, await hashOnce(at, memo));
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.renameSync(incoming, at);
    memo.delete(at); // a new copy is hashed again by the verification, from the disk
    files[i] = doc;
    copied++;
  });
  return { files, copied };
}

function keepOlderVersion(dest: string, at: string, sha256: string): void {
  const to = versionPathOf(dest, sha256);
  if (fs.existsSync(to)) {
    fs.rmSync(at);
    return;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.renameSync(at, to);
}

/**
 * A backup folder whose writer is gone (kill -9, power cut) — `门店通备份_….<pid>.tmp` of a
 * process no longer alive, or an old-style `….tmp` — is removed before the next backup. Only
 * folders of exactly that shape; a finished backup never matches.
 */
export function removeStaleTemps(dest: string): string[] {
  const removed: string[] = [];
  for (const entry of fs.readdirSync(dest, { withFileTypes: true })) {
    const m = TEMP_NAME.exec(entry.name);
    if (!m || !entry.isDirectory()) continue;
    const pid = m[2] ? Number(m[2]) : null;
    if (pid !== null && pid !== process.pid && isAlive(pid)) continue;
    fs.rmSync(path.join(dest, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

function pruneOld(dest: string, keep: number): string[] {
  const all = listBackups(dest);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const n of old) fs.rmSync(path.join(dest, n), { recursive: true, force: true });
  if (old.length) removeUnneededVersions(dest, all.slice(old.length));
  return old;
}

/** Older versions no remaining backup lists are removed with the last backup that needed them. */
function removeUnneededVersions(dest: string, kept: readonly string[]): void {
  const needed = new Set<string>();
  for (const name of kept) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dest, name, MANIFEST), 'utf8')) as { files?: { sha256?: string }[] };
      for (const f of manifest.files ?? []) if (f.sha256) needed.add(f.sha256);
    } catch {
      return; // an unreadable manifest: keep everything rather than guess
    }
  }
  const root = path.join(dest, OLDER_VERSIONS);
  if (!fs.existsSync(root)) return;
  for (const shard of fs.readdirSync(root)) {
    const dir = path.join(root, shard);
    for (const sha of fs.readdirSync(dir)) if (!needed.has(sha)) fs.rmSync(path.join(dir, sha), { force: true });
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
}
