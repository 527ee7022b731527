import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error';
import { openDatabase } from '../db/open-database';
import { migrations } from '../db/migrations';
import { DATABASE_FILE } from '../office';
import { ARCHIVE_COPY, BACKUP_PREFIX, listBackups, MANIFEST, type Manifest } from './backup.service';

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A backup folder itself, or the newest backup inside a folder of backups. */
export function resolveBackup(dir: string): string {
  if (fs.existsSync(path.join(dir, MANIFEST))) return dir;
  const newest = listBackups(dir).at(-1);
  if (!newest)
    throw new AppError(
      'not_found',
      `${dir} 里没有门店通备份(${BACKUP_PREFIX}…)。`,
      `No 门店通 backup (${BACKUP_PREFIX}…) in ${dir}.`,
    );
  return path.join(dir, newest);
}

/**
 * Everything about a backup is checked before anything is replaced: the database opens as
 * ours, passes integrity_check and foreign_key_check, is not from a newer version, and every
 * archived file in the manifest is in the backup's archive copy with the right hash.
 */
export function verifyBackup(folder: string): Manifest {
  const manifestFile = path.join(folder, MANIFEST);
  if (!fs.existsSync(manifestFile))
    throw new AppError(
      'invalid_input',
      `${folder} 缺少 ${MANIFEST},不是完整的备份。`,
      `${folder} has no ${MANIFEST}; it is not a complete backup.`,
    );
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const known = new Set(migrations.map((m) => m.name));
  const newer = manifest.schema.filter((n) => !known.has(n));
  if (newer.length)
    throw new AppError(
      'conflict',
      `这个备份来自更新版本的门店通(${newer.join('、')}),请先升级门店通。`,
      `This backup is from a newer 门店通 (${newer.join(', ')}); upgrade first.`,
    );
  const db = openDatabase({ file: path.join(folder, DATABASE_FILE), readonly: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (ok !== 'ok' || fk.length)
      throw new AppError(
        'invalid_input',
        `备份的数据库已损坏(${String(ok)})。请选择另一个备份。`,
        `The backup's database is damaged (${String(ok)}). Choose another backup.`,
      );
  } finally {
    db.close();
  }
  const copyRoot = path.join(path.dirname(folder), ARCHIVE_COPY);
  const bad = manifest.files.filter((f) => {
    const file = path.join(copyRoot, ...f.relPath.split('/'));
    return !fs.existsSync(file) || fs.statSync(file).size !== f.size || sha256(file) !== f.sha256;
  });
  if (bad.length)
    throw new AppError(
      'invalid_input',
      `备份的档案副本缺少或损坏 ${bad.length} 个文件(例如 ${bad[0]!.relPath})。请选择另一个备份。`,
      `The backup's archive copy is missing or has damaged ${bad.length} files (e.g. ${bad[0]!.relPath}). Choose another backup.`,
    );
  return manifest;
}

export type RestoreResult = { restoredFrom: string; documents: number; keptAside: string[] };

/**
 * 恢复: with the office closed. After the backup verifies, the current database and archive are
 * moved aside (never deleted), the backup's are put in place; if anything fails, the current
 * data is moved back.
 */
export function restoreBackup(dataDir: string, archiveRoot: string, dir: string, now = new Date()): RestoreResult {
  const folder = resolveBackup(dir);
  const manifest = verifyBackup(folder);
  const tag = now.toISOString().replace(/[:.]/g, '-');
  const dbFile = path.join(dataDir, DATABASE_FILE);
  const aside: [string, string][] = [];
  const setAside = (file: string): void => {
    if (!fs.existsSync(file)) return;
    const to = `${file}.恢复前-${tag}`;
    fs.renameSync(file, to);
    aside.push([file, to]);
  };
  // Restoring onto a new computer: the data folder may not exist yet.
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    for (const suffix of ['', '-wal', '-shm']) setAside(`${dbFile}${suffix}`);
    setAside(archiveRoot);
    fs.copyFileSync(path.join(folder, DATABASE_FILE), `${dbFile}.tmp`);
    fs.renameSync(`${dbFile}.tmp`, dbFile);
    const copyRoot = path.join(path.dirname(folder), ARCHIVE_COPY);
    for (const f of manifest.files) {
      const to = path.join(archiveRoot, ...f.relPath.split('/'));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(path.join(copyRoot, ...f.relPath.split('/')), to);
    }
    // The restored database must open with this program (migrating it if it is older).
    openDatabase({ file: dbFile }).close();
    return { restoredFrom: folder, documents: manifest.documents, keptAside: aside.map(([, to]) => to) };
  } catch (error) {
    fs.rmSync(`${dbFile}.tmp`, { force: true });
    fs.rmSync(dbFile, { force: true });
    fs.rmSync(archiveRoot, { recursive: true, force: true });
    for (const [from, to] of aside.reverse()) fs.renameSync(to, from);
    throw error;
  }
}
