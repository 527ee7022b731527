import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../core/app-error';
import type { OfficeContext } from '../core/context';
import { openDatabase } from '../db/open-database';
import { DATABASE_FILE } from '../office';

/** Inside a backup folder: the database, the manifest, and (shared by all backups there) the archive copy. */
export const BACKUP_PREFIX = '门店通备份_';
export const MANIFEST = 'manifest.json';
export const ARCHIVE_COPY = '档案副本';

export type ManifestFile = { relPath: string; size: number; sha256: string };
export type Manifest = { createdAt: string; schema: string[]; documents: number; files: ManifestFile[] };
export type BackupResult = { folder: string; documents: number; copiedFiles: number; removedOld: string[] };

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/**
 * One backup into `dest`: the database through SQLite's online backup API (consistent while
 * the office keeps working), checked with integrity_check, plus a manifest of every archived
 * file with its hash. Archive files are copied into `<dest>/档案副本/` incrementally — only
 * what is new or changed — so daily backups stay cheap. Everything is written under a
 * temporary name and renamed when complete; `keep` old backups are kept, older ones removed.
 */
export async function createBackup(ctx: OfficeContext, dest: string, keep = 7): Promise<BackupResult> {
  fs.mkdirSync(dest, { recursive: true });
  const name = `${BACKUP_PREFIX}${stamp(ctx.now())}`;
  const tmp = path.join(dest, `${name}.tmp`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  try {
    await ctx.sqlite.backup(path.join(tmp, DATABASE_FILE));
    const copy = openDatabase({ file: path.join(tmp, DATABASE_FILE), readonly: true });
    let manifest: Manifest;
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok')
        throw new AppError(
          'internal',
          `备份的数据库校验失败:${String(check)}`,
          `The backup's database failed its check: ${String(check)}`,
        );
      manifest = manifestOf(copy, ctx.now());
    } finally {
      copy.close();
    }
    const copiedFiles = copyArchive(ctx.archiveRoot(), path.join(dest, ARCHIVE_COPY), manifest.files);
    fs.writeFileSync(path.join(tmp, MANIFEST), JSON.stringify(manifest, null, 1));
    fs.renameSync(tmp, path.join(dest, name));
    return { folder: path.join(dest, name), documents: manifest.documents, copiedFiles, removedOld: pruneOld(dest, keep) };
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    throw new AppError(
      'unavailable',
      `备份失败:${(error as Error).message}。请检查备份文件夹 ${dest} 是否可写、空间是否足够。`,
      `Backup failed: ${(error as Error).message}. Check that ${dest} is writable and has space.`,
    );
  }
}

function manifestOf(db: BetterSqlite3.Database, now: Date): Manifest {
  const files = db
    .prepare(`SELECT COALESCE(trash_path, rel_path) AS relPath, size, sha256 FROM documents ORDER BY id`)
    .all() as ManifestFile[];
  const schema = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
  return { createdAt: now.toISOString(), schema, documents: files.length, files };
}

/** Copy archive files not already in the shared copy with the same size (paths are immutable per content). */
function copyArchive(root: string, target: string, files: readonly ManifestFile[]): number {
  let copied = 0;
  for (const f of files) {
    const from = path.join(root, ...f.relPath.split('/'));
    const to = path.join(target, ...f.relPath.split('/'));
    const there = fs.statSync(to, { throwIfNoEntry: false });
    if (there && there.size === f.size) continue;
    if (!fs.existsSync(from)) continue; // reported by 档案体检; the manifest still lists it
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, `${to}.tmp`);
    fs.renameSync(`${to}.tmp`, to);
    copied++;
  }
  return copied;
}

export function listBackups(dest: string): string[] {
  if (!fs.existsSync(dest)) return [];
  return fs
    .readdirSync(dest)
    .filter((n) => n.startsWith(BACKUP_PREFIX) && !n.endsWith('.tmp') && fs.existsSync(path.join(dest, n, MANIFEST)))
    .sort();
}

function pruneOld(dest: string, keep: number): string[] {
  const all = listBackups(dest);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const n of old) fs.rmSync(path.join(dest, n), { recursive: true, force: true });
  return old;
}
