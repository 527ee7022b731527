import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PoolRunResult } from '../../../shared/contract/pool';
import type { AgingReport } from '../../../shared/contract/receivables';
import { addDays } from '../../../shared/calendar';
import { DEFAULT_POOL_SETTINGS } from '../../../shared/pool/pool-rules';
import { openOffice, type Office } from '../../../electron/server/office';
import { candidateSql } from '../../../electron/server/pool/pool-facts';
import { owner } from '../../../electron/server/testing/test-office';
import { GENERATED_TODAY } from '../data/generate-office';
import { round, sample, type BenchResult, type BenchSuite } from '../harness';

/** A scratch copy of the generated office: the suite writes (schedules, pool moves) and the original stays as generated. */
function copyOffice(from: string): string {
  const source = openOffice({ dataDir: from, backgroundCheckFromBytes: Number.MAX_SAFE_INTEGER });
  source.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  void source.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-bench-pool-'));
  fs.copyFileSync(path.join(from, 'office.db'), path.join(dir, 'office.db'));
  return dir;
}

/**
 * Receivables as an office with schedules has them: every running contract is paid in four
 * quarterly instalments from its signing day, and one in three of those has received nothing
 * after its first 100 days — so the aging report has money in every bucket. Data preparation,
 * not timed.
 */
function seedSchedules(office: Office): { instalments: number; open: number } {
  office.sqlite.transaction(() => {
    office.sqlite.exec(`
      INSERT INTO instalments (contract_id, due_on, amount_fen, note, created_at)
      SELECT k.id, date(k.signed_on, '+' || (q.n * 3) || ' months'),
             k.amount_fen / 4 + CASE WHEN q.n = 0 THEN k.amount_fen % 4 ELSE 0 END, '', k.created_at
      FROM contracts k CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) q
      WHERE k.status = 'active' AND k.signed_on IS NOT NULL AND k.amount_fen >= 4;
      DELETE FROM payments WHERE amount_fen > 0 AND contract_id IN (
        SELECT id FROM contracts WHERE status = 'active' AND id % 3 = 0
      ) AND paid_on > (SELECT date(k.signed_on, '+100 days') FROM contracts k WHERE k.id = payments.contract_id);
    `);
  })();
  office.sqlite.exec('ANALYZE');
  return {
    instalments: office.sqlite.prepare('SELECT count(*) FROM instalments').pluck().get() as number,
    open: office.sqlite
      .prepare(`SELECT count(*) FROM contracts WHERE amount_fen > paid_fen AND status IN ('signed','active','expired')`)
      .pluck()
      .get() as number,
  };
}

/**
 * The least an aging report must compute, written by hand: spread what each open contract
 * received over its instalments in due order (a running sum) and add up what is still owed per
 * bucket, contracts without a schedule due whole on signing. One statement, no names, no rows out.
 */
const RAW_AGING = `
  WITH o AS (
    SELECT id, amount_fen, paid_fen, COALESCE(signed_on, starts_on, substr(created_at, 1, 10)) AS due
    FROM contracts WHERE amount_fen > paid_fen AND status IN ('signed','active','expired')
  ), l AS (
    SELECT i.due_on AS due, min(i.amount_fen, max(0, sum(i.amount_fen) OVER (PARTITION BY i.contract_id ORDER BY i.due_on, i.id) - o.paid_fen)) AS owed
    FROM o JOIN instalments i ON i.contract_id = o.id
    UNION ALL
    SELECT o.due, o.amount_fen - o.paid_fen FROM o WHERE NOT EXISTS (SELECT 1 FROM instalments i WHERE i.contract_id = o.id)
  )
  SELECT CASE WHEN d < 0 THEN 0 WHEN d <= 30 THEN 1 WHEN d <= 60 THEN 2 WHEN d <= 90 THEN 3 ELSE 4 END AS bucket, sum(owed)
  FROM (SELECT owed, julianday(?) - julianday(due) AS d FROM l WHERE owed > 0) GROUP BY bucket`;

/**
 * 公海池 and 应收 at the large office (100k clients, 325k contracts, 1.1M follow-ups):
 * - the daily pool job on ten consecutive days (after the first run took back the backlog of
 *   clients nobody had followed up for years), each a real run that moves that day's clients
 *   with history and audit rows, against the raw SELECT of that day's candidates;
 * - receivables.aging through dispatch against one hand-written aggregate statement.
 */
