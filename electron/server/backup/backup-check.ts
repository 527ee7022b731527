import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupListItem, BackupProblem, BackupReport } from '../../../shared/contract/backup';
import { absInside } from '../archive/archive-fs';
import { AppError } from '../core/app-error';
import { DATABASE_FILE } from '../db/database-file';
import { APPLICATION_ID } from '../db/open-database';
import { migrations } from '../db/migrations';
import { checkInBackground } from '../db/background-check';
import {
  BACKUP_NAME,
  BACKUP_PREFIX,
  copyRootOf,
  forEachLimit,
  locateCopy,
  MANIFEST,
  sha256File,
  type HashMemo,
} from './backup-files';
import { isSafeRelPath, manifestSchema, type Manifest, type ManifestFile } from './manifest';

/** A backup folder itself, or the newest backup inside a folder of backups. */
export function resolveBackup(dir: string): string {
  if (fs.existsSync(path.join(dir, MANIFEST))) return dir;
  const newest = listBackups(dir).at(-1);
  if (!newest)
    throw new AppError('not_found', {
      zh: `${dir} 里没有门店通备份(${BACKUP_PREFIX}…)。`,
      en: `No 门店通 backup (${BACKUP_PREFIX}…) in ${dir}.`,
    });
  return path.join(dir, newest);
}

/** Finished backups in a folder, oldest first; none when it cannot be read (not a folder, no access). */
export function listBackups(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => BACKUP_NAME.test(n) && fs.existsSync(path.join(dir, n, MANIFEST)))
      .sort();
  } catch {
    return [];
  }
}

const problem = (zh: string, en: string): BackupProblem => ({ zh, en });

type Inspected = { report: BackupReport; manifest: Manifest | null };

/**
 * Everything `office restore` (and 设置 › 备份 › 从备份恢复) checks before anything is replaced,
 * collected as a report: the manifest is well-formed and every path in it stays inside the
 * archive; the database file has the hash the manifest recorded (one changed byte is caught
 * even where integrity_check passes); it opens as ours, passes integrity_check and
 * foreign_key_check, is not from a newer version; its document records and the manifest agree
 * entry for entry; and every archived file is in the backup folder with the right hash.
 */
export async function inspectBackup(folder: string, memo?: HashMemo): Promise<BackupReport> {
  return (await inspect(folder, memo)).report;
}

/** Any file-system error while reading a backup (no access, a disk pulled out) is one more finding. */
async function inspect(folder: string, memo?: HashMemo): Promise<Inspected> {
  try {
    return await inspectUnguarded(folder, memo);
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).name;
    return {
      manifest: null,
      report: {
        ...EMPTY_REPORT,
        folder,
        problems: [
          problem(
            `读取备份时出错(${code}),无法确认它完好。请检查备份磁盘是否接好、是否有权限。`,
            `Reading the backup failed (${code}); it cannot be confirmed intact. Check that the backup disk is connected and readable.`,
          ),
        ],
      },
    };
  }
}

const EMPTY_REPORT: Omit<BackupReport, 'folder'> = {
  ok: false,
  createdAt: null,
  officeName: null,
  counts: null,
  documents: 0,
  files: 0,
  bytes: 0,
  unavailableFiles: [],
  problems: [],
};

