import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRow, FilingResult } from '../../../shared/contract/archive';
import type { BackupReport, BackupRunResult } from '../../../shared/contract/backup';
import { AppError } from '../core/app-error';
import { openOffice } from '../office';
import { callOk } from '../testing/test-office';
import { ARCHIVE_COPY, MANIFEST } from './backup-files';
import { inspectBackup } from './backup-check';
import { restoreBackup } from './restore.service';

/**
 * Issue 14.6: a restore trusts nothing in the backup folder. Each tampering below is refused
 * with a bilingual message naming the problem (never SQLite's own text), and the current
 * office — database and archive — is left byte for byte as it was.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-restore-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const current = path.join(work, 'current');
const currentRoot = path.join(current, '档案');
const pristine = path.join(work, 'pristine-backups');
let backupName = '';
const docs: DocumentRow[] = [];

const sha = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

beforeAll(async () => {
  // The office that made the backup, and the separate current office a restore would replace.
  const source = openOffice({ dataDir: path.join(work, 'source') });
  await callOk(source, 'clients.create', { name: '测试客户甲' });
  for (const [name, content] of [
    ['合同.txt', 'the signed contract'],
    ['收据.txt', 'the receipt'],
  ]) {
    const src = path.join(work, name!);
    fs.writeFileSync(src, content!);
    docs.push(((await callOk<FilingResult>(source, 'archive.fileLocal', { sourcePath: src, fields: {} })) as { document: DocumentRow }).document);
  }
  backupName = path.basename((await callOk<BackupRunResult>(source, 'backup.run', { dir: pristine })).folder);
  await source.close();
  const now = openOffice({ dataDir: current });
  await callOk(now, 'clients.create', { name: '当前的客户' });
  const src = path.join(work, 'current.txt');
  fs.writeFileSync(src, 'a current file');
  await callOk(now, 'archive.fileLocal', { sourcePath: src, fields: {} });
  await now.close();
}, 60_000);

/** Everything in the current data folder, with hashes: what "untouched" means. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(current, { recursive: true }).map(String).sort()) {
    const file = path.join(current, rel);
    out[rel] = fs.statSync(file).isFile() ? sha(fs.readFileSync(file)) : 'dir';
  }
  return out;
}

/** A fresh copy of the good backup folder to tamper with. */
function copyOfBackups(name: string): { dir: string; folder: string } {
  const dir = path.join(work, name);
  fs.cpSync(pristine, dir, { recursive: true });
  return { dir, folder: path.join(dir, backupName) };
}

function editManifest(folder: string, edit: (m: { files: { relPath: string }[]; documents: number; database: { sha256: string; size: number } }) => void): void {
  const file = path.join(folder, MANIFEST);
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(m);
  fs.writeFileSync(file, JSON.stringify(m));
}

async function refused(folder: string, expected: RegExp): Promise<void> {
  const before = snapshot();
  const error = await restoreBackup(current, currentRoot, folder).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.zh).toMatch(expected);
  expect(e.messageEn.length).toBeGreaterThan(20);
  expect(`${e.zh} ${e.messageEn}`).not.toMatch(/SQLITE|malformed|not a database|no such table/i);
  expect(snapshot()).toEqual(before);
  const report: BackupReport = await inspectBackup(folder);
  expect(report.ok).toBe(false);
  expect(report.problems[0]!.zh).toMatch(expected);
}

