import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/server/db/migrations';
import { openOffice, type Office } from '../../electron/server/office';
import { owner } from '../../electron/server/testing/test-office';
import { createBackup } from '../../electron/server/backup/backup.service';
import { inspectBackup, listBackups } from '../../electron/server/backup/backup-check';
import type { AuditReport } from '../../shared/contract/archive';

/**
 * kill -9 at random moments during an import, a filing batch, a template re-file and a
 * migration. After each kill the office is opened again (startup recovery runs) and must be
 * whole: integrity_check ok, foreign_key_check empty, the operation fully done or fully absent,
 * and the archive folder agreeing with the records (no orphan, no missing file).
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-reliability-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const cli = { ...owner, via: 'cli' as const };

type Run = { killed: boolean; ms: number };

/** Run the worker; kill it `delayMs` after it says "go" (never, when null). */
function runWorker(op: string, dataDir: string, arg: string, delayMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/reliability/worker.ts'), op, dataDir, arg], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let started = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (!started && d.toString().includes('go')) {
        started = performance.now();
        if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, ms: performance.now() - started });
      else if (code === 0) resolve({ killed: false, ms: performance.now() - started });
      else reject(new Error(`worker ${op} failed (${code}): ${stderr}`));
    });
  });
}

async function whole(office: Office): Promise<AuditReport> {
  expect(office.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(office.sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(office.health).toMatchObject({ ok: true });
  const audit = await office.call(cli, 'archive.audit', { rehash: true });
  if (!audit.ok) throw new Error(audit.error.messageEn);
  return audit.value as AuditReport;
}

let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

async function killRuns(
  op: string,
  times: number,
  prepare: (dir: string) => Promise<string>,
  check: (office: Office, run: Run) => Promise<void>,
): Promise<number> {
  // One full run calibrates how long the operation takes and checks it is correct unkilled.
  const calibrationDir = path.join(work, `${op}-full`);
  const full = await runWorker(op, calibrationDir, await prepare(calibrationDir), null);
  // `times` is how many runs must really be killed mid-way; a kill timed past the end (the
  // window runs to 1.1× the full time, to include "just after") is checked too, but not counted.
  let kills = 0;
  let runs = 0;
  for (let i = 0; kills < times && i < times * 5; i++) {
    const dir = path.join(work, `${op}-${i}`);
    const arg = await prepare(dir);
    const run = await runWorker(op, dir, arg, Math.floor(random() * full.ms * 1.1));
    runs++;
    if (run.killed) kills++;
    const office = openOffice({ dataDir: dir });
    try {
      await check(office, run);
    } finally {
      await office.close();
    }
  }
  console.log(`reliability: ${op}: ${kills} processes killed at random moments in ${runs} runs, each checked`);
  return kills;
}

describe('kill -9 at random moments', () => {
  let totalKills = 0;

  it('an import is all or nothing', async () => {
    const n = 4000;
    totalKills += await killRuns(
      'import',
      8,
      async (dir) => (openOffice({ dataDir: dir }).close(), String(n)),
      async (office) => {
        const report = await whole(office);
        expect(report.findings).toEqual([]);
        expect([0, n]).toContain(office.sqlite.prepare('SELECT count(*) FROM clients').pluck().get());
        expect(office.sqlite.prepare('SELECT count(*) FROM client_phones').pluck().get()).toBe(
          office.sqlite.prepare('SELECT count(*) FROM clients').pluck().get(),
        );
      },
    );
  }, 240_000);

  it('a filing batch leaves every file either filed whole or not at all', async () => {
    const files = 16;
    totalKills += await killRuns(
      'file',
      8,
      async (dir) => {
        const src = `${dir}-src`;
        fs.mkdirSync(src, { recursive: true });
        for (let i = 0; i < files; i++) fs.writeFileSync(path.join(src, `稿件${i}.bin`), Buffer.alloc(400_000 + i, i));
        (await openOffice({ dataDir: dir })).close();
        return src;
      },
      async (office) => {
        const report = await whole(office);
        expect(report.findings).toEqual([]);
        const count = office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
        expect(count).toBeLessThanOrEqual(files);
        expect(report.files).toBe(count);
      },
    );
  }, 240_000);

  it('a template change ends with every document where one template says', async () => {
    const next = '{母目录}/{YYYY}/{标题}.{ext}';
    totalKills += await killRuns(
      'template',
      7,
      async (dir) => {
        const office = openOffice({ dataDir: dir });
        const src = fs.mkdtempSync(path.join(work, 'tpl-src-'));
        for (let i = 0; i < 30; i++) {
          const f = path.join(src, `文件${i}.txt`);
          fs.writeFileSync(f, `content ${i} ${dir}`);
          const r = await office.call(cli, 'archive.fileLocal', { sourcePath: f, fields: { kindId: 7, docDate: '2026-02-03' } });
          if (!r.ok) throw new Error(r.error.messageEn);
        }
        await office.close();
        return next;
      },
      async (office) => {
        const report = await whole(office);
        // Misplaced would mean some documents follow one template and some the other.
        expect(report.findings).toEqual([]);
        expect(office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(30);
      },
    );
  }, 240_000);

  it('a killed backup leaves only a temp folder, which the next backup removes; every finished backup checks out', async () => {
    const backupsOf = (dir: string) => `${dir}-backups`;
    let leftovers = 0;
    await killRuns(
      'backup',
      4,
      async (dir) => {
        const office = openOffice({ dataDir: dir });
        for (let i = 0; i < 12; i++) {
          const f = path.join(work, `backup-src-${i}.bin`);
          fs.writeFileSync(f, Buffer.alloc(300_000, i + 1));
          const r = await office.call(cli, 'archive.fileLocal', { sourcePath: f, fields: {}, onDuplicate: 'keep' });
          if (!r.ok) throw new Error(r.error.messageEn);
        }
        // An earlier complete backup in the same folder: a kill must never damage it.
        await createBackup(office, backupsOf(dir));
        await office.close();
        return backupsOf(dir);
      },
      async (office) => {
        await whole(office);
        const dest = backupsOf(office.dataDir);
        leftovers += fs.readdirSync(dest).filter((n) => n.endsWith('.tmp')).length;
        await createBackup(office, dest);
        expect(fs.readdirSync(dest).filter((n) => n.endsWith('.tmp'))).toEqual([]);
        const finished = listBackups(dest);
        expect(finished.length).toBeGreaterThanOrEqual(2);
        for (const name of finished) expect((await inspectBackup(path.join(dest, name))).problems).toEqual([]);
      },
    );
    // The kills did land mid-backup: there was something to clean.
    expect(leftovers).toBeGreaterThan(0);
  }, 240_000);

  it('a migration is finished on the next start', async () => {
    totalKills += await killRuns(
      'migrate',
      7,
      async (dir) => (fs.mkdirSync(dir, { recursive: true }), ''),
      async (office) => {
        await whole(office);
        expect(office.sqlite.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
      },
    );
    // Some runs end before the kill lands; most must really be killed mid-way.
    expect(totalKills).toBeGreaterThanOrEqual(30);
  }, 240_000);
});