async function inspectUnguarded(folder: string, memo?: HashMemo): Promise<Inspected> {
  const report: BackupReport = { ...EMPTY_REPORT, folder, problems: [] };
  const stop = (p: BackupProblem): Inspected => (report.problems.push(p), { report, manifest: null });

  const manifest = readManifest(folder);
  if ('problem' in manifest) return stop(manifest.problem);
  report.createdAt = manifest.createdAt;
  report.documents = manifest.documents;
  report.unavailableFiles = manifest.files
    .filter((f) => f.unavailable)
    .map((f) => ({ relPath: f.relPath, reason: f.unavailable! }));

  const known = new Set(migrations.map((m) => m.name));
  const newer = manifest.schema.filter((n) => !known.has(n));
  if (newer.length)
    return stop(
      problem(
        `这个备份来自更新版本的门店通(${newer.join('、')}),请先升级门店通。`,
        `This backup is from a newer 门店通 (${newer.join(', ')}); upgrade first.`,
      ),
    );
  const unsafe = manifest.files.find((f) => !isSafeRelPath(f.relPath));
  if (unsafe)
    return stop(
      problem(
        `备份清单中的路径"${unsafe.relPath.slice(0, 200)}"指向档案文件夹之外(含 ..、绝对路径或盘符)。这份备份被改动过,不能使用。`,
        `The manifest path "${unsafe.relPath.slice(0, 200)}" leads outside the archive (.., an absolute path or a drive). The backup was tampered with and cannot be used.`,
      ),
    );
  const seen = new Set<string>();
  const twice = manifest.files.find((f) => {
    const key = f.relPath.normalize('NFC').toLowerCase();
    return seen.has(key) || (seen.add(key), false);
  });
  if (twice)
    return stop(
      problem(
        `备份清单中同一个路径出现了两次:${twice.relPath}。这份备份被改动过,不能使用。`,
        `The manifest lists the same path twice: ${twice.relPath}. The backup was tampered with and cannot be used.`,
      ),
    );

  const dbFile = path.join(folder, DATABASE_FILE);
  const dbStat = fs.statSync(dbFile, { throwIfNoEntry: false });
  if (!dbStat?.isFile())
    return stop(problem(`备份中缺少数据库文件 ${DATABASE_FILE}。`, `The backup has no database file ${DATABASE_FILE}.`));
  if (dbStat.size !== manifest.database.size || (await sha256File(dbFile)) !== manifest.database.sha256)
    return stop(
      problem(
        '备份中的数据库与清单记录的校验值不符:数据库在备份之后被改动或已损坏。请选择另一个备份。',
        "The backup's database does not match the hash its manifest recorded: it was changed or damaged after the backup. Choose another backup.",
      ),
    );

  const records = await readBackupDatabase(dbFile);
  if ('problem' in records) return stop(records.problem);
  report.officeName = records.officeName;
  report.counts = records.counts;

  const mismatch = compareRecords(records.documents, manifest.files);
  if (mismatch) return stop(mismatch);

  const dest = path.dirname(folder);
  const bad: string[] = [];
  await forEachLimit(manifest.files, 4, async (f) => {
    if (f.unavailable) return;
    const found = await locateCopy(dest, absInside(copyRootOf(dest), f.relPath), f, memo);
    if (!found) bad.push(f.relPath);
    else {
      report.files++;
      report.bytes += f.size;
    }
  });
  bad.sort();
  if (bad.length)
    report.problems.push(
      problem(
        `备份的档案副本缺少或损坏 ${bad.length} 个文件(例如 ${bad[0]})。请选择另一个备份。`,
        `The backup's archive copy is missing or has damaged ${bad.length} files (e.g. ${bad[0]}). Choose another backup.`,
      ),
    );
  report.ok = report.problems.length === 0;
  return { report, manifest: report.ok ? manifest : null };
}

function readManifest(folder: string): Manifest | { problem: BackupProblem } {
  const file = path.join(folder, MANIFEST);
  if (!fs.existsSync(file))
    return {
      problem: problem(
        `${folder} 缺少 ${MANIFEST},不是完整的门店通备份。`,
        `${folder} has no ${MANIFEST}; it is not a complete 门店通 backup.`,
      ),
    };
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    raw = null;
  }
  const parsed = manifestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const legacy = typeof raw === 'object' && raw !== null && !('format' in raw) && 'files' in raw;
  return {
    problem: legacy
      ? problem(
          '这个备份由旧版本门店通制作,清单里没有数据库的校验值,无法确认它完好。请用当前版本重新备份。',
          'This backup was made by an older 门店通; its manifest has no hash of the database, so it cannot be confirmed intact. Make a new backup with this version.',
        )
      : problem(
          `备份清单 ${MANIFEST} 已损坏或被改动,无法读取。请选择另一个备份。`,
          `The backup's manifest ${MANIFEST} is damaged or was altered and cannot be read. Choose another backup.`,
        ),
  };
}

type DatabaseRecords = {
  documents: ManifestFile[];
  officeName: string | null;
  counts: { clients: number; contracts: number; staff: number };
};

/**
 * Read the backup's database without trusting it: any SQLite error becomes one clear message.
 * integrity_check reads the whole file — seconds on a twenty-year office — so it runs in a
 * worker and the app keeps answering meanwhile.
 */
