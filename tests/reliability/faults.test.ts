import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../electron/server/backup/backup.service';
import { restoreBackup } from '../../electron/server/backup/restore.service';
import { openOffice } from '../../electron/server/office';
import { owner } from '../../electron/server/testing/test-office';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-faults-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const cli = { ...owner, via: 'cli' as const };
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function officeWithData(name: string) {
  const dir = path.join(work, name);
  const office = openOffice({ dataDir: dir });
  for (let i = 0; i < 200; i++) {
    const r = await office.call(cli, 'clients.create', {
      name: `故障测试客户${i}号有限公司`,
      phones: [`1380000${String(i).padStart(4, '0')}`],
    });
    if (!r.ok) throw new Error(r.error.messageEn);
  }
  return { dir, office };
}

describe('faults', () => {
  it('a damaged database is detected at open, nothing is overwritten, and writes point to restore', async () => {
    const { dir, office } = await officeWithData('damaged');
    await office.close();
    const file = path.join(dir, 'office.db');
    const cases: [string, (buf: Buffer) => Buffer][] = [
      [
        'flipped bytes',
        (b) => {
          // The b-tree page headers of the table pages (not page 1, so the file still opens).
          const c = Buffer.from(b);
          const pageSize = c.readUInt16BE(16) || 65536;
          for (let page = 2; page * pageSize < c.length; page += 2)
            for (let i = 0; i < 12; i++) c[(page - 1) * pageSize + i] = c[(page - 1) * pageSize + i]! ^ 0xa5;
          return c;
        },
      ],
      ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2))],
      ['not a database', () => Buffer.from('这不是数据库 this is not a database'.repeat(200))],
    ];
    const good = fs.readFileSync(file);
    // Both ways the check runs: before anything (a small office) and in the background (a big one).
    for (const [label, damage, backgroundCheckFromBytes] of cases.flatMap(([l, d]) => [
      [l, d, undefined] as const,
      [`${l} (background check)`, d, 0] as const,
    ])) {
      fs.writeFileSync(file, damage(good));
      for (const extra of ['-wal', '-shm']) fs.rmSync(file + extra, { force: true });
      const before = sha(file);
      let refused: boolean;
      try {
        const opened = openOffice({
          dataDir: dir,
          ...(backgroundCheckFromBytes === undefined ? {} : { backgroundCheckFromBytes }),
        });
        const write = await opened.call(cli, 'staff.create', {
          code: 'X1',
          name: 'x',
          role: 'clerk',
          hiredOn: '2025-01-01',
          baseSalaryFen: 1,
        });
        refused = !opened.health?.ok && !write.ok && write.error.message.includes('office restore');
        await opened.close();
      } catch (error) {
        refused = /不是有效的门店通数据库|cannot open|not a valid/i.test(String((error as Error).message));
      }
      expect(refused, label).toBe(true);
      expect(sha(file), `${label}: file untouched`).toBe(before);
    }
  }, 60_000);

  it('a full disk or an unwritable folder while filing: a clear error, no row, no half file', async () => {
    const { dir, office } = await officeWithData('disk');
    const src = path.join(work, 'scan.pdf');
    fs.writeFileSync(src, Buffer.alloc(300_000, 7));
    for (const code of ['ENOSPC', 'EACCES']) {
      const spy = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
        throw Object.assign(new Error(code), { code });
      });
      const answer = await office.call(cli, 'archive.fileLocal', { sourcePath: src, fields: {} });
      spy.mockRestore();
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.message).toMatch(code === 'ENOSPC' ? /磁盘空间已满/ : /不可写/);
      expect(office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
      const audit = await office.call(cli, 'archive.audit', { rehash: true });
      expect(audit.ok && (audit.value as { findings: unknown[]; files: number }).files).toBe(0);
      expect(audit.ok && (audit.value as { findings: unknown[] }).findings).toEqual([]);
    }
    await office.close();
    void dir;
  }, 60_000);

  it('a backup taken while the office keeps writing restores to a consistent database and archive', async () => {
    const { dir, office } = await officeWithData('busy');
    const src = path.join(work, 'doc.txt');
    fs.writeFileSync(src, 'a document');
    await office.call(cli, 'archive.fileLocal', { sourcePath: src, fields: {} });
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const r = await office.call(cli, 'clients.create', { name: `备份期间客户${written}号` });
        if (r.ok) written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backups = path.join(work, 'busy-backups');
    const made = await createBackup(office, backups);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    await office.close();
    const restoreDir = path.join(work, 'busy-restored');
    const result = await restoreBackup(restoreDir, path.join(restoreDir, '档案'), made.folder);
    expect(result.documents).toBe(1);
    const restored = openOffice({ dataDir: restoreDir });
    try {
      expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(restored.sqlite.pragma('foreign_key_check')).toEqual([]);
      const clients = restored.sqlite.prepare('SELECT count(*) FROM clients').pluck().get() as number;
      const phones = restored.sqlite.prepare('SELECT count(DISTINCT client_id) FROM client_phones').pluck().get() as number;
      expect(clients).toBeGreaterThanOrEqual(200);
      expect(phones).toBe(200);
      const audit = await restored.call(cli, 'archive.audit', { rehash: true });
      // The test document was filed without a client on purpose ('unlinked'); nothing may be
      // missing, changed, unrecorded or left in staging.
      const findings = audit.ok ? (audit.value as { findings: { kind: string }[] }).findings : null;
      expect(findings?.filter((f) => f.kind !== 'unlinked')).toEqual([]);
    } finally {
      await restored.close();
    }
    void dir;
  }, 120_000);
});

describe('the background startup check', () => {
  it('answers reads at once; a write waits for the verdict and then goes through on a sound office', async () => {
    const { dir, office } = await officeWithData('background-ok');
    await office.close();
    const opened = openOffice({ dataDir: dir, backgroundCheckFromBytes: 0 });
    try {
      expect((opened.health as { checking?: boolean }).checking).toBe(true);
      const read = await opened.call(cli, 'clients.list', {});
      expect(read.ok).toBe(true);
      const write = await opened.call(cli, 'clients.create', { name: '检查期间新建的客户' });
      expect(write.ok).toBe(true);
      expect(opened.health).toMatchObject({ ok: true, problems: [], checking: false });
    } finally {
      await opened.close();
    }
  });
});
