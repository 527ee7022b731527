import type BetterSqlite3 from 'better-sqlite3';
import type { ClientListInput } from '../../../shared/contract/clients';
import { clientListSchema } from '../../../shared/contract/clients';
import type { Actor } from '../../../shared/roles';
import { clientPageSql, clientWhere } from '../../../electron/server/clients/client-list.query';
import { actorOf, callOk, createTestOffice, owner, type TestOffice } from '../../../electron/server/testing/test-office';
import { round, sample, type BenchResult, type BenchSuite } from '../harness';
import { addBenchStaff, BENCH_STAFF, benchClients, benchClientsCsv } from './clients-data';

type PageQuery = { label: string; input: Partial<ClientListInput>; actor?: Actor };

/**
 * The 客户 page's query as people use it: the first page, a deep scroll, filters, the
 * salesperson's own list, and searches of 1, 2 and 4 Chinese characters and a phone fragment.
 * Each through dispatch, against the same SQL run as raw prepared statements.
 */
function pageQueries(count: number, salesperson: Actor): PageQuery[] {
  return [
    { label: 'first page', input: {} },
    { label: 'deep scroll', input: { offset: Math.floor(count / 2) } },
    { label: 'level', input: { level: 2, offset: Math.floor(count / 10) } },
    { label: 'level+province+source', input: { level: 2, province: '广东省', source: 'phone' } },
    { label: 'salesperson own', input: { offset: Math.floor(count / BENCH_STAFF / 2) }, actor: salesperson },
    { label: 'search 超市 (2 chars)', input: { search: '超市' } },
    { label: 'search 华 (1 char)', input: { search: '华', offset: Math.floor(count / 100) } },
    { label: 'search 联超市 (3 chars)', input: { search: '联超市' } },
    { label: 'search phone 1300012', input: { search: '1300012' } },
    { label: 'search 超市 + level + deep', input: { search: '超市', level: 1, offset: Math.floor(count / 200) } },
    { label: 'funnel intent, newest first', input: { funnel: 'intent', sort: '-joinedOn', offset: Math.floor(count / 10) } },
  ];
}

function rawPage(sqlite: BetterSqlite3.Database, input: ClientListInput, ownerId: number | null): () => unknown {
  const where = clientWhere(input, ownerId);
  const text = clientPageSql(where, input.sort);
  const count = sqlite.prepare(text.count).pluck();
  const ids = sqlite.prepare(text.ids).pluck();
  const rows = sqlite.prepare(
    `SELECT c.id, c.kind, c.name, c.contact_name, c.province, c.city, c.district, c.source, c.level, c.grade, c.stage, c.owner_staff_id,
            c.joined_on, c.completeness, c.archived_at, s.name AS owner_name,
            (SELECT p.phone FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id LIMIT 1) AS phone
     FROM clients c LEFT JOIN staff s ON s.id = c.owner_staff_id WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  // The same steps as the service: count, then (when the offset is inside) the page's ids and rows.
  return () => {
    const total = count.get(...where.params) as number;
    if (total === 0 || input.offset >= total) return [];
    const page = ids.all(...where.params, input.limit, input.offset);
    return rows.all(JSON.stringify(page));
  };
}

export const clientsPageBench: BenchSuite = {
  name: 'clients page',
  async run({ size, log }) {
    const count = size === 'large' ? 100_000 : 5_000;
    const office: TestOffice = createTestOffice();
    try {
      await addBenchStaff(office);
      await callOk(office, 'clients.import', {
        fileName: 'bench.csv',
        dataBase64: benchClientsCsv(benchClients(count)).toString('base64'),
      });
      log(`${count} clients imported`);
      const salesperson: Actor = { ...actorOf('salesperson', 'S003'), staffId: 3 };
      const results: BenchResult[] = [];
      const pooled = { raw: [] as number[], call: [] as number[] };
      for (const q of pageQueries(count, salesperson)) {
        const input = clientListSchema.parse(q.input);
        const raw = rawPage(office.sqlite, input, q.actor ? q.actor.staffId : null);
        const baseline = await sample(raw, { minRuns: 20, minMs: 200, warmup: 3 });
        const measured = await sample(() => office.call(q.actor ?? owner, 'clients.list', q.input), {
          minRuns: 20,
          minMs: 200,
          warmup: 3,
        });
        pooled.raw.push(baseline.p50);
        pooled.call.push(measured.p50);
        log(`${q.label}: p50 ${measured.p50.toFixed(2)} ms (raw ${baseline.p50.toFixed(2)}), p95 ${measured.p95.toFixed(2)} ms`);
        results.push({
          name: `clients.list ${q.label}, p95 ms`,
          unit: 'ms',
          value: round(measured.p95, 2),
          baselineName: 'raw statements, p95',
          baseline: round(baseline.p95, 2),
          ratio: round(measured.p95 / baseline.p95, 2),
          goal: size === 'large' ? 'p95 < 30 ms' : 'report',
          met: size === 'large' ? measured.p95 < 30 : true,
        });
      }
      const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
      const ratio = sum(pooled.call) / sum(pooled.raw);
      results.unshift({
        name: `clients.list, ${count} clients, all ${pooled.call.length} queries, sum of p50 ms`,
        unit: 'ms',
        value: round(sum(pooled.call), 2),
        baselineName: 'same SQL as raw prepared statements',
        baseline: round(sum(pooled.raw), 2),
        ratio: round(ratio, 2),
        goal: '≤ 1.3×',
        met: ratio <= 1.3,
      });
      return results;
    } finally {
      await office.dispose();
    }
  },
};
