import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditReport, DocumentRow, FilingResult } from '../../../shared/contract/archive';
import type { BackupRunResult } from '../../../shared/contract/backup';
import { openOffice } from '../office';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { ARCHIVE_COPY, MANIFEST, OLDER_VERSIONS } from './backup-files';
import { restoreBackup } from './restore.service';

let office: TestOffice;
let backups: string;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date(Date.now()) });
  backups = path.join(office.dir, 'backups');
});
afterEach(() => office.dispose());

const sha = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

async function file(name: string, content: string): Promise<DocumentRow> {
  const src = path.join(office.dir, name);
  fs.writeFileSync(src, content);
  const r = await callOk<FilingResult>(office, 'archive.fileLocal', { sourcePath: src, fields: {} });
  return (r as { document: DocumentRow }).document;
}

const abs = (root: string, rel: string) => path.join(root, ...rel.split('/'));
const backUp = () => callOk<BackupRunResult>(office, 'backup.run', { dir: backups });

/** Each backup gets its own second: the folder names carry the time. */
let clock = Date.parse('2026-05-01T02:00:00Z');
beforeEach(() => {
  office.now = () => new Date((clock += 1000));
});

async function restoreInto(name: string, folder: string): Promise<{ dataDir: string; root: string; audit: AuditReport }> {
  const dataDir = path.join(office.dir, name);
  const root = path.join(dataDir, '档案');
  await restoreBackup(dataDir, root, folder);
  const restored = openOffice({ dataDir });
  try {
    const audit = await callOk<AuditReport>(restored, 'archive.audit', { rehash: true });
    // These test files are filed without kind or client on purpose; that finding is not about backups.
    return { dataDir, root, audit: { ...audit, findings: audit.findings.filter((f) => f.kind !== 'unlinked') } };
  } finally {
    await restored.close();
  }
}

