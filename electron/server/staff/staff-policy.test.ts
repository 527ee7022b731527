import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRow, StaffStatusEvent } from '../../../shared/contract/staff';
import type { Actor } from '../../../shared/roles';
import { staffActor } from '../testing/office-fixtures';
import { giveQuickPassword } from '../testing/quick-password';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';

let office: TestOffice;
let boss: { staff: StaffRow; actor: Actor };
let manager: { staff: StaffRow; actor: Actor };
let otherManager: { staff: StaffRow; actor: Actor };
let seller: { staff: StaffRow; actor: Actor };

beforeEach(async () => {
  office = createTestOffice({ now: () => new Date('2026-04-10T03:00:00Z') });
  boss = await staffActor(office, 'B001', '王店长', 'owner');
  manager = await staffActor(office, 'M001', '李经理', 'manager');
  otherManager = await staffActor(office, 'M002', '赵经理', 'manager');
  seller = await staffActor(office, 'S001', '张伟', 'salesperson');
});
afterEach(() => office.dispose());

const codeOf = async (method: string, input: unknown, actor: Actor): Promise<string> => {
  const answer = await office.call(actor, method, input);
  return answer.ok ? 'ok' : answer.error.code;
};
/** An import as `actor`: how many rows went in and every message it gave (report or refusal). */
async function importAs(method: string, csv: string, actor: Actor): Promise<{ inserted: number; messages: string }> {
  const answer = await office.call(actor, method, { fileName: 'file.csv', dataBase64: Buffer.from(csv).toString('base64') });
  if (!answer.ok) return { inserted: 0, messages: JSON.stringify(answer.error) };
  const report = answer.value as { inserted: number; issues: { message: string }[] };
  return { inserted: report.inserted, messages: report.issues.map((i) => i.message).join(' | ') };
}
const staffRows = () =>
  office.sqlite.prepare('SELECT id, code, role, status, left_on, base_salary_fen FROM staff ORDER BY id').all();