async function readBackupDatabase(file: string): Promise<DatabaseRecords | { problem: BackupProblem }> {
  const damaged = problem(
    '备份中的数据库已损坏(不是完好的门店通数据库),不能用来恢复。请选择另一个备份。',
    "The backup's database is damaged (not an intact 门店通 database) and cannot be restored. Choose another backup.",
  );
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return { problem: damaged };
    if (!(await integrityOk(db, file))) return { problem: damaged };
    const count = (table: string): number => db!.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const name = db.prepare(`SELECT value FROM settings WHERE key = 'office.name'`).pluck().get() as string | undefined;
    return {
      documents: db
        .prepare(`SELECT COALESCE(trash_path, rel_path) AS relPath, size, sha256 FROM documents ORDER BY id`)
        .all() as ManifestFile[],
      officeName: name ? (JSON.parse(name) as string) : null,
      counts: { clients: count('clients'), contracts: count('contracts'), staff: count('staff') },
    };
  } catch {
    return { problem: damaged };
  } finally {
    db?.close();
  }
}

/** Below this the check takes well under 100 ms on the main thread; a worker costs more to start. */
const WORKER_CHECK_FROM_BYTES = 32 * 1024 * 1024;

async function integrityOk(db: BetterSqlite3.Database, file: string): Promise<boolean> {
  if (fs.statSync(file).size >= WORKER_CHECK_FROM_BYTES)
    return (await checkInBackground(file, undefined, 'integrity_check').done).ok;
  return db.pragma('integrity_check', { simple: true }) === 'ok' && (db.pragma('foreign_key_check') as unknown[]).length === 0;
}

/** The manifest must list exactly the documents the backup's database records, with the same size and hash. */
function compareRecords(records: readonly ManifestFile[], files: readonly ManifestFile[]): BackupProblem | null {
  const listed = new Map(files.map((f) => [f.relPath, f]));
  const absent = records.filter((r) => !listed.has(r.relPath));
  if (absent.length)
    return problem(
      `备份清单缺少 ${absent.length} 个档案记录(例如 ${absent[0]!.relPath}),恢复后这些文件会丢失。这份备份不完整,请选择另一个备份。`,
      `The manifest lacks ${absent.length} recorded documents (e.g. ${absent[0]!.relPath}); they would be lost. The backup is incomplete; choose another.`,
    );
  const recorded = new Set(records.map((r) => r.relPath));
  const extra = files.filter((f) => !recorded.has(f.relPath));
  if (extra.length)
    return problem(
      `备份清单列出了数据库中没有记录的文件(例如 ${extra[0]!.relPath})。这份备份被改动过,不能使用。`,
      `The manifest lists files the database does not record (e.g. ${extra[0]!.relPath}). The backup was tampered with.`,
    );
  const differs = records.find((r) => {
    const f = listed.get(r.relPath)!;
    return f.size !== r.size || f.sha256 !== r.sha256;
  });
  if (differs)
    return problem(
      `备份清单与数据库对 ${differs.relPath} 的记录不一致。这份备份被改动过,不能使用。`,
      `The manifest and the database disagree about ${differs.relPath}. The backup was tampered with.`,
    );
  return null;
}

/** Check a backup and throw the first problem as a bilingual error; the manifest when it passes. */
export async function verifyBackup(folder: string): Promise<Manifest> {
  const { report, manifest } = await inspect(folder);
  if (manifest) return manifest;
  const first = report.problems[0]!;
  throw new AppError('invalid_input', first, { problems: report.problems });
}

/** Each backup in a folder of backups, newest first, with what its manifest says. */
export function describeBackups(dir: string): BackupListItem[] {
  return listBackups(dir)
    .reverse()
    .map((name) => {
      const folder = path.join(dir, name);
      try {
        const m = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf8')) as {
          createdAt?: unknown;
          documents?: unknown;
        };
        return {
          folder,
          name,
          createdAt: typeof m.createdAt === 'string' ? m.createdAt : null,
          documents: typeof m.documents === 'number' ? m.documents : null,
        };
      } catch {
        return { folder, name, createdAt: null, documents: null };
      }
    });
}
