import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../shared/contract/clients';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { PoolRunResult } from '../../shared/contract/pool';
import type { AgingReport } from '../../shared/contract/receivables';
import type { StaffRow } from '../../shared/contract/staff';
import { DEFAULT_POOL_SETTINGS } from '../../shared/pool/pool-rules';
import { openOffice } from '../../electron/server/office';
import { callOk } from '../../electron/server/testing/test-office';
import { readXlsxRows } from '../../electron/server/testing/sheet-files';
import { runOffice } from './office-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-pool-cli-'));
const dataDir = path.join(dir, 'data');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const office = (...args: string[]) => runOffice(dataDir, args);

let clientId = 0;
beforeAll(async () => {
  // The office as the app left it: a salesperson, a client not followed up since October, and
  // a contract signed in August of which half was paid.
  const seed = openOffice({ dataDir });
  const staff = await callOk<StaffRow>(seed, 'staff.create', {
    code: 'S001',
    name: '张伟',
    role: 'salesperson',
    hiredOn: '2025-01-01',
    baseSalaryFen: 300000,
  });
  const client = await callOk<ClientDetail>(seed, 'clients.create', {
    name: '沉睡的超市',
    level: 4,
    ownerStaffId: staff.id,
    joinedOn: '2026-01-01',
  });
  clientId = client.id;
  await callOk(seed, 'followups.create', { clientId, happenedOn: '2026-10-01', way: 'phone', content: '没兴趣' });
  await callOk(seed, 'pool.updateSettings', {
    ...DEFAULT_POOL_SETTINGS,
    autoReturn: true,
    levels: { ...DEFAULT_POOL_SETTINGS.levels, 4: { noFollowUpDays: 30, noContractDays: null } },
  });
  const k = await callOk<ContractDetail>(seed, 'contracts.create', {
    clientId,
    amountFen: 2000_00,
    signedOn: '2026-08-01',
    status: 'signed',
  });
  await callOk(seed, 'payments.create', { contractId: k.id, paidOn: '2026-08-05', amountFen: 1000_00 });
  await seed.close();
});

describe('office pool run / office receivables', () => {
  it('pool run --as-of returns the client on the 30th day, not the 29th; twice moves nothing more', () => {
    const before = office('pool', 'run', '--as-of', '2026-10-30', '--json');
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout) as PoolRunResult).toMatchObject({ asOf: '2026-10-30', returned: 0, warned: 1 });
    const due = office('pool', 'run', '--as-of', '2026-10-31', '--json');
    expect(JSON.parse(due.stdout) as PoolRunResult).toMatchObject({ returned: 1, moves: [{ clientId, fromName: '张伟' }] });
    const again = office('pool', 'run', '--as-of', '2026-10-31');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('退回公海 0 位');
    expect(again.stdout).toContain('0 returned to the pool');
  }, 120_000);

  it('receivables --aging --json gives the buckets; --out writes the Excel file', async () => {
    const aging = office('receivables', '--aging', '--as-of', '2026-11-27', '--json');
    expect(aging.code, aging.stderr).toBe(0);
    const report = JSON.parse(aging.stdout) as AgingReport;
    // Signed 2026-08-01, 118 days before: 90+.
    expect(report.totals).toEqual({ notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90plus: 1000_00, totalFen: 1000_00 });
    expect(report.byStaff).toEqual([expect.objectContaining({ name: '张伟', totalFen: 1000_00 })]);
    const table = office('receivables', '--aging', '--as-of', '2026-11-27');
    expect(table.stdout).toContain('90 天以上');
    expect(table.stdout).toContain('1,000.00');
    const out = path.join(dir, '账龄.xlsx');
    const written = office('receivables', '--aging', '--as-of', '2026-11-27', '--out', out);
    expect(written.code, written.stderr).toBe(0);
    const rows = await readXlsxRows(fs.readFileSync(out));
    expect(rows[0]).toContain('90 天以上 / Over 90 days');
    expect(rows.at(-1)).toEqual(['合计 / Total', '', '0', '0', '0', '0', '1000', '1000']);
    const overdue = office('receivables', '--due', 'overdue', '--as-of', '2026-11-27');
    expect(overdue.stdout).toContain('沉睡的超市');
    expect(overdue.stdout).toContain('118');
  }, 120_000);

  it('says how to use it, with exit 2, on a bad date or a missing choice', () => {
    expect(office('pool', 'run', '--as-of', '2026-02-30').code).toBe(2);
    const neither = office('receivables', '--due', 'year');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--aging');
  }, 120_000);
});