describe('a manager manages salespeople and clerks only (issue 14.1)', () => {
  it('cannot make themself owner, nor then take the owner’s password', async () => {
    const before = staffRows();
    expect(await codeOf('staff.update', { id: manager.staff.id, role: 'owner' }, manager.actor)).toBe('forbidden');
    expect(await codeOf('auth.setPassword', { staffId: boss.staff.id, password: 'Taken2026pass' }, manager.actor)).toBe(
      'forbidden',
    );
    expect(staffRows()).toEqual(before);
    expect(office.sqlite.prepare('SELECT count(*) FROM staff_passwords').pluck().get()).toBe(0);
  });

  it('cannot create an owner or a manager, by hand or by import; can create a salesperson or clerk', async () => {
    const person = { name: '新人', hiredOn: '2026-04-01', baseSalaryFen: 100 };
    expect(await codeOf('staff.create', { ...person, code: 'X1', role: 'owner' }, manager.actor)).toBe('forbidden');
    expect(await codeOf('staff.create', { ...person, code: 'X2', role: 'manager' }, manager.actor)).toBe('forbidden');
    expect(await codeOf('staff.create', { ...person, code: 'X3', role: 'clerk' }, manager.actor)).toBe('ok');
    const csv = '工号,姓名,角色,入职日期,底薪\nX4,甲,店长,2026-04-01,1000\nX5,乙,业务员,2026-04-01,1000\n';
    const report = await importAs('staff.import', csv, manager.actor);
    expect(report.inserted).toBe(0);
    expect(report.messages).toContain('只有店长可以添加店长');
    expect(office.sqlite.prepare(`SELECT count(*) FROM staff WHERE code IN ('X1','X2','X4','X5')`).pluck().get()).toBe(0);
  });

  it('cannot edit, mark 离职 or reinstate an owner or another manager — or themself', async () => {
    const before = staffRows();
    for (const target of [boss, otherManager, manager]) {
      expect(await codeOf('staff.update', { id: target.staff.id, baseSalaryFen: 9_999_999 }, manager.actor)).toBe('forbidden');
      expect(await codeOf('staff.deactivate', { id: target.staff.id, leftOn: '2026-04-10' }, manager.actor)).toBe('forbidden');
    }
    expect(staffRows()).toEqual(before);
  });

  it('edits a salesperson but cannot promote them above clerk', async () => {
    expect(await codeOf('staff.update', { id: seller.staff.id, baseSalaryFen: 320_000 }, manager.actor)).toBe('ok');
    expect(await codeOf('staff.update', { id: seller.staff.id, role: 'clerk' }, manager.actor)).toBe('ok');
    expect(await codeOf('staff.update', { id: seller.staff.id, role: 'manager' }, manager.actor)).toBe('forbidden');
    expect(await codeOf('staff.update', { id: seller.staff.id, role: 'owner' }, manager.actor)).toBe('forbidden');
    expect(office.sqlite.prepare('SELECT role FROM staff WHERE id = ?').pluck().get(seller.staff.id)).toBe('clerk');
  });

  it('sets plans and allowances of salespeople and clerks, not of managers or owners', async () => {
    const plan = { floorFen: 1, targetFen: 2, rateBp: 9_000, multiplierPct: 1_000, leaveReason: null };
    const month = '2026-04';
    expect(await codeOf('plans.set', { month, staffId: manager.staff.id, plan }, manager.actor)).toBe('forbidden');
    expect(await codeOf('plans.set', { month, staffId: boss.staff.id, plan }, manager.actor)).toBe('forbidden');
    expect(await codeOf('plans.set', { month, staffId: seller.staff.id, plan }, manager.actor)).toBe('ok');
    expect(await codeOf('plans.set', { month, staffId: null, plan }, manager.actor)).toBe('ok');
    expect(await codeOf('plans.set', { month, staffId: manager.staff.id, plan }, boss.actor)).toBe('ok');
    expect(await codeOf('plans.clear', { month, staffId: manager.staff.id }, manager.actor)).toBe('forbidden');
    const items = [{ name: '交通', amountFen: 9_999_999 }];
    expect(await codeOf('allowances.set', { role: 'manager', items }, manager.actor)).toBe('forbidden');
    expect(await codeOf('allowances.set', { role: 'owner', items }, manager.actor)).toBe('forbidden');
    expect(await codeOf('allowances.set', { role: 'salesperson', items }, manager.actor)).toBe('ok');
    const csv = `月份,工号,保底销售额,目标销售额,提成比例\n${month},M001,1,2,90%\n`;
    const report = await importAs('plans.import', csv, manager.actor);
    expect(report.inserted).toBe(0);
    expect(report.messages).toContain('只有店长可以设置工号 M001 的指标');
    expect(office.sqlite.prepare('SELECT rate_bp FROM monthly_plans WHERE staff_id = ?').pluck().get(manager.staff.id)).toBe(
      9_000,
    );
  });
});

describe('the last owner (issue 14.1, 15.3)', () => {
  it('cannot be marked 离职 nor demoted — not even by themself — while no other owner exists', async () => {
    expect(await codeOf('staff.deactivate', { id: boss.staff.id, leftOn: '2026-04-10' }, boss.actor)).toBe('conflict');
    expect(await codeOf('staff.update', { id: boss.staff.id, role: 'manager' }, owner)).toBe('conflict');
    const answer = await office.call(owner, 'staff.deactivate', { id: boss.staff.id, leftOn: '2026-04-10' });
    expect(answer.ok ? '' : answer.error.message).toContain('唯一的店长');
    expect(office.sqlite.prepare('SELECT role, status FROM staff WHERE id = ?').get(boss.staff.id)).toEqual({
      role: 'owner',
      status: 'active',
    });
    // With a second owner the first may step down.
    await callOk(office, 'staff.update', { id: manager.staff.id, role: 'owner' }, boss.actor);
    expect(await codeOf('staff.update', { id: boss.staff.id, role: 'manager' }, boss.actor)).toBe('ok');
    expect(await codeOf('staff.deactivate', { id: manager.staff.id, leftOn: '2026-04-10' }, owner)).toBe('conflict');
  });

  it('while sign-in is on, the only owner who can sign in stays an owner until another owner has a password', async () => {
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    await callOk(office, 'staff.update', { id: manager.staff.id, role: 'owner' });
    expect(await codeOf('staff.deactivate', { id: boss.staff.id, leftOn: '2026-04-10' }, owner)).toBe('conflict');
    giveQuickPassword(office, manager.staff.id, 'Mgr2026pass');
    expect(await codeOf('staff.deactivate', { id: boss.staff.id, leftOn: '2026-04-10' }, owner)).toBe('ok');
  });
});

