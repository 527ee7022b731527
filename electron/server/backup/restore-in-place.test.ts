import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupListItem, BackupReport, BackupRunResult, RestoreResult } from '../../../shared/contract/backup';
import type { FilingResult } from '../../../shared/contract/archive';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import { MANIFEST } from './backup-files';

/**
 * Issue 15.14: the owner restores from 设置 › 备份 while the app runs. The process holds the
 * office lock, so it closes its own database, restores and opens again — the same Office object
 * keeps serving, now with the backup's data.
 */
let office: TestOffice;
let backups: string;
beforeEach(() => {
  office = createTestOffice();
  backups = path.join(office.dir, 'backups');
});
afterEach(() => office.dispose());

const clientNames = async () =>
  (await callOk<{ rows: { name: string }[] }>(office, 'clients.list', {})).rows.map((r) => r.name).sort();

async function fileText(name: string, content: string): Promise<string> {
  const src = path.join(office.dir, name);
  fs.writeFileSync(src, content);
  const r = await callOk<FilingResult>(office, 'archive.fileLocal', { sourcePath: src, fields: {} });
  return (r as { document: { relPath: string } }).document.relPath;
}

describe('restore while the office is open', () => {
  it('lists, checks, and restores in place; the office keeps working on the restored data', async () => {
    await callOk(office, 'clients.create', { name: '备份前的客户' });
    const kept = await fileText('合同.txt', 'before');
    await callOk(office, 'backup.updateSettings', { dir: backups });
    const made = await callOk<BackupRunResult>(office, 'backup.run', {});
    await callOk(office, 'clients.create', { name: '备份后的客户' });
    const later = await fileText('稿件.txt', 'after');

    const list = await callOk<{ dir: string; backups: BackupListItem[] }>(office, 'backup.list', {});
    expect(list).toMatchObject({ dir: backups, backups: [{ folder: made.folder, documents: 1 }] });
    const report = await callOk<BackupReport>(office, 'backup.check', { folder: made.folder });
    expect(report).toMatchObject({ ok: true, files: 1, counts: { clients: 1 }, problems: [] });

    const result = await callOk<RestoreResult>(office, 'backup.restore', { folder: backups });
    expect(result.restoredFrom).toBe(made.folder);
    expect(await clientNames()).toEqual(['备份前的客户']);
    const root = office.archiveRoot();
    expect(fs.readFileSync(path.join(root, ...kept.split('/')), 'utf8')).toBe('before');
    expect(fs.existsSync(path.join(root, ...later.split('/')))).toBe(false);
    // Kept aside, never deleted.
    expect(result.keptAside.find((p) => p.startsWith(`${root}.恢复前-`))).toBeDefined();
    const log = office.sqlite.prepare(`SELECT action FROM audit_log WHERE action = 'backup.restore'`).pluck().all();
    expect(log).toEqual(['backup.restore']);
    await callOk(office, 'clients.create', { name: '恢复后的客户' });
    expect(await clientNames()).toEqual(['备份前的客户', '恢复后的客户']);
  });

  it('refuses a tampered backup before stopping anything, and only the owner may restore', async () => {
    await callOk(office, 'clients.create', { name: '当前客户' });
    const made = await callOk<BackupRunResult>(office, 'backup.run', { dir: backups });
    const manifest = path.join(made.folder, MANIFEST);
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"documents": 0', '"documents": 5'));
    fs.appendFileSync(path.join(made.folder, 'office.db'), Buffer.alloc(10));
    const answer = await office.call(actorOf('owner'), 'backup.restore', { folder: made.folder });
    expect(answer.ok ? null : answer.error.message).toMatch(/校验值不符/);
    expect(await clientNames()).toEqual(['当前客户']);
    for (const role of ['manager', 'clerk', 'salesperson'] as const) {
      const refused = await office.call(actorOf(role), 'backup.restore', { folder: made.folder });
      expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    }
  });

  it('is the one write allowed on a database that failed its startup check — and cures it', async () => {
    await callOk(office, 'clients.create', { name: '好的数据' });
    const made = await callOk<BackupRunResult>(office, 'backup.run', { dir: backups });
    Object.assign(office.health!, { ok: false, problems: ['*** in database main *** Page 7: btreeInitPage() returns error code 11'] });
    const write = await office.call(actorOf('owner'), 'clients.create', { name: 'x' });
    expect(write.ok ? null : write.error.code).toBe('unavailable');
    await callOk(office, 'backup.restore', { folder: made.folder });
    expect(office.health).toMatchObject({ ok: true });
    await callOk(office, 'clients.create', { name: '恢复后可以写' });
  });

  it('answers odd folders with a clear refusal, never `internal`', async () => {
    const aFile = path.join(office.dir, 'office.db');
    for (const folder of [aFile, path.join(office.dir, 'nowhere'), '/', 'relative/dir', `${office.dir}/${'x'.repeat(300)}`]) {
      for (const method of ['backup.check', 'backup.restore'] as const) {
        const answer = await office.call(actorOf('owner'), method, { folder });
        expect(answer.ok, `${method} ${folder}`).toBe(false);
        if (!answer.ok) expect(['not_found', 'invalid_input'], `${method} ${folder}`).toContain(answer.error.code);
      }
      const list = await office.call(actorOf('owner'), 'backup.list', { dir: folder });
      if (!list.ok) expect(list.error.code).toBe('invalid_input');
      else expect(list.value).toMatchObject({ backups: [] });
    }
  });
});
