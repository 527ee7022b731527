import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../core/app-error';

/** What the startup check found; writes are refused while it is not ok (reading stays possible). */
export type DatabaseHealth = { ok: boolean; problems: string[] };

/**
 * quick_check and foreign_key_check at every start. A damaged file is not "repaired" by
 * guessing: the office opens read-only in effect, explains, and points to `office restore`.
 */
export function checkDatabase(db: BetterSqlite3.Database): DatabaseHealth {
  const problems: string[] = [];
  try {
    const quick = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const bad = quick.map((r) => r.quick_check).filter((r) => r !== 'ok');
    problems.push(...bad.slice(0, 5));
    const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    problems.push(...fk.slice(0, 5).map((r) => `${r.table} #${r.rowid} → ${r.parent}`));
  } catch (error) {
    problems.push((error as Error).message);
  }
  return { ok: problems.length === 0, problems };
}

export function damagedDatabaseError(health: DatabaseHealth): AppError {
  return new AppError(
    'unavailable',
    {
      zh: `数据库检查发现问题(${health.problems[0]}),为避免损坏扩大,暂时只能查看、不能修改。请关闭门店通后运行 office restore 从备份恢复。`,
      en: `The database check found a problem (${health.problems[0]}); to keep it from spreading, data can be viewed but not changed. Close 门店通 and run office restore with a backup.`,
    },
    { problems: health.problems },
  );
}

const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'afpfs',
  'fuse.sshfs',
  'davfs',
  'fuse.davfs2',
  '9p',
  'ncpfs',
]);

/**
 * True for a folder on a network share: a UNC path (\\server\share) on Windows, or a mount of a
 * network file system on Linux (from /proc/mounts). SQLite's WAL needs shared memory on one
 * machine, so a database there could be corrupted by two computers at once.
 */
export function isNetworkPath(dir: string, platform: NodeJS.Platform, mounts: string | null): boolean {
  if (platform === 'win32') return /^\\\\(?![?.]\\)/.test(dir);
  if (!mounts) return false;
  let best = { point: '', type: '' };
  for (const line of mounts.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const p = point.replace(/\\040/g, ' ');
    if ((dir === p || dir.startsWith(p.endsWith('/') ? p : `${p}/`)) && p.length > best.point.length) best = { point: p, type };
  }
  return NETWORK_FS.has(best.type);
}

export function refuseNetworkFolder(dataDir: string): void {
  const mounts = process.platform === 'linux' && fs.existsSync('/proc/mounts') ? fs.readFileSync('/proc/mounts', 'utf8') : null;
  if (isNetworkPath(path.resolve(dataDir), process.platform, mounts))
    throw new AppError('unavailable', {
      zh: `数据文件夹 ${dataDir} 在网络共享上。门店通的数据库不能放在网络盘上(多台电脑同时写入会损坏数据)。请选择本机硬盘上的文件夹;需要多人使用时,在一台电脑上运行门店通并开启局域网访问。`,
      en: `The data folder ${dataDir} is on a network share. 门店通's database cannot live on a network drive (two computers writing at once corrupt it). Choose a folder on this computer's disk; for several users, run 门店通 on one computer and turn on LAN access.`,
    });
}
