import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../shared/contract/commission';
import type { ExportFile } from '../../../shared/imports/export-file';
import type { StaffRow } from '../../../shared/contract/staff';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../testing/test-office';

// The office's days are Shanghai days, whatever zone the machine running the tests is in.
const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

let office: TestOffice;
let clock = new Date();
beforeEach(() => {
  office = createTestOffice({ now: () => clock });
});
afterEach(() => office.dispose());

async function addStaffAt(instant: string, code: string): Promise<void> {
  clock = new Date(instant);
  await callOk<StaffRow>(office, 'staff.create', {
    code,
    name: `员工${code}`,
    role: 'clerk',
    hiredOn: '2026-11-01',
    baseSalaryFen: 300_000,
  });
}

async function codesListed(filters: { from?: string; to?: string }): Promise<string[]> {
  const { rows } = await callOk<{ rows: AuditRow[] }>(office, 'audit.list', { entity: 'staff', ...filters });
  return rows.map((r) => (r.after as { code: string }).code).sort();
}

describe('操作日志 date filter: local calendar days, not UTC ones', () => {
  it('lists a change at 01:00 on the 24th (Shanghai) under the 24th, and one at 23:30 under the 23rd', async () => {
    expect(new Date('2026-11-23T17:00:00Z').getDate(), 'the test runs in Shanghai time').toBe(24);
    await addStaffAt('2026-11-22T16:30:00Z', 'A001'); // 00:30 on the 23rd, Shanghai
    await addStaffAt('2026-11-23T15:30:00Z', 'A002'); // 23:30 on the 23rd
    await addStaffAt('2026-11-23T17:00:00Z', 'A003'); // 01:00 on the 24th — UTC says the 23rd
    await addStaffAt('2026-11-24T15:59:59Z', 'A004'); // 23:59:59 on the 24th — UTC says the 24th too
    await addStaffAt('2026-11-24T16:00:00Z', 'A005'); // 00:00 on the 25th

    expect(await codesListed({ from: '2026-11-23', to: '2026-11-23' })).toEqual(['A001', 'A002']);
    expect(await codesListed({ from: '2026-11-24', to: '2026-11-24' })).toEqual(['A003', 'A004']);
    expect(await codesListed({ from: '2026-11-25' })).toEqual(['A005']);
    expect(await codesListed({ to: '2026-11-22' })).toEqual([]);
    expect(await codesListed({ from: '2026-11-23', to: '2026-11-25' })).toEqual(['A001', 'A002', 'A003', 'A004', 'A005']);
  });

  it('exports the same day as it lists', async () => {
    await addStaffAt('2026-11-23T15:30:00Z', 'B001'); // the 23rd
    await addStaffAt('2026-11-23T17:00:00Z', 'B002'); // the 24th
    const file = await callOk<ExportFile>(office, 'audit.export', {
      entity: 'staff',
      from: '2026-11-24',
      to: '2026-11-24',
      format: 'csv',
    });
    expect(file.rowCount).toBe(1);
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(text).toContain('B002');
    expect(text).not.toContain('B001');
  });
});

describe('操作日志 sorted by a header (15.16), on the server because the log is paged', () => {
  it('orders by time, by who and by kind of change, both ways, and refuses an unknown order', async () => {
    await addStaffAt('2026-11-20T02:00:00Z', 'B002');
    await addStaffAt('2026-11-21T02:00:00Z', 'B001');
    await callOk(office, 'settings.update', { officeName: '阳光加盟店' });
    const order = async (sort: string) =>
      (await callOk<{ rows: AuditRow[] }>(office, 'audit.list', { sort })).rows.map((r) => `${r.entity}:${r.entityId ?? ''}`);
    const newest = await order('-at');
    expect(newest[0]?.startsWith('settings')).toBe(true);
    expect(await order('at')).toEqual([...newest].reverse());
    // By kind of change: settings before staff (a–z), and the other way round.
    expect((await order('action'))[0]?.startsWith('settings')).toBe(true);
    expect((await order('-action'))[0]?.startsWith('staff')).toBe(true);
    const bad = await office.call(actorOf('owner'), 'audit.list', { sort: 'id; DROP TABLE audit_log' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_input');
  });
});
