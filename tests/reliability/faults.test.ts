import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../electron/server/backup/backup.service';
import { restoreBackup } from '../../electron/server/backup/restore.service';
import { STAGING_DIR } from '../../electron/server/archive/archive-fs';
import { openOffice, type Office } from '../../electron/server/office';
import { owner } from '../../electron/server/testing/test-office';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-faults-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const cli = { ...owner, via: 'cli' as const };
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file under the archive folder (staging included), with its content's hash. */
function tree(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => fs.statSync(path.join(root, rel)).isFile())
    .map((rel) => `${rel} ${sha(path.join(root, rel))}`)
    .sort();
}

/** The rows a filing writes: documents, their journal, and the office audit log (操作日志). */
function counts(sqlite: Office['sqlite']): { documents: number; journal: number; audit: number } {
  const count = (table: string): number => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { documents: count('documents'), journal: count('archive_journal'), audit: count('audit_log') };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A disk that fills up: writes into files opened under `dir` go through until `limit` bytes,
 * then fail with ENOSPC as the OS reports it. Node's file write streams write through the
 * `fs` module's own open/write/writev, so this is the write the staging copy really makes.
 */
function fullDiskAfter(limit: number, dir: string) {
  const watched = new Map<number, string>();
  let written = 0;
  const state: { failedAt: { path: string; written: number; sizeOnDisk: number } | null; restore: () => void } = {
    failedAt: null,
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
  const realOpen = fs.open.bind(fs) as (...args: unknown[]) => void;
  const realWrite = fs.write.bind(fs) as (...args: unknown[]) => void;
  const realWritev = fs.writev.bind(fs) as (...args: unknown[]) => void;
  const enospc = (): NodeJS.ErrnoException =>
    Object.assign(new Error('ENOSPC: no space left on device, write'), { errno: -28, code: 'ENOSPC', syscall: 'write' });
  const lengthOf = (data: unknown): number =>
    Array.isArray(data) ? data.reduce((n: number, b: Buffer) => n + b.length, 0) : (data as Buffer).length;
  const through = (real: (...args: unknown[]) => void) =>
    ((...args: unknown[]) => {
      const fd = args[0] as number;
      const callback = args.at(-1) as (error: NodeJS.ErrnoException | null, ...rest: unknown[]) => void;
      const file = watched.get(fd);
      if (file !== undefined) {
        const bytes = lengthOf(args[1]);
        if (written + bytes > limit) {
          state.failedAt = { path: file, written, sizeOnDisk: fs.fstatSync(fd).size };
          process.nextTick(() => callback(enospc()));
          return;
        }
        written += bytes;
      }
      real(...args);
    }) as never;
  const spies = [
    vi.spyOn(fs, 'open').mockImplementation(((...args: unknown[]) => {
      const file = String(args[0]);
      const callback = args.at(-1) as (error: NodeJS.ErrnoException | null, fd?: number) => void;
      realOpen(...args.slice(0, -1), (error: NodeJS.ErrnoException | null, fd?: number) => {
        if (!error && file.startsWith(dir + path.sep)) watched.set(fd!, file);
        callback(error, fd);
      });
    }) as never),
    vi.spyOn(fs, 'write').mockImplementation(through(realWrite)),
    vi.spyOn(fs, 'writev').mockImplementation(through(realWritev)),
  ];
  return state;
}

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

  it('a disk that fills up partway through the staging copy: a clear error, no staging file, no row, no audit row, the archive unchanged', async () => {
    const { office } = await officeWithData('disk-full');
    const root = office.archiveRoot();
    // One document already filed: the failure must leave it (and everything else) as it was.
    const first = path.join(work, 'first.pdf');
    fs.writeFileSync(first, Buffer.alloc(100_000, 3));
    const filed = await office.call(cli, 'archive.fileLocal', { sourcePath: first, fields: { kindId: 7 } });
    expect(filed.ok).toBe(true);
    const before = { archive: tree(root), db: counts(office.sqlite) };
    // 3 MB, read in 1 MiB chunks: the first chunk reaches the staging file, the second meets a full disk.
    const src = path.join(work, 'big-scan.pdf');
    fs.writeFileSync(src, Buffer.alloc(3_000_000, 9));
    const disk = fullDiskAfter(1_500_000, path.join(root, STAGING_DIR));
    let answer;
    try {
      answer = await office.call(cli, 'archive.fileLocal', { sourcePath: src, fields: { kindId: 7 } });
    } finally {
      disk.restore();
    }
    // The disk filled while the staging copy was being written, with bytes of it already there.
    expect(disk.failedAt).toMatchObject({ written: 1 << 20, sizeOnDisk: 1 << 20 });
    expect(disk.failedAt!.path).toMatch(new RegExp(`^${escape(path.join(root, STAGING_DIR))}`));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('unavailable');
    expect(answer.error.details).toMatchObject({ errno: 'ENOSPC' });
    // What, where, what to do — in both languages.
    expect(answer.error.message).toMatch(/磁盘空间已满/);
    expect(answer.error.message).toContain(root);
    expect(answer.error.message).toContain('big-scan.pdf');
    expect(answer.error.message).toMatch(/请清理磁盘后重试/);
    expect(answer.error.messageEn).toMatch(/disk .* is full/);
    expect(answer.error.messageEn).toContain(root);
    expect(answer.error.messageEn).toMatch(/Free some space and retry/);
    // Nothing left behind: the half-written staging file is gone, no row, no audit row.
    expect(fs.existsSync(disk.failedAt!.path)).toBe(false);
    expect(fs.readdirSync(path.join(root, STAGING_DIR))).toEqual([]);
    expect(counts(office.sqlite)).toEqual(before.db);
    expect(tree(root)).toEqual(before.archive);
    const audit = await office.call(cli, 'archive.audit', { rehash: true });
    expect(audit.ok && (audit.value as { findings: unknown[]; files: number })).toMatchObject({ findings: [], files: 1 });
    // And the disk "freed": the same file files normally.
    const again = await office.call(cli, 'archive.fileLocal', { sourcePath: src, fields: { kindId: 7 } });
    expect(again.ok).toBe(true);
    await office.close();
  }, 60_000);

  it('a full disk or an unwritable folder at the final rename: the record rolls back, no half file', async () => {
    const { office } = await officeWithData('disk');
    const root = office.archiveRoot();
    const src = path.join(work, 'scan.pdf');
    fs.writeFileSync(src, Buffer.alloc(300_000, 7));
    for (const code of ['ENOSPC', 'EACCES']) {
      const before = { archive: tree(root), db: counts(office.sqlite) };
      const spy = vi.spyOn(fs, 'renameSync').mockImplementation(() => {
        throw Object.assign(new Error(code), { code });
      });
      const answer = await office.call(cli, 'archive.fileLocal', { sourcePath: src, fields: {} });
      expect(spy, code).toHaveBeenCalled();
      spy.mockRestore();
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.code).toBe('unavailable');
      expect(answer.error.details).toMatchObject({ errno: code });
      expect(answer.error.message).toMatch(code === 'ENOSPC' ? /磁盘空间已满/ : /不可写/);
      expect(answer.error.message).toContain(root);
      // The document row and its audit row were written in the transaction the rename ends: both rolled back.
      expect(counts(office.sqlite)).toEqual(before.db);
      expect(counts(office.sqlite).documents).toBe(0);
      expect(tree(root).filter((f) => !f.startsWith(`${STAGING_DIR}/`))).toEqual([]);
      expect(fs.readdirSync(path.join(root, STAGING_DIR))).toEqual([]);
      const audit = await office.call(cli, 'archive.audit', { rehash: true });
      expect(audit.ok && (audit.value as { findings: unknown[]; files: number })).toMatchObject({ findings: [], files: 0 });
    }
    await office.close();
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
