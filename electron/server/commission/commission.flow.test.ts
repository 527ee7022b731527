import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DismissalCase, MonthPlans } from '../../../shared/contract/commission';
import type { ClientDetail } from '../../../shared/contract/clients';
import type { ContractDetail } from '../../../shared/contract/contracts';
import type { PerformanceSheet, PersonalStatement } from '../../../shared/performance/performance-types';
import type { Actor } from '../../../shared/roles';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { staffActor } from '../testing/office-fixtures';
import { expectRefused } from '../testing/refusal';

let office: TestOffice;
let clock = new Date('2026-04-10T03:00:00Z');

beforeEach(() => {
  clock = new Date('2026-04-10T03:00:00Z');
  office = createTestOffice({ now: () => clock });
});
afterEach(() => office.dispose());

async function sale(actor: Actor, staffId: number, name: string, paidOn: string, amountFen: number): Promise<number> {
  const client = await callOk<ClientDetail>(office, 'clients.create', { name, ownerStaffId: staffId });
  const contract = await callOk<ContractDetail>(office, 'contracts.create', {
    clientId: client.id,
    staffId,
    amountFen: Math.max(amountFen, 100),
    signedOn: paidOn,
    status: 'signed',
  });
  await callOk(office, 'payments.create', { contractId: contract.id, paidOn, amountFen });
  void actor;
  return contract.id;
}

