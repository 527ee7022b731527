import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/server/db/migrations';
import { openOffice, type Office } from '../../electron/server/office';
import { owner } from '../../electron/server/testing/test-office';
import { createBackup } from '../../electron/server/backup/backup.service';
import { inspectBackup, listBackups } from '../../electron/server/backup/backup-check';
import type { AuditReport } from '../../shared/contract/archive';
import { PROGRESS_EVERY, WRITE_CHUNK } from '../../electron/server/imports/import-pipeline';

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

/** A line the worker printed, and when (ms after it said "go"). */
type Said = { text: string; at: number };
type Run = { killed: boolean; ms: number; said: Said[] };

/**
 * When to kill: `delayMs` after the first line `after` accepts. With `mayKill`, the worker and
 * its children are first stopped (SIGSTOP) and asked about in that frozen state: only when it
 * answers true are they killed, so what it saw is what the kill interrupted; when false (the
 * moment came too late) they are let go on (SIGCONT) and finish.
 */
type KillPlan = {
  after: (line: string) => boolean;
  delayMs: number;
  /** After the delay, strike only once this holds (looked at every millisecond). */
  waitFor?: (pid: number) => boolean;
  mayKill?: (line: string, pid: number) => boolean;
};

/**
 * Run the worker in a process group of its own and kill the whole group — the worker and any
 * child it started (an import's writer is one) — as a power cut would; never, when `plan` is null.
 */
function runWorker(op: string, dataDir: string, arg: string, plan: KillPlan | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/reliability/worker.ts'), op, dataDir, arg], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const group = -child.pid!;
    const signal = (name: NodeJS.Signals): void => {
      try {
        process.kill(group, name);
      } catch {
        // The group has already ended.
      }
    };
    let started = 0;
    let stderr = '';
    let pending = '';
    let timer: NodeJS.Timeout | undefined;
    let failure: unknown = null;
    const said: Said[] = [];
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const text of lines) {
        if (!started && text === 'go') started = performance.now();
        said.push({ text, at: performance.now() - started });
        if (plan && !timer && plan.after(text)) timer = setTimeout(() => watch(text), plan.delayMs);
      }
    });
    const watch = (line: string): void => {
      if (!plan?.waitFor || plan.waitFor(child.pid!)) return strike(line);
      timer = setTimeout(() => watch(line), 1);
    };
    const strike = (line: string): void => {
      if (plan?.mayKill) {
        signal('SIGSTOP');
        let now: boolean;
        try {
          now = plan.mayKill(line, child.pid!);
        } catch (error) {
          failure = error;
          now = true;
        }
        if (!now) {
          signal('SIGCONT');
          // Not yet (the moment fell between two transactions): look again.
          if (plan.waitFor) timer = setTimeout(() => watch(line), 1);
          return;
        }
      }
      signal('SIGKILL');
    };
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (failure) reject(failure as Error);
      else if (sig === 'SIGKILL') resolve({ killed: true, ms, said });
      else if (code === 0) resolve({ killed: false, ms, said });
      else reject(new Error(`worker ${op} failed (${code ?? sig}): ${stderr}`));
    });
  });
}

/**
 * Whether some connection holds office.db's write lock, tried from a connection of our own
 * that does not wait; and, on Linux, which process holds it: SQLite's WAL write lock is a POSIX
 * lock on byte 120 of the -shm file, listed with its owner's pid in /proc/locks (undefined where
 * there is no /proc/locks).
 */
function writeLock(dbFile: string): { held: boolean; holder: number | null | undefined } {
  const probe = new BetterSqlite3(dbFile, { fileMustExist: true, timeout: 0 });
  let held: boolean;
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    held = false;
  } catch (error) {
    if (!String((error as { code?: string }).code).startsWith('SQLITE_BUSY')) throw error;
    held = true;
  } finally {
    probe.close();
  }
  return { held, holder: held ? walWriter(dbFile) : null };
}

/**
 * On Linux, the process holding office.db's WAL write lock — a POSIX lock on byte 120 of the
 * -shm file — as /proc/locks lists it, with no connection of our own; null when nobody holds
 * it, undefined where this cannot be read (no /proc/locks).
 */
