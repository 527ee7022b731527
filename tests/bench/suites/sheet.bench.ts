import { computeMonth } from '../../../electron/server/commission/month-figures';
import { openOffice } from '../../../electron/server/office';
import { owner } from '../../../electron/server/testing/test-office';
import { addMonths } from '../../../shared/dates';
import { monthBounds } from '../../../shared/performance/month-range';
import { round, sample, type BenchSuite } from '../harness';
import { GENERATED_TODAY } from '../data/generate-office';

/**
 * 月度业绩表 on the generated office (60 staff in `large`): the whole sheet through dispatch
 * (plans, credited sales, commission, floor history, activity figures) against a hand-written
 * GROUP BY of the month's payments per person — the least any sheet must read.
 */
export const sheetBench: BenchSuite = {
  name: 'sheet',
  async run({ size, generatedOfficeDir }) {
    const office = openOffice({ dataDir: generatedOfficeDir() });
    try {
      const month = addMonths(GENERATED_TODAY.slice(0, 7), -1);
      const { first, last } = monthBounds(month);
      const groupBy = office.sqlite.prepare(
        `SELECT s.id, s.name, s.base_salary_fen, COALESCE(sum(p.amount_fen), 0) AS sales
         FROM staff s LEFT JOIN payments p ON p.staff_id = s.id AND p.paid_on BETWEEN ? AND ?
         GROUP BY s.id`,
      );
      const baseline = await sample(() => groupBy.all(first, last), { minRuns: 30 });
      const sheet = await sample(
        async () => {
          const answer = await office.call(owner, 'performance.sheet', { month });
          if (!answer.ok) throw new Error(answer.error.messageEn);
        },
        { minRuns: 30 },
      );
      const staffCount = office.sqlite.prepare('SELECT count(*) FROM staff').pluck().get() as number;
      const year = await sample(
        async () => {
          for (let i = 0; i < 12; i++) await computeMonth(office, addMonths(month, -i), false);
        },
        { minRuns: 5, minMs: 500, warmup: 1 },
      );
      const yearBaseline = await sample(
        () => {
          for (let i = 0; i < 12; i++) {
            const b = monthBounds(addMonths(month, -i));
            groupBy.all(b.first, b.last);
          }
        },
        { minRuns: 5, minMs: 200, warmup: 1 },
      );
      return [
        {
          name: `performance.sheet for ${month} (${staffCount} staff, ${size} office) via dispatch, p95 ms`,
          unit: 'ms',
          value: round(sheet.p95, 2),
          baselineName: 'hand-written GROUP BY of the month’s payments',
          baseline: round(baseline.p95, 2),
          ratio: round(sheet.p95 / baseline.p95, 2),
          goal: '< 50 ms',
          met: sheet.p95 < 50,
        },
        {
          name: `12 months of figures recomputed (${staffCount} staff), p95 ms`,
          unit: 'ms',
          value: round(year.p95, 1),
          baselineName: '12 hand-written GROUP BYs',
          baseline: round(yearBaseline.p95, 1),
          ratio: round(year.p95 / yearBaseline.p95, 2),
          goal: '< 300 ms',
          met: year.p95 < 300,
        },
      ];
    } finally {
      await office.close();
    }
  },
};
