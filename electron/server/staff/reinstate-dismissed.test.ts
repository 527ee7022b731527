import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DismissalCase } from '../../../shared/contract/commission';
import type { StaffStatusEvent } from '../../../shared/contract/staff';
import type { PerformanceSheet } from '../../../shared/performance/performance-types';
import { staffActor } from '../testing/office-fixtures';
import { callOk, createTestOffice, type TestOffice } from '../testing/test-office';

let office: TestOffice;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-04-10T03:00:00Z') });
});
afterEach(() => office.dispose());

const teamPlan = { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

it('a dismissed person reinstated is on 预警 again, not gone; the dismissal stays in 在职记录 and the audit log', async () => {
  const li = await staffActor(office, 'S002', '李娜');
  for (const month of ['2026-01', '2026-02', '2026-03'])
    await callOk(office, 'plans.set', { month, staffId: null, plan: teamPlan });
  await callOk(office, 'months.close', { month: '2026-01' });
  await callOk(office, 'months.close', { month: '2026-02' });
  const cases = await callOk<DismissalCase[]>(office, 'dismissals.list');
  expect(cases.map((c) => c.code)).toEqual(['S002']);
  await callOk(office, 'dismissals.decide', {
    staffId: li.staff.id,
    month: '2026-02',
    decision: 'dismiss',
    reason: '连续两月未达保底',
    leftOn: '2026-03-05',
  });
  const dismissed = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-03' });
  expect(dismissed.rows.find((r) => r.code === 'S002')?.status).toBe('left');

  await callOk(office, 'staff.reinstate', { id: li.staff.id, reason: '店长改变决定' });
  const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-03' });
  expect(sheet.rows.find((r) => r.code === 'S002')?.status).toBe('warning');
  expect(await callOk<DismissalCase[]>(office, 'dismissals.list')).toEqual([]);
  const history = await callOk<StaffStatusEvent[]>(office, 'staff.history', { id: li.staff.id });
  expect(history.map((h) => [h.event, h.effectiveOn])).toEqual([
    ['hired', '2025-01-01'],
    ['dismissed', '2026-03-05'],
    ['reinstated', '2026-04-10'],
  ]);
  const audit = office.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'staff' AND entity_id = ? ORDER BY id`);
  expect(audit.pluck().all(String(li.staff.id))).toEqual(['staff.create', 'dismissals.dismiss', 'staff.reinstate']);
});
