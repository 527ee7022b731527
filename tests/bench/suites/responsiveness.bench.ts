import { monitorEventLoopDelay } from 'node:perf_hooks';
import { callOk, createTestOffice, owner } from '../../../electron/server/testing/test-office';
import { round, type BenchSuite } from '../harness';
import { addBenchStaff, benchClients, benchClientsCsv } from './clients-data';

/**
 * Does the process serving the window stay responsive during a big import? The event loop's
 * longest stall while importing, against its longest stall while idle for as long.
 */
export const responsivenessBench: BenchSuite = {
  name: 'responsiveness',
  async run({ size }) {
    const count = size === 'large' ? 100_000 : 5_000;
    const office = createTestOffice();
    try {
      await addBenchStaff(office);
      const csv = benchClientsCsv(benchClients(count, 11));
      const measure = async (work: () => Promise<unknown>): Promise<{ maxMs: number; ms: number }> => {
        const h = monitorEventLoopDelay({ resolution: 10 });
        h.enable();
        const t0 = performance.now();
        await work();
        const ms = performance.now() - t0;
        // Let the sampling timer fire once more, so a stall that just ended is recorded.
        await new Promise((resolve) => setTimeout(resolve, 50));
        h.disable();
        return { maxMs: h.max / 1e6, ms };
      };
      const during = await measure(() =>
        callOk(office, 'clients.import', { fileName: 'c.csv', dataBase64: csv.toString('base64') }, { ...owner, via: 'cli' }),
      );
      const idle = await measure(() => new Promise((resolve) => setTimeout(resolve, Math.min(during.ms, 3000))));
      return [
        {
          name: `longest event-loop stall during a ${count}-client import, ms`,
          unit: 'ms',
          value: round(during.maxMs, 0),
          baselineName: 'idle for as long',
          baseline: round(idle.maxMs, 0),
          ratio: round(during.maxMs / Math.max(1, idle.maxMs), 1),
          goal: 'report (window should never freeze > 100 ms)',
          met: true,
        },
      ];
    } finally {
      await office.dispose();
    }
  },
};