const teamPlan = { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

describe('commission, month close and the floor rule', () => {
  it('computes the manual example on the sheet, split within/above target, with the payments behind it', async () => {
    const zhang = await staffActor(office, 'S001', '张伟');
    await callOk(office, 'plans.set', { month: '2026-03', staffId: null, plan: teamPlan });
    await sale(owner, zhang.staff.id, '华联超市', '2026-03-05', 2_500_000);
    await sale(owner, zhang.staff.id, '金鑫贸易', '2026-03-20', 1_500_000);
    const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-03' });
    const row = sheet.rows.find((r) => r.code === 'S001')!;
    expect(row.pay).toMatchObject({
      salesFen: 4_000_000,
      commissionWithinTargetFen: 150_000,
      commissionAboveTargetFen: 100_000,
      commissionFen: 250_000,
      allowancesFen: 15_000,
      totalPayFen: 300_000 + 250_000 + 15_000,
      attainmentBp: 13_333,
      belowFloor: false,
    });
    const statement = await callOk<PersonalStatement>(office, 'performance.statement', {
      month: '2026-03',
      staffId: zhang.staff.id,
    });
    expect(statement.lines.map((l) => l.amountFen)).toEqual([2_500_000, 1_500_000]);
  });

  it('two closed below-floor months make 待辞退; the owner dismisses and every client moves', async () => {
    const li = await staffActor(office, 'S002', '李娜');
    const wang = await staffActor(office, 'S003', '王强');
    for (const month of ['2026-01', '2026-02', '2026-03'])
      await callOk(office, 'plans.set', { month, staffId: null, plan: teamPlan });
    await sale(owner, wang.staff.id, '王的客户', '2026-01-10', 2_000_000);
    await sale(owner, li.staff.id, '李的客户', '2026-01-12', 500_000);
    await callOk(office, 'months.close', { month: '2026-01' });
    let sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-01' });
    expect(sheet.rows.find((r) => r.code === 'S002')!.status).toBe('warning');
    expect(sheet.rows.find((r) => r.code === 'S003')!.status).toBe('ok');
    // February: 李娜 sells nothing (zero counts as below the floor).
    await callOk(office, 'months.close', { month: '2026-02' });
    sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-02' });
    const liRow = sheet.rows.find((r) => r.code === 'S002')!;
    expect(liRow.status).toBe('dismissal_due');
    expect(liRow.pay!.monthsBelowFloorInRow).toBe(2);
    // Nobody is dismissed automatically.
    const staff = await callOk<{ status: string }>(office, 'staff.get', { id: li.staff.id });
    expect(staff.status).toBe('dismissal_due');

    const cases = await callOk<DismissalCase[]>(office, 'dismissals.list');
    expect(cases).toHaveLength(1);
    expect(cases[0]!.evidence.map((e) => [e.month, e.salesFen])).toEqual([
      ['2026-01', 500_000],
      ['2026-02', 0],
    ]);
    const refused = await office.call(owner, 'dismissals.decide', {
      staffId: li.staff.id,
      month: '2026-02',
      decision: 'dismiss',
      reason: '连续两月未达保底',
    });
    expectRefused(refused, 'invalid_input', ['reassignToStaffId']);
    const done = await callOk<{ movedClients: number }>(office, 'dismissals.decide', {
      staffId: li.staff.id,
      month: '2026-02',
      decision: 'dismiss',
      reason: '连续两月未达保底',
      leftOn: '2026-03-05',
      reassignToStaffId: wang.staff.id,
    });
    expect(done.movedClients).toBe(1);
    const left = office.sqlite.prepare('SELECT status, left_on FROM staff WHERE id = ?').get(li.staff.id);
    expect(left).toEqual({ status: 'left', left_on: '2026-03-05' });
    expect(office.sqlite.prepare('SELECT count(*) FROM clients WHERE owner_staff_id = ?').pluck().get(li.staff.id)).toBe(0);
    expect(await callOk<DismissalCase[]>(office, 'dismissals.list')).toEqual([]);
    const audit = office.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'dismissals.%'`).pluck().all();
    expect(audit).toEqual(['dismissals.dismiss']);
  });

  it('freezes a closed month: late payments and refunds become adjustments in the next open month', async () => {
    const zhang = await staffActor(office, 'S001', '张伟');
    await callOk(office, 'plans.set', { month: '2026-02', staffId: null, plan: teamPlan });
    const contractId = await sale(owner, zhang.staff.id, '华联超市', '2026-02-10', 1_200_000);
    await callOk(office, 'months.close', { month: '2026-02' });
    const frozen = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-02' });
    // A refund dated in February, recorded after the close.
    await callOk(office, 'payments.create', { contractId, paidOn: '2026-02-25', amountFen: -200_000 });
    const again = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-02' });
    expect(again.rows).toEqual(frozen.rows);
    const march = await callOk<PersonalStatement>(office, 'performance.statement', { month: '2026-03', staffId: zhang.staff.id });
    expect(march.lines).toMatchObject([{ kind: 'adjustment', date: '2026-02-25', amountFen: -200_000 }]);
    expect(march.row.pay!.salesFen).toBe(-200_000);
    // A closed month's plan and payments cannot be changed; reopening needs the owner and a reason.
    expect((await office.call(owner, 'plans.set', { month: '2026-02', staffId: null, plan: teamPlan })).ok).toBe(false);
    const manager = { ...owner, role: 'manager' as const, code: 'M1' };
    expectRefused(await office.call(manager, 'months.reopen', { month: '2026-02', reason: '补录' }), 'forbidden');
    await callOk(office, 'months.reopen', { month: '2026-02', reason: '更正计划' });
    const reopened = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-02' });
    expect(reopened.closed).toBe(false);
    // The refund stays where it was credited: reopening does not move adjustments back.
    expect(reopened.rows.find((r) => r.code === 'S001')!.pay!.salesFen).toBe(1_200_000);
  });

  it('scopes the sheet: a clerk sees no pay at all, a salesperson only their own row', async () => {
    const zhang = await staffActor(office, 'S001', '张伟');
    await staffActor(office, 'S002', '李娜');
    const clerk = await staffActor(office, 'C001', '文员', 'clerk');
    await callOk(office, 'plans.set', { month: '2026-03', staffId: null, plan: teamPlan });
    const clerkSheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-03' }, clerk.actor);
    expect(clerkSheet.showsPay).toBe(false);
    expect(JSON.stringify(clerkSheet)).not.toMatch(/Fen"|baseSalary|commission/);
    expect((await office.call(clerk.actor, 'plans.get', { month: '2026-03' })).ok).toBe(false);
    const own = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-03' }, zhang.actor);
    expect(own.rows.map((r) => r.code)).toEqual(['S001']);
    const plans = await callOk<MonthPlans>(office, 'plans.get', { month: '2026-03' }, zhang.actor);
    expect(plans.people.map((p) => p.code)).toEqual(['S001']);
    expectRefused(await office.call(zhang.actor, 'plans.set', { month: '2026-03', staffId: null, plan: teamPlan }), 'forbidden');
  });

  it('copies last month’s plan in one action and audits every change', async () => {
    const zhang = await staffActor(office, 'S001', '张伟');
    await callOk(office, 'plans.set', { month: '2026-03', staffId: null, plan: teamPlan });
    await callOk(office, 'plans.set', {
      month: '2026-03',
      staffId: zhang.staff.id,
      plan: { ...teamPlan, targetFen: 5_000_000, leaveReason: null },
    });
    const copied = await callOk<MonthPlans>(office, 'plans.copyPrevious', { month: '2026-04' });
    expect(copied.team).toMatchObject({ floorFen: 1_000_000, targetFen: 3_000_000 });
    expect(copied.people.find((p) => p.code === 'S001')!.effective).toMatchObject({ targetFen: 5_000_000, source: 'person' });
    const actions = office.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'plan' ORDER BY id`).pluck().all();
    expect(actions).toEqual(['plans.set', 'plans.set', 'plans.copyPrevious']);
  });
});
