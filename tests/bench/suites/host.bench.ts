import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openOffice, DATABASE_FILE } from '../../../electron/server/office';
import { owner } from '../../../electron/server/testing/test-office';
import { round, sample, type BenchResult, type BenchSuite } from '../harness';

/**
 * Starting up and staying small with the generated office: how long until the core answers
 * (open, migration check, first call) against a raw open + query of the same file, and the
 * serving process's memory against a bare Node process with the same loader.
 */
export const hostBench: BenchSuite = {
  name: 'host',
  async run({ size, generatedOfficeDir, log }) {
    const dir = generatedOfficeDir();
    const file = path.join(dir, DATABASE_FILE);
    const raw = await sample(
      () => {
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.prepare('SELECT count(*) FROM schema_migrations').get();
        db.close();
      },
      { minRuns: 10, minMs: 200, warmup: 2 },
    );
    const ready = await sample(
      async () => {
        const office = openOffice({ dataDir: dir });
        const answer = await office.call(owner, 'settings.get', {});
        if (!answer.ok) throw new Error(answer.error.messageEn);
        await office.close();
      },
      { minRuns: 10, minMs: 200, warmup: 2 },
    );
    const results: BenchResult[] = [
      {
        name: `host ready (${size} office): open, migration check, first call, p95 ms`,
        unit: 'ms',
        value: round(ready.p95, 1),
        baselineName: 'raw open + one query',
        baseline: round(raw.p95, 1),
        ratio: round(ready.p95 / raw.p95, 2),
        goal: '< 500 ms',
        met: ready.p95 < 500,
      },
    ];
    log('measuring the serving process’s memory…');
    const bare = await rssOf(
      ['--import', 'tsx', '-e', "require('node:http').createServer().listen(0); setInterval(() => {}, 1000)"],
      null,
    );
    const serving = await rssOf(['bin/office.mjs', '--data', dir, 'serve', '--port', '0'], dir);
    results.push({
      name: `office serve RSS with the ${size} office open, after list/search/dashboard calls, MB`,
      unit: 'MB',
      value: round(serving, 0),
      baselineName: 'bare node + tsx + http server',
      baseline: round(bare, 0),
      ratio: round(serving / bare, 2),
      goal: '< 300 MB',
      met: serving < 300,
    });
    return results;
  },
};

/** Start a process, exercise it when it serves an office, and read its resident memory. */
async function rssOf(args: readonly string[], officeDir: string | null): Promise<number> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = officeDir ? await servingUrl(child) : (await delay(1500), null);
    if (url) {
      for (const [method, input] of CALLS) {
        const response = await fetch(`${url}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        await response.arrayBuffer();
      }
    }
    await delay(300);
    return vmRssMb(child.pid!);
  } finally {
    child.kill('SIGTERM');
  }
}

const CALLS: [string, unknown][] = [
  ['settings.get', {}],
  ['clients.list', { limit: 100 }],
  ['clients.list', { search: '超市', limit: 100 }],
  ['clients.list', { search: '138', limit: 100, sort: 'joinedOn' }],
  ['contracts.list', { limit: 100 }],
  ['renewals.list', { withinDays: 30 }],
  ['dashboard.get', {}],
];

function servingUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`office serve did not start: ${text}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /(http:\/\/[\d.]+:\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`office serve exited (${code}): ${text}`)));
  });
}

function vmRssMb(pid: number): number {
  if (os.platform() !== 'linux') return Number.NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
