import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { RestoreResult } from '../../../shared/contract/backup';
import type { Actor } from '../../../shared/roles';
import { absInside } from '../archive/archive-fs';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { OfficeContext } from '../core/context';
import { DATABASE_FILE } from '../db/database-file';
import { openDatabase } from '../db/open-database';
import { resolveArchiveRoot } from '../settings/settings.service';
import { copyHashing, copyRootOf, fsyncFile, locateCopy, sha256File } from './backup-files';
import { resolveBackup, verifyBackup } from './backup-check';
import type { Manifest } from './manifest';

/**
 * 恢复: with nothing else working on the office (the caller holds the office lock and has closed
 * its own connection). After the backup verifies, the current database and archive are moved
 * aside (never deleted) and the backup's put in place, each file checked by hash as it lands;
 * if anything fails, the current data is moved back. The archive goes where this computer keeps
 * it (the current archive folder) and the restored database is told so.
 */
export async function restoreBackup(
  dataDir: string,
  archiveRoot: string,
  dir: string,
  now = new Date(),
  verified?: Manifest,
): Promise<RestoreResult> {
  const folder = resolveBackup(dir);
  const manifest = verified ?? (await verifyBackup(folder));
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
    for (const suffix of ['', '-wal', '-shm', '-journal']) setAside(`${dbFile}${suffix}`);
    setAside(archiveRoot);
    fs.copyFileSync(path.join(folder, DATABASE_FILE), `${dbFile}.tmp`);
    fsyncFile(`${dbFile}.tmp`);
    if ((await sha256File(`${dbFile}.tmp`)) !== manifest.database.sha256) throw changedDuringRestore(DATABASE_FILE);
    fs.renameSync(`${dbFile}.tmp`, dbFile);
    fs.mkdirSync(archiveRoot, { recursive: true });
    const dest = path.dirname(folder);
    for (const f of manifest.files) {
      if (f.unavailable) continue;
      const from = await locateCopy(dest, absInside(copyRootOf(dest), f.relPath), f);
      if (!from) throw changedDuringRestore(f.relPath);
      const to = absInside(archiveRoot, f.relPath);
      const landed = await copyHashing(from, to);
      if (landed.sha256 !== f.sha256) throw changedDuringRestore(f.relPath);
    }
    // The restored database must open with this program (migrating it if it is older).
    const db = openDatabase({ file: dbFile });
    try {
      pointAtArchive(db, dataDir, archiveRoot);
    } finally {
      db.close();
    }
    return {
      restoredFrom: folder,
      documents: manifest.documents,
      keptAside: aside.map(([, to]) => to),
      unavailableFiles: manifest.files.filter((f) => f.unavailable).map((f) => ({ relPath: f.relPath, reason: f.unavailable! })),
    };
  } catch (error) {
    fs.rmSync(`${dbFile}.tmp`, { force: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
    fs.rmSync(archiveRoot, { recursive: true, force: true });
    for (const [from, to] of aside.reverse()) fs.renameSync(to, from);
    if (error instanceof AppError) throw error;
    throw new AppError('unavailable', {
      zh: `恢复没有完成(${(error as Error).message}),已撤销,当前数据保持原样。请检查磁盘空间和权限后重试。`,
      en: `The restore did not complete (${(error as Error).message}); it was undone and the current data kept. Check disk space and permissions, then retry.`,
    });
  }
}

function changedDuringRestore(what: string): AppError {
  return new AppError('unavailable', {
    zh: `恢复时备份中的 ${what} 读出的内容与校验值不符(备份磁盘可能有问题),已撤销恢复,当前数据保持原样。`,
    en: `While restoring, ${what} read back differently from its hash (the backup disk may be failing); the restore was undone and the current data kept.`,
  });
}

/** The restored database names the archive folder this computer uses. */
function pointAtArchive(db: BetterSqlite3.Database, dataDir: string, archiveRoot: string): void {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'archive.root'`).get() as { value: string } | undefined;
  if (resolveArchiveRoot(dataDir, row ? JSON.parse(row.value) : undefined) === archiveRoot) return;
  db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('archive.root', ?)`).run(JSON.stringify(archiveRoot));
}

/** The restore is in the restored office's audit log: who, from which backup, where the old data went. */
export async function recordRestore(ctx: OfficeContext, actor: Actor | null, result: RestoreResult): Promise<void> {
  await ctx.db
    .transaction()
    .execute((trx) => writeAudit(trx, actor, { action: 'backup.restore', entity: 'backup', after: result }, ctx.now()));
}
