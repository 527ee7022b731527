import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PerformanceSheet } from '../../shared/performance/performance-types';
import { callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';

/**
 * Why the floor rule did not judge someone (免考核) reaches the screen as a { zh, en } pair, the
 * manager's leave reason in both as typed — even one holding " / ", which the old "中文 / English"
 * text split apart. Months closed before keep their text and read as the same pair.
 */
let office: TestOffice;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-10-20T03:00:00Z') });
});
afterEach(() => office.dispose());

const plan = { floorFen: 100_000, targetFen: 1_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

describe('免考核 text', () => {
  it('is a pair with the reason as typed, also from a month closed by an earlier version', async () => {
    const seller = (await staffActor(office, 'S001', '张伟')).staff;
    await callOk(office, 'plans.set', { month: '2026-09', staffId: null, plan });
    await callOk(office, 'plans.set', {
      month: '2026-09',
      staffId: seller.id,
      plan: { ...plan, leaveReason: '产假 / 病假' },
    });
    const expected = { zh: '请假,本月免考核(产假 / 病假)', en: 'On leave: exempt this month (产假 / 病假)' };
    const row = async () =>
      (await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-09' })).rows.find(
        (r) => r.staffId === seller.id,
      )!;
    expect((await row()).exemption).toEqual(expected);

    await callOk(office, 'months.close', { month: '2026-09' });
    expect((await row()).exemption).toEqual(expected);
    // As the previous version froze it: one text, "中文(reason) / English".
    const db = office.sqlite;
    const snapshot = JSON.parse(
      db.prepare("SELECT snapshot_json FROM month_closes WHERE month = '2026-09'").pluck().get() as string,
    ) as { rows: { staffId: number; exemption: unknown }[] };
    for (const r of snapshot.rows) if (r.staffId === seller.id) r.exemption = '请假,本月免考核(产假 / 病假) / On leave: exempt this month';
    db.prepare("UPDATE month_closes SET snapshot_json = ? WHERE month = '2026-09'").run(JSON.stringify(snapshot));
    expect((await row()).exemption).toEqual({ zh: '请假,本月免考核(产假 / 病假)', en: 'On leave: exempt this month' });
  });
});
