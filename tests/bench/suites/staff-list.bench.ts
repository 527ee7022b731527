import { createTestOffice, callOk, owner } from '../../../electron/server/testing/test-office';
import { round, sample, type BenchSuite } from '../harness';

/** The cost of the contract gate: staff.list through dispatch vs the raw prepared statement. */
export const staffListBench: BenchSuite = {
  name: 'staff list',
  async run({ size }) {
    const office = createTestOffice();
    try {
      const count = size === 'large' ? 60 : 30;
      for (let i = 1; i <= count; i++) {
        await callOk(office, 'staff.create', {
          code: `S${String(i).padStart(3, '0')}`,
          name: `员工${i}`,
          role: 'salesperson',
          hiredOn: '2025-01-01',
          baseSalaryFen: 300000 + i,
        });
      }
      const raw = office.sqlite.prepare(`SELECT * FROM staff WHERE status != 'left' ORDER BY code`);
      const baseline = await sample(() => raw.all());
      const measured = await sample(() => office.call(owner, 'staff.list', {}));
      const ratio = measured.p50 / baseline.p50;
      return [
        {
          name: `staff.list (${count} staff) via dispatch, p50 ms`,
          unit: 'ms',
          value: round(measured.p50),
          baselineName: 'raw better-sqlite3 statement',
          baseline: round(baseline.p50),
          ratio: round(ratio, 2),
          goal: 'report only (gate cost)',
          met: true,
        },
      ];
    } finally {
      await office.dispose();
    }
  },
};
