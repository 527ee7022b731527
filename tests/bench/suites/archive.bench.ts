import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchMatchExpression } from '../../../shared/clients/search-grams';
import { openOffice } from '../../../electron/server/office';
import { createTestOffice, owner } from '../../../electron/server/testing/test-office';
import { round, sample, type BenchResult, type BenchSuite } from '../harness';

const cli = { ...owner, via: 'cli' as const };

/** Every file under a folder with its size: the least any audit must read. */
function walk(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) n += walk(abs);
    else {
      fs.statSync(abs);
      n++;
    }
  }
  return n;
}

/**
 * 档案 at scale: full-text search over the generated documents against the raw FTS statement,
 * the audit (no re-hash) against a bare walk of the folder, and filing one big file against
 * `cp` followed by `sha256sum` of the copy (what filing must at least do: copy and hash), and
 * many small files against `cp -r` + `sha256sum`.
 */
export const archiveBench: BenchSuite = {
  name: 'archive',
  async run({ size, generatedOfficeDir, log }) {
    const results: BenchResult[] = [];
    const office = openOffice({ dataDir: generatedOfficeDir() });
    try {
      const docs = office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      const fts = office.sqlite.prepare('SELECT rowid FROM document_search WHERE document_search MATCH ? LIMIT 100');
      const queries = ['合同', '超市', '报价单1234', '华联'];
      let worst = { value: 0, baseline: 0, q: '' };
      for (const q of queries) {
        const raw = await sample(() => fts.all(searchMatchExpression(q)), { minRuns: 20 });
        const via = await sample(
          async () => {
            const a = await office.call(cli, 'archive.list', { search: q, limit: 100 });
            if (!a.ok) throw new Error(a.error.messageEn);
          },
          { minRuns: 20 },
        );
        if (via.p95 > worst.value) worst = { value: via.p95, baseline: raw.p95, q };
      }
      results.push({
        name: `document search, worst of ${queries.length} queries (“${worst.q}”, ${docs} docs), p95 ms`,
        unit: 'ms',
        value: round(worst.value, 1),
        baselineName: 'raw FTS MATCH statement',
        baseline: round(worst.baseline, 2),
        ratio: round(worst.value / worst.baseline, 1),
        goal: '< 50 ms',
        met: worst.value < 50,
      });
      log(`auditing ${docs} documents…`);
      const root = office.archiveRoot();
      const t0 = performance.now();
      walk(root);
      const walkMs = performance.now() - t0;
      const t1 = performance.now();
      const audit = await office.call(cli, 'archive.audit', { rehash: false });
      const auditMs = performance.now() - t1;
      if (!audit.ok) throw new Error(audit.error.messageEn);
      results.push({
        name: `archive audit without re-hash (${docs} documents), s`,
        unit: 's',
        value: round(auditMs / 1000, 2),
        baselineName: 'bare walk + stat of the folder',
        baseline: round(walkMs / 1000, 2),
        ratio: round(auditMs / walkMs, 2),
        goal: '< 10 s',
        met: auditMs < 10_000,
      });
    } finally {
      await office.close();
    }

    results.push(await bigFile(size === 'large' ? 1024 : 64, log));
    results.push(await manySmallFiles(size === 'large' ? 10_000 : 1_000, log));
    return results;
  },
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Let the disk finish writing what earlier steps left in the page cache, so each timing starts even. */
const settle = (): void => void execFileSync('sync');

/**
 * Filing one big file vs `cp` + `sha256sum`, three rounds each, alternating, each after a
 * `sync` (otherwise one side pays for the other's write-back), medians compared. Filing also
 * fsyncs the stored copy before it is recorded — cp does not; that is the honest difference.
 */
async function bigFile(mb: number, log: (text: string) => void): Promise<BenchResult> {
  log(`filing a ${mb} MB file (3 rounds)…`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-bench-file-'));
  const big = path.join(scratch, 'big.bin');
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(big, 'w');
  for (let i = 0; i < mb; i++) fs.writeSync(fd, chunk.fill(i % 251));
  fs.closeSync(fd);
  const filing = createTestOffice();
  try {
    const cp: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < 3; round++) {
      settle();
      const c0 = performance.now();
      execFileSync('cp', [big, path.join(scratch, 'copy.bin')]);
      execFileSync('sha256sum', [path.join(scratch, 'copy.bin')]);
      cp.push(performance.now() - c0);
      fs.rmSync(path.join(scratch, 'copy.bin'));
      settle();
      const f0 = performance.now();
      const filed = await filing.call(cli, 'archive.fileLocal', { sourcePath: big, fields: {}, onDuplicate: 'keep' });
      ours.push(performance.now() - f0);
      if (!filed.ok) throw new Error(filed.error.messageEn);
    }
    const cpMs = median(cp);
    const fileMs = median(ours);
    const ratio = cpMs / fileMs;
    return {
      name: `filing a ${mb} MB file (stream copy + SHA-256 + fsync + record; median of 3), MB/s`,
      unit: 'MB/s',
      value: round(mb / (fileMs / 1000), 0),
      baselineName: 'cp + sha256sum',
      baseline: round(mb / (cpMs / 1000), 0),
      ratio: round(ratio, 2),
      goal: '≥ 0.7× cp + sha256sum',
      met: ratio >= 0.7,
    };
  } finally {
    await filing.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Filing many small files one by one (each: staged, hashed, fsynced, recorded in its own
 * transaction, renamed) vs `cp -r` of the folder plus `sha256sum` of every copy.
 */
async function manySmallFiles(count: number, log: (text: string) => void): Promise<BenchResult> {
  log(`filing ${count} small files…`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-bench-small-'));
  const src = path.join(scratch, 'src');
  fs.mkdirSync(src);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(src, `扫描件${String(i).padStart(5, '0')}.txt`);
    // 1–16 KB, every file different (so none is a duplicate of another).
    fs.writeFileSync(file, `第 ${i} 份文件\n`.repeat(64 + (i % 1000)));
    files.push(file);
  }
  const filing = createTestOffice();
  try {
    settle();
    const c0 = performance.now();
    execFileSync('sh', ['-c', 'cp -r src copy && find copy -type f -print0 | xargs -0 sha256sum > /dev/null'], { cwd: scratch });
    const cpMs = performance.now() - c0;
    settle();
    const f0 = performance.now();
    for (const sourcePath of files) {
      const filed = await filing.call(cli, 'archive.fileLocal', { sourcePath, fields: {} });
      if (!filed.ok) throw new Error(filed.error.messageEn);
    }
    const fileMs = performance.now() - f0;
    return {
      name: `filing ${count} small files one by one (each fsynced and recorded), files/s`,
      unit: 'files/s',
      value: round(count / (fileMs / 1000), 0),
      baselineName: 'cp -r + sha256sum of each',
      baseline: round(count / (cpMs / 1000), 0),
      ratio: round(cpMs / fileMs, 2),
      goal: 'measured (no goal set)',
      met: true,
    };
  } finally {
    await filing.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