export const poolReceivablesBench: BenchSuite = {
  name: 'pool-receivables',
  async run({ size, generatedOfficeDir, log }) {
    const dir = copyOffice(generatedOfficeDir());
    const office = openOffice({ dataDir: dir });
    const results: BenchResult[] = [];
    try {
      await office.healthChecked;
      const seeded = seedSchedules(office);
      log(`instalments ${seeded.instalments}, contracts with money to come ${seeded.open}`);

      // Aging, as of the generated office's today.
      const asOf = GENERATED_TODAY;
      const raw = office.sqlite.prepare(RAW_AGING);
      const rawAging = await sample(() => raw.all(asOf), { minRuns: 20, minMs: 500 });
      let clients = 0;
      const aging = await sample(
        async () => {
          const answer = await office.call(owner, 'receivables.aging', { asOf });
          if (!answer.ok) throw new Error(answer.error.messageEn);
          clients = (answer.value as AgingReport).byClient.length;
        },
        { minRuns: 20, minMs: 500 },
      );
      log(
        `aging p50 ${round(aging.p50, 1)} ms (raw ${round(rawAging.p50, 1)} ms), load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
      results.push({
        name: `receivables.aging (${seeded.open} open contracts, ${seeded.instalments} instalments, ${clients} clients; ${size} office) via dispatch, p95 ms`,
        unit: 'ms',
        value: round(aging.p95, 1),
        baselineName: 'one hand-written aggregate statement',
        baseline: round(rawAging.p95, 1),
        ratio: round(aging.p95 / rawAging.p95, 2),
        goal: '< 200 ms',
        met: aging.p95 < 200,
      });

      // The pool: rules on, the backlog taken back once, then ten daily runs.
      const on = await office.call(owner, 'pool.updateSettings', { ...DEFAULT_POOL_SETTINGS, autoReturn: true });
      if (!on.ok) throw new Error(on.error.messageEn);
      const first = addDays(asOf, -1);
      const t0 = performance.now();
      const backlog = await office.call(owner, 'pool.run', { asOf: first });
      if (!backlog.ok) throw new Error(backlog.error.messageEn);
      const backlogMs = performance.now() - t0;
      log(`first run (${first}): ${(backlog.value as PoolRunResult).returned} returned in ${Math.round(backlogMs)} ms`);
      const days = Array.from({ length: 10 }, (_, i) => addDays(asOf, i));
      const jobTimes: number[] = [];
      const rawTimes: number[] = [];
      let moved = 0;
      for (const day of days) {
        const { sql, params } = candidateSql(DEFAULT_POOL_SETTINGS, day);
        const statement = office.sqlite.prepare(sql);
        const r0 = performance.now();
        statement.all(...params);
        rawTimes.push(performance.now() - r0);
        const j0 = performance.now();
        const run = await office.call(owner, 'pool.run', { asOf: day });
        jobTimes.push(performance.now() - j0);
        if (!run.ok) throw new Error(run.error.messageEn);
        moved += (run.value as PoolRunResult).returned;
      }
      const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      log(
        `daily job median ${Math.round(median(jobTimes))} ms (raw ${round(median(rawTimes), 1)} ms), load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
      const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!;
      results.push({
        name: `daily pool job, 10 consecutive days (${moved} clients returned, history + audit each), p95 ms`,
        unit: 'ms',
        value: round(p95(jobTimes), 1),
        baselineName: 'raw SELECT of the day’s candidates',
        baseline: round(p95(rawTimes), 1),
        ratio: round(p95(jobTimes) / p95(rawTimes), 2),
        goal: '< 2000 ms',
        met: p95(jobTimes) < 2000,
      });
      results.push({
        name: `first pool run on ${size} office: backlog of ${(backlog.value as PoolRunResult).returned} clients returned, ms`,
        unit: 'ms',
        value: round(backlogMs, 0),
        baselineName: 'raw SELECT of the day’s candidates',
        baseline: round(p95(rawTimes), 1),
        ratio: round(backlogMs / p95(rawTimes), 1),
        goal: '(measured)',
        met: true,
      });
    } finally {
      await office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return results;
  },
};