describe('restore refuses a tampered backup and leaves the current office untouched', () => {
  it('accepts the untampered backup (the check passes)', async () => {
    const report = await inspectBackup(path.join(pristine, backupName));
    expect(report).toMatchObject({ ok: true, documents: 2, files: 2, problems: [], counts: { clients: 1 } });
  });

  for (const hostile of ['../../../x.txt', 'a/../../x.txt', '/tmp/x.txt', 'C:/x.txt', 'C:\\x.txt', '\\\\server\\share\\x', '.', 'a//b']) {
    it(`a manifest path ${JSON.stringify(hostile)}`, async () => {
      const { folder } = copyOfBackups(`path-${sha(hostile).slice(0, 8)}`);
      editManifest(folder, (m) => (m.files[0]!.relPath = hostile));
      await refused(folder, /指向档案文件夹之外/);
      expect(fs.existsSync(path.join(current, '..', '..', '..', 'x.txt'))).toBe(false);
      expect(fs.existsSync('/tmp/x.txt')).toBe(false);
    });
  }

  it('a manifest missing an entry', async () => {
    const { folder } = copyOfBackups('missing-entry');
    editManifest(folder, (m) => {
      m.files.pop();
      m.documents = 1;
    });
    await refused(folder, /清单缺少 1 个档案记录/);
  });

  it('a manifest listing a file the database does not record', async () => {
    const { folder } = copyOfBackups('extra-entry');
    editManifest(folder, (m) => m.files.push({ ...m.files[0]!, relPath: '稿件/extra.txt' }));
    await refused(folder, /数据库中没有记录的文件/);
  });

  it('one changed byte in a record (integrity_check still passes)', async () => {
    const { folder } = copyOfBackups('one-byte');
    const dbFile = path.join(folder, 'office.db');
    const bytes = fs.readFileSync(dbFile);
    const at = bytes.indexOf(Buffer.from('测试客户甲'));
    expect(at).toBeGreaterThan(0);
    Buffer.from('乙').copy(bytes, at + Buffer.byteLength('测试客户'));
    fs.writeFileSync(dbFile, bytes);
    const db = new BetterSqlite3(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    await refused(folder, /数据库与清单记录的校验值不符/);
  });

  it('a malformed database whose hash was updated too: a bilingual message, not SQLite’s', async () => {
    const { folder } = copyOfBackups('malformed');
    const dbFile = path.join(folder, 'office.db');
    const bytes = fs.readFileSync(dbFile);
    bytes.fill(0x5a, 4096, 4096 * 3); // two pages of garbage
    fs.writeFileSync(dbFile, bytes);
    editManifest(folder, (m) => (m.database = { size: bytes.length, sha256: sha(bytes) }));
    await refused(folder, /备份中的数据库已损坏/);
  });

  it('not a database at all', async () => {
    const { folder } = copyOfBackups('not-db');
    const junk = Buffer.from('this is a text file, not a database '.repeat(200));
    fs.writeFileSync(path.join(folder, 'office.db'), junk);
    editManifest(folder, (m) => (m.database = { size: junk.length, sha256: sha(junk) }));
    await refused(folder, /备份中的数据库已损坏/);
  });

  it('a damaged file in the archive copy', async () => {
    const { dir, folder } = copyOfBackups('damaged-copy');
    const copy = path.join(dir, ARCHIVE_COPY, ...docs[0]!.relPath.split('/'));
    fs.writeFileSync(copy, 'the signed contracT');
    await refused(folder, /档案副本缺少或损坏 1 个文件/);
  });

  it('a manifest that is not JSON, or an old one without the database hash', async () => {
    const broken = copyOfBackups('broken-json');
    fs.writeFileSync(path.join(broken.folder, MANIFEST), '{"format": 2, "files": [');
    await refused(broken.folder, /清单 manifest\.json 已损坏或被改动/);
    const legacy = copyOfBackups('legacy');
    editManifest(legacy.folder, (m) => {
      delete (m as { format?: number }).format;
      delete (m as { database?: unknown }).database;
    });
    await refused(legacy.folder, /旧版本门店通制作/);
  });

  it('and the good backup restores over the current office, which is kept aside', async () => {
    const { folder } = copyOfBackups('good');
    const result = await restoreBackup(current, currentRoot, folder);
    expect(result.documents).toBe(2);
    expect(result.keptAside.some((p) => p.includes('office.db.恢复前-'))).toBe(true);
    const restored = openOffice({ dataDir: current });
    try {
      const names = restored.sqlite.prepare('SELECT name FROM clients').pluck().all();
      expect(names).toEqual(['测试客户甲']);
      for (const d of docs) expect(fs.existsSync(path.join(currentRoot, ...d.relPath.split('/')))).toBe(true);
    } finally {
      await restored.close();
    }
  });
});
