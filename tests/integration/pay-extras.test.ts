import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow, MonthPlans } from '../../shared/contract/commission';
import type { ClientDetail } from '../../shared/contract/clients';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { BonusRuleRow, PayItemRow } from '../../shared/contract/pay-terms';
import type { PerformanceSheet, PersonalStatement } from '../../shared/performance/performance-types';
import type { Actor } from '../../shared/roles';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';
import { exportSheet } from '../../electron/server/performance/sheet.export';
import { readXlsxRows } from '../../electron/server/testing/sheet-files';
import { expectRefused } from '../../electron/server/testing/refusal';

/** 奖金/扣款 items and rules, and 阶梯提成, through dispatch on a real office file. */
let office: TestOffice;
let clock: Date;

beforeEach(() => {
  clock = new Date('2026-10-20T03:00:00Z');
  office = createTestOffice({ now: () => clock });
});
afterEach(() => office.dispose());

const plan = { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

async function sale(
  staffId: number,
  name: string,
  signedOn: string,
  amountFen: number,
  paidFen = amountFen,
  renewalOf?: ContractDetail,
) {
  const clientId =
    renewalOf?.clientId ?? (await callOk<ClientDetail>(office, 'clients.create', { name, ownerStaffId: staffId })).id;
  const contract = await callOk<ContractDetail>(office, 'contracts.create', {
    clientId,
    staffId,
    amountFen,
    signedOn,
    status: 'signed',
    ...(renewalOf ? { renewalOfId: renewalOf.id } : {}),
  });
  if (paidFen) await callOk(office, 'payments.create', { contractId: contract.id, paidOn: signedOn, amountFen: paidFen });
  return contract;
}

const rowOf = async (month: string, code: string, actor?: Actor) =>
  (await callOk<PerformanceSheet>(office, 'performance.sheet', { month }, actor)).rows.find((r) => r.code === code)!;

describe('奖金 and 扣款', () => {
  it('puts one-off and recurring items in their own columns, the statement, the pay total, the export and the log', async () => {
    const zhang = (await staffActor(office, 'S001', '张伟')).staff;
    await callOk(office, 'plans.set', { month: '2026-10', staffId: null, plan });
    await sale(zhang.id, '华联超市', '2026-10-05', 4_000_000);
    await callOk<PayItemRow>(office, 'payitems.create', {
      staffId: zhang.id,
      kind: 'bonus',
      category: '开单奖',
      reason: '签下华联超市',
      amountFen: 50_000,
      fromMonth: '2026-10',
      toMonth: '2026-10',
    });
    const allowance = await callOk<PayItemRow>(office, 'payitems.create', {
      staffId: zhang.id,
      kind: 'bonus',
      category: '全勤奖',
      reason: '每月全勤',
      amountFen: 20_000,
      fromMonth: '2026-10',
      toMonth: null,
    });
    await callOk(office, 'payitems.create', {
      staffId: zhang.id,
      kind: 'deduction',
      category: '迟到',
      reason: '10 月 12 日迟到',
      amountFen: 5_000,
      fromMonth: '2026-10',
      toMonth: '2026-10',
    });
    const oct = await rowOf('2026-10', 'S001');
    expect(oct.pay).toMatchObject({ bonusFen: 70_000, deductionFen: 5_000, commissionFen: 250_000 });
    expect(oct.pay!.totalPayFen).toBe(300_000 + 250_000 + 15_000 + 70_000 - 5_000);
    // The recurring one carries on into November; the one-offs do not.
    expect((await rowOf('2026-11', 'S001')).pay).toMatchObject({ bonusFen: 20_000, deductionFen: 0 });

    const statement = await callOk<PersonalStatement>(office, 'performance.statement', { month: '2026-10', staffId: zhang.id });
    expect(statement.payLines.map((l) => [l.category, l.kind, l.amountFen])).toEqual([
      ['开单奖', 'bonus', 50_000],
      ['全勤奖', 'bonus', 20_000],
      ['迟到', 'deduction', 5_000],
    ]);
    const file = await exportSheet(await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' }), 'xlsx');
    const rows = await readXlsxRows(file.dataBase64);
    const header = rows.find((r) => r.includes('奖金'))!;
    const line = rows.find((r) => r[0] === '张伟')!;
    expect(Number(line[header.indexOf('奖金')])).toBe(700);
    expect(Number(line[header.indexOf('扣款')])).toBe(50);
    const log = await callOk<{ rows: AuditRow[] }>(office, 'audit.list', { entity: 'payitem' });
    expect(log.rows.map((r) => r.action)).toEqual(['payitems.create', 'payitems.create', 'payitems.create']);

    // Closing October freezes them: nothing added there, the recurring item only stops from November.
    clock = new Date('2026-11-03T03:00:00Z');
    await callOk(office, 'months.close', { month: '2026-10' });
    const late = await office.call(actorOf('manager'), 'payitems.create', {
      staffId: zhang.id,
      kind: 'bonus',
      category: '季度奖',
      reason: '补发',
      amountFen: 1_000,
      fromMonth: '2026-10',
      toMonth: '2026-10',
    });
    expect(late.ok ? null : late.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('已月结') });
    const deleted = await office.call(actorOf('manager'), 'payitems.delete', { id: allowance.id });
    expect(deleted.ok ? null : deleted.error.code).toBe('conflict');
    const tooEarly = await office.call(actorOf('manager'), 'payitems.stop', { id: allowance.id, lastMonth: '2026-10' });
    expect(tooEarly.ok).toBe(true);
    expect((await rowOf('2026-11', 'S001')).pay!.bonusFen).toBe(0);
    expect((await rowOf('2026-10', 'S001')).pay!.bonusFen).toBe(70_000);

    // A clerk sees none of it.
    const clerk = actorOf('clerk');
    expectRefused(await office.call(clerk, 'payitems.list', { month: '2026-10' }), 'forbidden');
    expect(
      JSON.stringify(await callOk(office, 'performance.statement', { month: '2026-10', staffId: zhang.id }, clerk)),
    ).not.toMatch(/bonus|deduction|开单奖|迟到/);
  });

  it('bonus rules compute themselves: per contract, top collector (ties share), and a streak of months', async () => {
    const a = (await staffActor(office, 'S001', '张伟')).staff;
    const b = (await staffActor(office, 'S002', '李娜')).staff;
    const m = (await staffActor(office, 'M001', '王经理', 'manager')).staff;
    clock = new Date('2026-08-20T03:00:00Z');
    for (const month of ['2026-08', '2026-09', '2026-10']) await callOk(office, 'plans.set', { month, staffId: null, plan });
    const rules = [
      { name: '开单奖', amountFen: 10_000, def: { kind: 'per_contract', minAmountFen: 300_000, newOnly: true } },
      { name: '回款冠军', amountFen: 50_000, def: { kind: 'top_collector' } },
      { name: '连续达标', amountFen: 30_000, def: { kind: 'streak', months: 3 } },
    ];
    for (const r of rules) await callOk<BonusRuleRow>(office, 'bonusrules.create', { ...r, fromMonth: '2026-08', toMonth: null });
    // 张伟 meets the 30,000 target in Aug, Sep and Oct; 李娜 only in Oct but collects as much then.
    await sale(a.id, '八月客户', '2026-08-03', 3_000_000);
    clock = new Date('2026-09-20T03:00:00Z');
    await callOk(office, 'months.close', { month: '2026-08' });
    await sale(a.id, '九月客户', '2026-09-03', 3_000_000);
    clock = new Date('2026-10-20T03:00:00Z');
    const first = await sale(a.id, '十月客户', '2026-10-03', 3_000_000);
    await sale(a.id, '十月小单', '2026-10-04', 200_000, 0); // below ¥3,000: no 开单奖
    await sale(a.id, '十月续费', '2026-10-05', 400_000, 0, first); // a renewal: not new
    await sale(b.id, '李娜大单', '2026-10-06', 3_000_000);
    await sale(m.id, '经理的单', '2026-10-07', 9_000_000); // managers are not in these rules

    const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' });
    const statement = (id: number) =>
      callOk<PersonalStatement>(office, 'performance.statement', { month: '2026-10', staffId: id });
    const linesA = (await statement(a.id)).payLines.map((l) => [l.category, l.amountFen]);
    expect(linesA).toEqual([
      ['开单奖', 10_000],
      ['回款冠军', 50_000],
      ['连续达标', 30_000],
    ]);
    expect((await statement(b.id)).payLines.map((l) => [l.category, l.amountFen])).toEqual([
      ['开单奖', 10_000],
      ['回款冠军', 50_000],
    ]);
    expect((await statement(m.id)).payLines).toEqual([]);
    expect(sheet.rows.find((r) => r.code === 'S001')!.pay!.bonusFen).toBe(90_000);
    // The rules are printed with the sheet.
    expect(sheet.policies.map((p) => p.zh).join('\n')).toContain('每签一份 ≥ ¥3,000.00 的新合同奖 ¥100.00');
    // September: 张伟's run is 2 — no streak bonus yet; he alone is top collector.
    const sep = await callOk<PersonalStatement>(office, 'performance.statement', { month: '2026-09', staffId: a.id });
    expect(sep.payLines.map((l) => l.category)).toEqual(['开单奖', '回款冠军']);
  });
});

describe('阶梯提成', () => {
  it('pays by the team’s tiers, a person’s own tiers or rate, shows them in words, and copies them to the next month', async () => {
    const a = (await staffActor(office, 'S001', '张伟')).staff;
    const b = (await staffActor(office, 'S002', '李娜')).staff;
    const c = (await staffActor(office, 'S003', '王强')).staff;
    await callOk(office, 'plans.set', { month: '2026-10', staffId: null, plan });
    const tiers = [
      { fromBp: 0, ratePpm: 50_000 },
      { fromBp: 10_000, ratePpm: 80_000 },
      { fromBp: 15_000, ratePpm: 100_000 },
    ];
    await callOk<MonthPlans>(office, 'plans.setTiers', { month: '2026-10', staffId: null, tiers });
    await callOk(office, 'plans.setTiers', { month: '2026-10', staffId: b.id, tiers: [{ fromBp: 0, ratePpm: 60_000 }] });
    // 王强's own plan sets a rate: his own rate beats the team's tiers.
    await callOk(office, 'plans.set', { month: '2026-10', staffId: c.id, plan: { ...plan, rateBp: 400 } });
    for (const [id, name] of [
      [a.id, '甲'],
      [b.id, '乙'],
      [c.id, '丙'],
    ] as const)
      await sale(id, `阶梯客户${name}`, '2026-10-05', 5_000_000);
    const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' });
    const commission = (code: string) => sheet.rows.find((r) => r.code === code)!.pay!;
    // 30,000 × 5 % + 15,000 × 8 % + 5,000 × 10 % = 1,500 + 1,200 + 500.
    expect(commission('S001')).toMatchObject({ commissionWithinTargetFen: 150_000, commissionAboveTargetFen: 170_000 });
    expect(commission('S002').commissionFen).toBe(300_000);
    // The manual's rule at 4 %: 30,000 × 4 % + 20,000 × 8 %.
    expect(commission('S003').commissionFen).toBe(120_000 + 160_000);
    const notes = sheet.policies.map((p) => p.zh);
    expect(notes).toContain('阶梯提成(团队,业务员):目标的 0%–100% 按 5%,100%–150% 按 8%,150% 以上按 10%。');
    expect(notes).toContain('阶梯提成(李娜):目标的 0% 以上按 6%。');

    const copied = await callOk<MonthPlans>(office, 'plans.copyPrevious', { month: '2026-11' });
    expect(copied.teamTiers).toEqual(tiers);
    expect(copied.people.find((p) => p.staffId === b.id)!.ownTiers).toEqual([{ fromBp: 0, ratePpm: 60_000 }]);
    // Back to the manual's rule, and tiers that are not tiers are refused.
    await callOk(office, 'plans.setTiers', { month: '2026-11', staffId: null, tiers: null });
    expect((await callOk<MonthPlans>(office, 'plans.get', { month: '2026-11' })).teamTiers).toBeNull();
    const bad = await office.call(actorOf('manager'), 'plans.setTiers', {
      month: '2026-11',
      staffId: null,
      tiers: [
        { fromBp: 0, ratePpm: 1 },
        { fromBp: 0, ratePpm: 2 },
      ],
    });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    // A salesperson sees their own tiers (they are their own pay terms), a clerk cannot ask.
    const own = await callOk<MonthPlans>(office, 'plans.get', { month: '2026-10' }, { ...actorOf('salesperson'), staffId: a.id });
    expect(own.people.map((p) => p.tiers)).toEqual([tiers]);
    expect(own.teamTiers).toBeNull();
  });
});