describe('backups', () => {
  it('a file edited in place at the same size (and accepted) is copied again; this and the older backup both restore', async () => {
    const doc = await file('合同.txt', 'contract version one');
    await file('稿件.txt', 'a draft');
    const first = await backUp();
    expect(first).toMatchObject({ documents: 2, copiedFiles: 2, verifiedFiles: 2, unavailableFiles: [] });

    // Same size, other content: the old path+size comparison skipped exactly this.
    const edited = 'contract version TWO';
    expect(edited.length).toBe('contract version one'.length);
    fs.writeFileSync(abs(office.archiveRoot(), doc.relPath), edited);
    const audit = await callOk<AuditReport>(office, 'archive.audit', { rehash: true });
    const finding = audit.findings.find((f) => f.kind === 'modified')!;
    expect(finding).toMatchObject({ documentId: doc.id });
    await callOk(office, 'archive.fix', { kind: 'modified', relPath: finding.relPath, documentId: doc.id });

    const second = await backUp();
    expect(second).toMatchObject({ documents: 2, copiedFiles: 1, verifiedFiles: 2, unavailableFiles: [] });
    expect(fs.readFileSync(abs(path.join(backups, ARCHIVE_COPY), doc.relPath), 'utf8')).toBe(edited);
    // The old content is kept, under its hash, for the older backup.
    const older = sha('contract version one');
    expect(fs.readFileSync(path.join(backups, OLDER_VERSIONS, older.slice(0, 2), older), 'utf8')).toBe('contract version one');

    const now = await restoreInto('restored-second', second.folder);
    expect(now.audit.findings).toEqual([]);
    expect(fs.readFileSync(abs(now.root, doc.relPath), 'utf8')).toBe(edited);
    const then = await restoreInto('restored-first', first.folder);
    expect(then.audit.findings).toEqual([]);
    expect(fs.readFileSync(abs(then.root, doc.relPath), 'utf8')).toBe('contract version one');
  });

  it('records the database file’s hash and verifies every file by hash: a damaged copy of the same size is replaced', async () => {
    const doc = await file('收据.txt', 'receipt 0001');
    const first = await backUp();
    const manifest = JSON.parse(fs.readFileSync(path.join(first.folder, MANIFEST), 'utf8'));
    expect(manifest.database.sha256).toBe(sha(fs.readFileSync(path.join(first.folder, 'office.db'))));
    expect(manifest.files).toEqual([{ relPath: doc.relPath, size: 12, sha256: sha('receipt 0001') }]);
    // Only the database and the manifest: a self-contained file, no -wal/-shm beside it.
    expect(fs.readdirSync(first.folder).sort()).toEqual(['manifest.json', 'office.db']);

    const copy = abs(path.join(backups, ARCHIVE_COPY), doc.relPath);
    fs.writeFileSync(copy, 'receipt 0002'); // bit rot on the backup disk, same size
    const second = await backUp();
    expect(second.copiedFiles).toBe(1);
    expect(fs.readFileSync(copy, 'utf8')).toBe('receipt 0001');
    const third = await backUp();
    expect(third.copiedFiles).toBe(0);
  });

  it('a file the office has lost is reported, not claimed; the backup of everything else still restores', async () => {
    const kept = await file('保留.txt', 'kept');
    const lost = await file('丢失.txt', 'lost');
    fs.rmSync(abs(office.archiveRoot(), lost.relPath));
    const made = await backUp();
    expect(made.unavailableFiles).toEqual([{ relPath: lost.relPath, reason: 'missing' }]);
    expect(made.verifiedFiles).toBe(1);
    const settings = await callOk<{ lastError: string | null }>(office, 'backup.settings');
    expect(settings.lastError).toContain('未能备份');
    const restored = await restoreInto('restored-lost', made.folder);
    expect(fs.readFileSync(abs(restored.root, kept.relPath), 'utf8')).toBe('kept');
    expect(restored.audit.findings.map((f) => f.kind)).toEqual(['missing']);
  });

  it('keeps the newest N and removes older versions only when no remaining backup needs them', async () => {
    const doc = await file('合同.txt', 'v1 v1 v1');
    const target = abs(office.archiveRoot(), doc.relPath);
    const results: BackupRunResult[] = [];
    for (const content of ['v2 v2 v2', 'v3 v3 v3']) {
      results.push(await callOk<BackupRunResult>(office, 'backup.run', { dir: backups }));
      fs.writeFileSync(target, content);
      await callOk(office, 'archive.fix', { kind: 'modified', relPath: doc.relPath, documentId: doc.id });
    }
    results.push(await callOk<BackupRunResult>(office, 'backup.run', { dir: backups }));
    await callOk(office, 'backup.updateSettings', { keep: 2 });
    const versions = () =>
      fs.readdirSync(path.join(backups, OLDER_VERSIONS), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
    expect(versions()).toBe(2); // v1, v2 (v3 is at its path)
    const pruned = await callOk<BackupRunResult>(office, 'backup.run', { dir: backups }); // 4th: keep 2
    expect(pruned.removedOld).toEqual([path.basename(results[0]!.folder), path.basename(results[1]!.folder)]);
    expect(versions()).toBe(0); // both remaining backups hold v3
    expect((await restoreInto('restored-pruned', results[2]!.folder)).audit.findings).toEqual([]);
  });

  it('cleans the temporary folders a killed backup left, and nothing else', async () => {
    await file('a.txt', 'a');
    fs.mkdirSync(backups, { recursive: true });
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
    const leftovers = [`门店通备份_20260101-000000.${deadPid}.tmp`, '门店通备份_20260101-000001.tmp'];
    const alive = `门店通备份_20260101-000002.${process.ppid}.tmp`;
    const notOurs = ['门店通备份_说明.tmp', '我的资料.tmp', '门店通备份_20260101-000003'];
    for (const name of [...leftovers, alive, ...notOurs]) {
      fs.mkdirSync(path.join(backups, name));
      fs.writeFileSync(path.join(backups, name, 'office.db'), 'partial');
    }
    await backUp();
    const names = fs.readdirSync(backups);
    for (const name of leftovers) expect(names).not.toContain(name);
    for (const name of [alive, ...notOurs]) expect(names).toContain(name);
  });

  it('refuses a folder that is not a full path', async () => {
    const answer = await office.call(owner, 'backup.run', { dir: '2026-13' });
    expect(answer.ok ? null : answer.error.code).toBe('invalid_input');
    expect(fs.existsSync(path.join(process.cwd(), '2026-13'))).toBe(false);
  });
});