describe('恢复在职 (issue 15.3)', () => {
  it('brings back someone who left, with the leaving kept in the history and the audit log', async () => {
    await callOk(office, 'staff.deactivate', { id: seller.staff.id, leftOn: '2026-03-31' }, manager.actor);
    const back = await callOk<StaffRow>(
      office,
      'staff.reinstate',
      { id: seller.staff.id, on: '2026-04-08', reason: '误操作离职' },
      manager.actor,
    );
    expect(back).toMatchObject({ status: 'active', leftOn: null, hiredOn: '2025-01-01' });
    const history = await callOk<StaffStatusEvent[]>(office, 'staff.history', { id: seller.staff.id });
    expect(history.map((h) => [h.event, h.effectiveOn, h.toStatus, h.reason, h.byCode])).toEqual([
      ['hired', '2025-01-01', 'active', '', 'T-owner'],
      ['left', '2026-03-31', 'left', '', 'M001'],
      ['reinstated', '2026-04-08', 'active', '误操作离职', 'M001'],
    ]);
    const actions = office.sqlite.prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id`).pluck();
    expect(actions.all(String(seller.staff.id))).toEqual(['staff.create', 'staff.deactivate', 'staff.reinstate']);
    expect(await codeOf('staff.reinstate', { id: seller.staff.id, reason: '再来一次' }, owner)).toBe('conflict');
  });

  it('is refused before the hire date, and for a manager acting on an owner or manager', async () => {
    await callOk(office, 'staff.update', { id: manager.staff.id, role: 'owner' });
    await callOk(office, 'staff.deactivate', { id: boss.staff.id, leftOn: '2026-04-01' });
    await callOk(office, 'staff.deactivate', { id: otherManager.staff.id, leftOn: '2026-04-01' });
    await callOk(office, 'staff.deactivate', { id: seller.staff.id, leftOn: '2026-04-01' });
    const m3 = await staffActor(office, 'M003', '钱经理', 'manager');
    for (const target of [boss, otherManager])
      expect(await codeOf('staff.reinstate', { id: target.staff.id, reason: '回来了' }, m3.actor)).toBe('forbidden');
    expect(await codeOf('staff.reinstate', { id: seller.staff.id, on: '2024-12-31', reason: '回来了' }, owner)).toBe(
      'invalid_input',
    );
    expect(await codeOf('staff.reinstate', { id: boss.staff.id, reason: '回来了' }, owner)).toBe('ok');
  });

  it('signs out whoever leaves, at once', async () => {
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    giveQuickPassword(office, seller.staff.id, 'Sell2026pass');
    const login = await office.call(null, 'auth.login', { code: 'S001', password: 'Sell2026pass' });
    expect(login.ok).toBe(true);
    expect(office.sqlite.prepare('SELECT count(*) FROM sessions WHERE staff_id = ?').pluck().get(seller.staff.id)).toBe(1);
    await callOk(office, 'staff.deactivate', { id: seller.staff.id, leftOn: '2026-04-10' });
    expect(office.sqlite.prepare('SELECT count(*) FROM sessions WHERE staff_id = ?').pluck().get(seller.staff.id)).toBe(0);
  });
});
