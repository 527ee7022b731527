import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OldFolderJob, OldFolderPreview } from '../../../shared/contract/intake';
import { oldFolderIdle } from '../../../electron/server/intake/old-folders.job';
import { createTestOffice, owner } from '../../../electron/server/testing/test-office';
import { round, type BenchResult, type BenchSuite } from '../harness';

const cli = { ...owner, via: 'cli' as const };
const settle = (): void => void execFileSync('sync');

/** An old office tree: `clients` client-named folders, each with sub-folders of small, all-different files. */
function makeTree(root: string, files: number, clients: number): string[] {
  const names: string[] = [];
  for (let c = 0; c < clients; c++) names.push(`客户${String(c).padStart(4, '0')}贸易有限公司`);
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, '客户资料', names[i % clients]!, i % 3 ? '合同' : '证照');
    fs.mkdirSync(dir, { recursive: true });
    // 1–16 KB, every file different (none is a duplicate of another).
    fs.writeFileSync(
      path.join(dir, `${i % 3 ? '合同' : '营业执照'}_${String(i).padStart(6, '0')}.txt`),
      `第 ${i} 份\n`.repeat(64 + (i % 1000)),
    );
  }
  return names;
}

async function clientsFor(office: ReturnType<typeof createTestOffice>, names: string[]): Promise<void> {
  for (const name of names) {
    const r = await office.call(cli, 'clients.create', { name });
    if (!r.ok) throw new Error(r.error.messageEn);
  }
}

/**
 * 旧文件夹收编 of many small files (batched: fsync the batch, one journal commit and one commit
 * per 200) vs `cp -r` + `sha256sum` of every copy, and vs filing the same files one by one
 * through archive.fileLocal (each fsynced and committed alone) — all in this run, each after `sync`.
 */
async function bringIn(count: number, log: (t: string) => void): Promise<BenchResult[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-bench-intake-'));
  const src = path.join(scratch, 'src');
  log(`intake: making ${count} small files…`);
  const names = makeTree(src, count, 50);
  const files = execFileSync('find', [src, '-type', 'f'], { maxBuffer: 1 << 28 })
    .toString()
    .trim()
    .split('\n');
  const oneByOne = createTestOffice();
  const batched = createTestOffice();
  try {
    await clientsFor(oneByOne, names);
    await clientsFor(batched, names);
    settle();
    const c0 = performance.now();
    execFileSync('sh', ['-c', 'cp -r src copy && find copy -type f -print0 | xargs -0 sha256sum > /dev/null'], { cwd: scratch });
    const cpMs = performance.now() - c0;
    settle();
    log('intake: filing one by one…');
    const o0 = performance.now();
    for (const sourcePath of files) {
      const r = await oneByOne.call(cli, 'archive.fileLocal', { sourcePath, fields: {} });
      if (!r.ok) throw new Error(r.error.messageEn);
    }
    const oneMs = performance.now() - o0;
    settle();
    log('intake: bringing the folder in (batched)…');
    const b0 = performance.now();
    const started = await batched.call(cli, 'intake.import', { root: src });
    if (!started.ok) throw new Error(started.error.messageEn);
    const job: OldFolderJob = await oldFolderIdle(batched);
    const batchMs = performance.now() - b0;
    if (job.filed !== count) throw new Error(`filed ${job.filed} of ${count}: ${JSON.stringify(job.failedList.slice(0, 3))}`);
    const rate = (ms: number): number => round(count / (ms / 1000), 0);
    return [
      {
        name: `bringing in ${count} small files (old folder, batched), files/s`,
        unit: 'files/s',
        value: rate(batchMs),
        baselineName: 'cp -r + sha256sum of each',
        baseline: rate(cpMs),
        ratio: round(cpMs / batchMs, 2),
        goal: '≥ 0.5× cp -r + sha256sum',
        met: cpMs / batchMs >= 0.5,
      },
      {
        name: `bringing in ${count} small files (old folder, batched) vs one by one, files/s`,
        unit: 'files/s',
        value: rate(batchMs),
        baselineName: 'archive.fileLocal one by one',
        baseline: rate(oneMs),
        ratio: round(oneMs / batchMs, 2),
        goal: 'faster than one by one (> 1×)',
        met: oneMs / batchMs > 1,
      },
    ];
  } finally {
    await oneByOne.dispose();
    await batched.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The dry run over a big tree vs just walking it (readdir + stat of every file, in this process). */
async function proposeBigTree(count: number, log: (t: string) => void): Promise<BenchResult> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-bench-tree-'));
  log(`intake: making a ${count}-file tree…`);
  for (let i = 0; i < count; i++) {
    const dir = path.join(scratch, `客户${String(i % 2000).padStart(4, '0')}`, `${2015 + (i % 10)}年`);
    if (i < 20_000) fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `合同_${2015 + (i % 10)}0${1 + (i % 9)}1${i % 10}_${i}.pdf`), 'x');
  }
  const office = createTestOffice();
  try {
    await clientsFor(
      office,
      Array.from({ length: 500 }, (_, c) => `客户${String(c * 4).padStart(4, '0')}`),
    );
    const w0 = performance.now();
    const stack = [scratch];
    let seen = 0;
    while (stack.length) {
      const dir = stack.pop()!;
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const abs = path.join(dir, e.name);
        if (e.isDirectory()) stack.push(abs);
        else if (fs.statSync(abs).isFile()) seen++;
      }
    }
    const walkMs = performance.now() - w0;
    const p0 = performance.now();
    const r = await office.call(cli, 'intake.preview', { root: scratch });
    const proposeMs = performance.now() - p0;
    if (!r.ok) throw new Error(r.error.messageEn);
    const preview = r.value as OldFolderPreview;
    if (preview.files !== count || seen !== count) throw new Error(`proposed ${preview.files}, walked ${seen}, made ${count}`);
    return {
      name: `proposing a ${count}-file old tree (dry run, nothing filed), s`,
      unit: 's',
      value: round(proposeMs / 1000, 2),
      baselineName: 'walking it (readdir + stat)',
      baseline: round(walkMs / 1000, 2),
      ratio: round(proposeMs / walkMs, 2),
      goal: '< 30 s',
      met: proposeMs < 30_000,
    };
  } finally {
    await office.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export const intakeBench: BenchSuite = {
  name: 'intake',
  async run({ size, log }) {
    const small = size === 'large' ? 10_000 : 2_000;
    const tree = size === 'large' ? 50_000 : 10_000;
    return [...(await bringIn(small, log)), await proposeBigTree(tree, log)];
  },
};
