import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRow } from '../../../shared/contract/staff';
import { actorOf, callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { expectRefused } from '../testing/refusal';

describe('staff through dispatch', () => {
  let office: TestOffice;
  beforeEach(() => {
    office = createTestOffice();
  });
  afterEach(async () => {
    await office.dispose();
  });

  const zhang = { code: 'S001', name: '张伟', role: 'salesperson', hiredOn: '2026-03-01', baseSalaryFen: 300000 };

  it('creates, lists, edits and deactivates a staff member, auditing each change', async () => {
    const created = await callOk<StaffRow>(office, 'staff.create', zhang);
    expect(created).toMatchObject({ code: 'S001', name: '张伟', status: 'active', baseSalaryFen: 300000 });

    const edited = await callOk<StaffRow>(office, 'staff.update', { id: created.id, baseSalaryFen: 350050 });
    expect(edited.baseSalaryFen).toBe(350050);

    await callOk(office, 'staff.deactivate', { id: created.id, leftOn: '2026-10-31' });
    expect(await callOk<StaffRow[]>(office, 'staff.list', {})).toHaveLength(0);
    const all = await callOk<StaffRow[]>(office, 'staff.list', { includeLeft: true });
    expect(all[0]).toMatchObject({ status: 'left', leftOn: '2026-10-31' });

    const actions = await office.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['staff.create', 'staff.update', 'staff.deactivate']);
  });

  it('refuses a duplicate 工号 regardless of case, naming who holds it', async () => {
    await callOk(office, 'staff.create', zhang);
    const result = await office.call(owner, 'staff.create', { ...zhang, code: 's001', name: '李娜' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('conflict');
    expect(result.error.message).toContain('张伟');
    expect(result.error.messageEn).toContain('already used');
    expect(await callOk<StaffRow[]>(office, 'staff.list', {})).toHaveLength(1);
  });

  it.each([
    ['negative', -1],
    ['fractional fen', 10.5],
    ['non-numeric', '三千'],
  ])('refuses a %s salary with a bilingual message and writes nothing', async (_label, salary) => {
    const result = await office.call(owner, 'staff.create', { ...zhang, baseSalaryFen: salary });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.details?.issues?.[0]?.path).toBe('baseSalaryFen');
    expect(result.error.message).toMatch(/底薪/);
    expect(result.error.messageEn).toMatch(/salary/i);
    expect(await callOk<StaffRow[]>(office, 'staff.list', {})).toHaveLength(0);
  });

  it('rejects extra fields and impossible dates', async () => {
    const extra = await office.call(owner, 'staff.create', { ...zhang, bonus: 1 });
    expectRefused(extra, 'invalid_input', ['(输入)']);
    const badDate = await office.call(owner, 'staff.create', { ...zhang, hiredOn: '2026-02-30' });
    expect(badDate.ok ? null : badDate.error.details?.issues?.[0]?.path).toBe('hiredOn');
  });

  it('lets only managers and owners change staff', async () => {
    const clerk = await office.call(actorOf('clerk'), 'staff.create', zhang);
    expect(clerk.ok ? null : clerk.error.code).toBe('forbidden');
    const anonymous = await office.call(null, 'staff.list', {});
    expect(anonymous.ok ? null : anonymous.error.code).toBe('unauthenticated');
    const manager = await office.call(actorOf('manager'), 'staff.create', zhang);
    expect(manager.ok).toBe(true);
  });

  it('refuses a leaving date before the hire date', async () => {
    const created = await callOk<StaffRow>(office, 'staff.create', zhang);
    const result = await office.call(owner, 'staff.deactivate', { id: created.id, leftOn: '2026-01-01' });
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
  });
});