function walWriter(dbFile: string): number | null | undefined {
  if (!fs.existsSync('/proc/locks')) return undefined;
  const shm = fs.statSync(`${dbFile}-shm`, { throwIfNoEntry: false });
  if (!shm) return null;
  for (const line of fs.readFileSync('/proc/locks', 'utf8').split('\n')) {
    const m = /POSIX\s+ADVISORY\s+WRITE\s+(\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s+120\s+120\b/.exec(line);
    if (m && Number(m[2]) === shm.ino) return Number(m[1]);
  }
  return null;
}

/**
 * Everything office.db holds: per table, its row count and a hash of its rows, sorted. Equal
 * fingerprints are the same data, row for row — "exactly the before-state", not only equal counts.
 */
function fingerprint(sqlite: BetterSqlite3.Database): Record<string, string> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((r) =>
      JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
    );
    out[table] = `${rows.length} rows ${createHash('sha256').update(rows.sort().join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
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
  // By default a random moment from "go" to 1.1× the full run's time.
  planFor?: (full: Run, dir: string) => KillPlan,
): Promise<number> {
  // One full run calibrates how long the operation takes and checks it is correct unkilled.
  const calibrationDir = path.join(work, `${op}-full`);
  const full = await runWorker(op, calibrationDir, await prepare(calibrationDir), null);
  const calibrated = openOffice({ dataDir: calibrationDir });
  try {
    await check(calibrated, full);
  } finally {
    await calibrated.close();
  }
  // `times` is how many runs must really be killed mid-way; a kill timed past the end (the
  // window runs to 1.1× the full time, to include "just after") is checked too, but not counted.
  let kills = 0;
  let runs = 0;
  let inWrite = 0;
  const byDefault = (dir: string): KillPlan => ({
    after: (line) => line === 'go',
    delayMs: Math.floor(random() * full.ms * 1.1),
    // Frozen just before the kill: was a write transaction open? Reported, not required — the
    // moments between transactions (a filing's copy, a backup's files) are worth killing too.
    mayKill: () => {
      const file = path.join(dir, 'office.db');
      if (fs.existsSync(file) && writeLock(file).held) inWrite++;
      return true;
    },
  });
  for (let i = 0; kills < times && i < times * 5; i++) {
    const dir = path.join(work, `${op}-${i}`);
    const arg = await prepare(dir);
    const run = await runWorker(op, dir, arg, planFor ? planFor(full, dir) : byDefault(dir));
    runs++;
    if (run.killed) kills++;
    const office = openOffice({ dataDir: dir });
    try {
      await check(office, run);
    } finally {
      await office.close();
    }
  }
  console.log(
    `reliability: ${op}: ${kills} processes killed at random moments in ${runs} runs, each checked` +
      (planFor ? '' : ` (${inWrite} of the kills while a write transaction of office.db was open)`),
  );
  return kills;
}

describe('kill -9 at random moments', () => {
  let totalKills = 0;

  it('an import killed inside its write transaction leaves the database exactly as it was', async () => {
    // 12,000 rows: the import child reports 'writing' every PROGRESS_EVERY (2,000) rows from
    // inside its BEGIN IMMEDIATE transaction and INSERTs them WRITE_CHUNK (5,000) at a time; the
    // kills come after a report at 6,000, 8,000 or 10,000 — at least 5,000 rows written and not
    // yet committed — and before the last rows, the audit row and COMMIT.
    const n = 12_000;
    const dbFile = (dir: string): string => path.join(dir, 'office.db');
    const before = new Map<string, Record<string, string>>();
    const marker = /^writing (\d+)\/(\d+) child (\d+)$/;
    let inside = 0;
    let letFinish = 0;
    const kills = await killRuns(
      'import',
      8,
      async (dir) => {
        await openOffice({ dataDir: dir }).close();
        const db = new BetterSqlite3(dbFile(dir), { readonly: true });
        before.set(dir, fingerprint(db));
        db.close();
        return String(n);
      },
      async (office, run) => {
        // Read before the archive check below, which records when it ran (a settings row).
        const now = fingerprint(office.sqlite);
        const report = await whole(office);
        expect(report.findings).toEqual([]);
        const clients = office.sqlite.prepare('SELECT count(*) FROM clients').pluck().get();
        const imports = office.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'clients.import'").pluck().get();
        if (run.killed) {
          // Killed while it held the write lock: not one row of it may remain.
          expect(now, `${office.dataDir}: the before-state, row for row`).toEqual(before.get(office.dataDir));
          expect([clients, imports]).toEqual([0, 0]);
        } else {
          // Run to its end (the calibration, or frozen after its COMMIT and let go on): all of it.
          expect([clients, imports]).toEqual([n, 1]);
          expect(office.sqlite.prepare('SELECT count(*) FROM client_phones').pluck().get()).toBe(n);
        }
      },
      (full, dir) => {
        // A random moment: after one of those reports, plus up to 0.8 of the time between two
        // reports in the full run.
        const times = full.said.filter((s) => marker.test(s.text)).map((s) => s.at);
        expect(times.length, 'the full run reported its writing').toBe(n / PROGRESS_EVERY);
        const gap = (times.at(-1)! - times[0]!) / (times.length - 1);
        const written = Array.from({ length: n / PROGRESS_EVERY }, (_, k) => (k + 1) * PROGRESS_EVERY).filter(
          (done) => done > WRITE_CHUNK && done < n,
        );
        expect(written.length, 'reports after the first rows were written').toBeGreaterThan(0);
        const at = written[Math.floor(random() * written.length)]!;
        return {
          after: (line) => Number(marker.exec(line)?.[1]) === at,
          delayMs: Math.floor(random() * gap * 0.8),
          mayKill: (line) => {
            // Frozen: is the import child's write transaction still open (not yet committed)?
            const lock = writeLock(dbFile(dir));
            if (!lock.held) {
              letFinish++;
              return false;
            }
            // Where the OS says who holds it, it must be the import child, not the worker.
            if (lock.holder !== undefined) expect(lock.holder, 'the write lock is the import child\'s').toBe(Number(marker.exec(line)![3]));
            inside++;
            return true;
          },
        };
      },
    );
    console.log(
      `reliability: import: ${inside} of ${kills} kills landed inside the write transaction, after ≥ ${WRITE_CHUNK} rows were written (${inside} seen holding the write lock while frozen; ${letFinish} runs frozen after COMMIT were let finish and checked whole)`,
    );
    expect(inside).toBe(kills);
    expect(kills).toBe(8);
    totalKills += kills;
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
    const dbFile = (dir: string): string => path.join(dir, 'office.db');
    // Migrations committed so far; -1 before migrate() has made its table (the lock is then the
    // new file's own setup, not a migration).
    const committed = (dir: string): number => {
      const db = new BetterSqlite3(dbFile(dir), { readonly: true, fileMustExist: true });
      try {
        return db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'").pluck().get()
          ? (db.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number)
          : -1;
      } finally {
        db.close();
      }
    };
    let inside = 0;
    // Where /proc/locks tells who holds the write lock (Linux, CI), the kill waits for the
    // worker to hold it and lands, frozen and checked, inside one of the migrations' transactions.
    const provable = walWriter(path.join(work, 'none')) !== undefined;
    const kills = await killRuns(
      'migrate',
      7,
      async (dir) => (fs.mkdirSync(dir, { recursive: true }), ''),
      async (office) => {
        await whole(office);
        expect(office.sqlite.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
      },
      provable
        ? (full, dir) => {
            const ms = Number(/^migrated (\d+)$/.exec(full.said.find((s) => s.text.startsWith('migrated'))?.text ?? '')?.[1]);
            expect(ms, 'the full run said how long its migrations took').toBeGreaterThan(0);
            return {
              after: (line) => line === 'go',
              delayMs: Math.floor(random() * ms * 0.9),
              waitFor: (pid) => walWriter(dbFile(dir)) === pid,
              // Frozen: the worker still holds the write lock, migrate() has begun and not all
              // migrations are committed — so it is inside one of them.
              mayKill: (_line, pid) => {
                if (walWriter(dbFile(dir)) !== pid) return false;
                const done = committed(dir);
                if (done < 0 || done >= migrations.length) return false;
                inside++;
                return true;
              },
            };
          }
        : undefined,
    );
    console.log(
      provable
        ? `reliability: migrate: ${inside} of ${kills} kills landed inside a migration's write transaction`
        : 'reliability: migrate: no /proc/locks here, so the kills are at random moments and not proven to be inside a migration',
    );
    if (provable) expect(inside).toBe(kills);
    totalKills += kills;
    // Some runs end before the kill lands; most must really be killed mid-way.
    expect(totalKills).toBeGreaterThanOrEqual(30);
  }, 240_000);
});
