import { companyNameKey } from '../../../shared/clients/normalise';
import { parseSource } from '../../../shared/clients/classification';
import type { ImportReport } from '../../../shared/imports/import-report';
import { callOk, createTestOffice, owner, type TestOffice } from '../../../electron/server/testing/test-office';
import { round, type BenchSuite } from '../harness';
import { addBenchStaff, benchClients, benchClientsCsv, type BenchClient } from './clients-data';

async function officeWithStaff(): Promise<TestOffice> {
  const office = createTestOffice();
  await addBenchStaff(office);
  return office;
}

/**
 * The baseline: what the import must at least do — insert the already-parsed rows (client and
 * phone) with prepared statements in one transaction. The import adds reading the file,
 * checking every row, 撞单 checks, completeness and the search index.
 */
function rawInsertLoop(office: TestOffice, clients: readonly BenchClient[]): number {
  const staff = new Map(
    (office.sqlite.prepare('SELECT code, id FROM staff').all() as { code: string; id: number }[]).map((s) => [s.code, s.id]),
  );
  const insertClient = office.sqlite.prepare(
    `INSERT INTO clients (kind, name, name_key, contact_name, province, city, district, source, joined_on, owner_staff_id, level, created_at, updated_at)
     VALUES ('company', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPhone = office.sqlite.prepare(
    `INSERT INTO client_phones (client_id, phone, phone_key, kind) VALUES (?, ?, ?, 'mobile')`,
  );
  const stamp = new Date().toISOString();
  const t0 = performance.now();
  office.sqlite.transaction(() => {
    for (const c of clients) {
      const id = insertClient.run(
        c.name,
        companyNameKey(c.name),
        c.contact,
        c.province,
        c.city,
        c.district,
        parseSource(c.source),
        c.joinedOn,
        staff.get(c.ownerCode),
        c.level,
        stamp,
        stamp,
      ).lastInsertRowid;
      insertPhone.run(id, c.phone, c.phone);
    }
  })();
  return performance.now() - t0;
}

export const clientsImportBench: BenchSuite = {
  name: 'clients import',
  async run({ size, log }) {
    const count = size === 'large' ? 100_000 : 5_000;
    const clients = benchClients(count);
    const csv = benchClientsCsv(clients);
    log(`${count} clients, CSV ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
    // Warm both paths up (JIT) on throwaway offices, as the harness's sample() does elsewhere.
    const warmRows = benchClients(500, 99);
    await timeRaw(warmRows);
    await timeImport(benchClientsCsv(warmRows), warmRows.length);
    // Small runs are a few hundred ms, where one fsync or a busy neighbour shows: take the median of 3.
    const runs = size === 'large' ? 1 : 3;
    const baselines: number[] = [];
    const measures: number[] = [];
    for (let i = 0; i < runs; i++) {
      baselines.push(await timeRaw(clients));
      measures.push(await timeImport(csv, count));
    }
    const baseline = median(baselines);
    const measured = median(measures);
    const ratio = measured / baseline;
    log(
      `raw insert loop ${baselines.map((t) => t.toFixed(0)).join('/')} ms, import ${measures.map((t) => t.toFixed(0)).join('/')} ms`,
    );
    return [
      {
        name: `clients.import ${count} rows from CSV via dispatch, ms`,
        unit: 'ms',
        value: round(measured, 0),
        baselineName: 'raw better-sqlite3 insert loop, one transaction',
        baseline: round(baseline, 0),
        ratio: round(ratio, 2),
        // The goal is set for an office of 100k clients; at 5k the fixed per-row work weighs more
        // against a raw loop into small, cached indexes, so the small run reports the figure only.
        goal: size === 'large' ? '≤ 3×' : 'report (≤ 3× at 100k)',
        met: size === 'large' ? ratio <= 3 : true,
      },
    ];
  },
};

async function timeRaw(clients: readonly BenchClient[]): Promise<number> {
  const office = await officeWithStaff();
  try {
    return rawInsertLoop(office, clients);
  } finally {
    await office.dispose();
  }
}

async function timeImport(csv: Buffer, count: number): Promise<number> {
  const office = await officeWithStaff();
  try {
    const t0 = performance.now();
    const report = await callOk<ImportReport>(
      office,
      'clients.import',
      { fileName: 'bench.csv', dataBase64: csv.toString('base64') },
      owner,
    );
    const ms = performance.now() - t0;
    if (report.inserted !== count) throw new Error(`import wrote ${report.inserted} of ${count}`);
    return ms;
  } finally {
    await office.dispose();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
