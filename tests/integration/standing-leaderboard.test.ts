import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectStanding } from '../../shared/commission/standing';
import type { ClientDetail } from '../../shared/contract/clients';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { Leaderboard, Standing } from '../../shared/contract/statements';
import type { PerformanceSheet } from '../../shared/performance/performance-types';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';
import { expectRefused } from '../../electron/server/testing/refusal';

/** The what-if ("where do I stand") and the 排行榜, through dispatch on a real office file. */
let office: TestOffice;

beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-10-20T03:00:00Z') });
});
afterEach(() => office.dispose());

const plan = { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

async function sale(staffId: number, name: string, day: string, amountFen: number, joinedOn = day): Promise<ContractDetail> {
  const client = await callOk<ClientDetail>(office, 'clients.create', { name, ownerStaffId: staffId, joinedOn });
  const contract = await callOk<ContractDetail>(office, 'contracts.create', {
    clientId: client.id,
    staffId,
    amountFen: amountFen * 3,
    signedOn: day,
    status: 'signed',
  });
  await callOk(office, 'payments.create', { contractId: contract.id, paidOn: day, amountFen });
  return contract;
}

describe('where do I stand (what-if)', () => {
  it('gives this month so far and projects “if ¥X more is collected” with the sheet’s own rule', async () => {
    const zhang = await staffActor(office, 'S001', '张伟');
    const li = await staffActor(office, 'S002', '李娜');
    await callOk(office, 'plans.set', { month: '2026-10', staffId: null, plan });
    const contract = await sale(zhang.staff.id, '华联超市', '2026-10-05', 800_000);
    // 回款计划: ¥8,000 received on the 5th; ¥5,000 more due on the 25th, the rest in November.
    await callOk(office, 'schedules.set', {
      contractId: contract.id,
      instalments: [
        { dueOn: '2026-10-05', amountFen: 800_000 },
        { dueOn: '2026-10-25', amountFen: 500_000 },
        { dueOn: '2026-11-25', amountFen: 1_100_000 },
      ],
    });
    const standing = await callOk<Standing>(office, 'standing.get', {}, zhang.actor);
    expect(standing).toMatchObject({ month: '2026-10', salesFen: 800_000, name: '张伟' });
    // Only what is still due this month: the paid instalment and November's are not listed.
    expect(standing.scheduled.map((s) => [s.dueOn, s.amountFen])).toEqual([['2026-10-25', 500_000]]);
    const now = projectStanding(standing.terms, standing.salesFen);
    expect(now).toMatchObject({ gapToFloorFen: 200_000, gapToTargetFen: 2_200_000, belowFloor: true, status: 'warning' });
    // The projection at today's sales is exactly the sheet's row.
    const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' });
    expect(now.commission.totalFen).toBe(sheet.rows.find((r) => r.code === 'S001')!.pay!.commissionFen);
    // ¥32,000 more: 40,000 in all → 1,500 + 1,000.
    expect(projectStanding(standing.terms, standing.salesFen + 3_200_000).commission.totalFen).toBe(250_000);

    // A salesperson sees only their own; a manager may look at anyone; a clerk may not ask.
    expectRefused(await office.call(zhang.actor, 'standing.get', { staffId: li.staff.id }), 'forbidden');
    expect((await callOk<Standing>(office, 'standing.get', { staffId: li.staff.id }, actorOf('manager'))).name).toBe('李娜');
    expectRefused(await office.call(actorOf('clerk'), 'standing.get', {}), 'forbidden');
  });

  it('lists the month’s 回款计划 instalments still due that credit the person, with 分成 applied', async () => {
    const zhang = await staffActor(office, 'S001', '张伟');
    const li = await staffActor(office, 'S002', '李娜');
    await callOk(office, 'plans.set', { month: '2026-10', staffId: null, plan });
    const shared = await sale(zhang.staff.id, '分期客户', '2026-10-05', 100_000);
    const own = await sale(li.staff.id, '李娜的客户', '2026-10-06', 100_000);
    await callOk(office, 'shares.set', {
      contractId: shared.id,
      parts: [
        { staffId: zhang.staff.id, shareBp: 7000 },
        { staffId: li.staff.id, shareBp: 3000 },
      ],
    });
    // 回款计划 on both contracts (¥1,000 of each already paid on signing, ¥3,000 signed).
    await callOk(office, 'schedules.set', {
      contractId: shared.id,
      instalments: [
        { dueOn: '2026-10-05', amountFen: 100_000 },
        { dueOn: '2026-10-25', amountFen: 100_001 },
        { dueOn: '2026-11-25', amountFen: 99_999 },
      ],
    });
    await callOk(office, 'schedules.set', {
      contractId: own.id,
      instalments: [
        { dueOn: '2026-10-06', amountFen: 100_000 },
        { dueOn: '2026-10-28', amountFen: 50_000 },
      ],
    });
    const standing = await callOk<Standing>(office, 'standing.get', {}, zhang.actor);
    // Only what would credit 张伟: his 70 % of the shared instalment (70,000.7 → 70,001).
    expect(standing.scheduled).toEqual([
      expect.objectContaining({ contractId: shared.id, amountFen: 100_001, creditFen: 70_001 }),
    ]);
    const theirs = await callOk<Standing>(office, 'standing.get', {}, li.actor);
    expect(theirs.scheduled.map((s) => s.creditFen)).toEqual([30_000, 50_000]);
  });
});

describe('排行榜', () => {
  it('ranks 业务员 by collected, new contracts and new clients; each role sees what it may', async () => {
    const a = await staffActor(office, 'S001', '张伟');
    const b = await staffActor(office, 'S002', '李娜');
    const c = await staffActor(office, 'S003', '王强');
    await staffActor(office, 'M001', '王经理', 'manager');
    await sale(a.staff.id, '甲一', '2026-10-02', 500_000);
    await sale(b.staff.id, '乙一', '2026-10-03', 900_000);
    await sale(b.staff.id, '乙二', '2026-10-04', 100_000, '2026-09-30');
    await sale(c.staff.id, '丙一', '2026-03-04', 5_000_000);
    const month = await callOk<Leaderboard>(office, 'leaderboard.get', { period: 'month' });
    expect(month.boards.collected.map((e) => [e.rank, e.name, e.value])).toEqual([
      [1, '李娜', 1_000_000],
      [2, '张伟', 500_000],
      [3, '王强', 0],
    ]);
    expect(month.boards.newContracts.map((e) => [e.rank, e.name, e.value])).toEqual([
      [1, '李娜', 2],
      [2, '张伟', 1],
      [3, '王强', 0],
    ]);
    // Ties share a rank: 李娜 and 张伟 each have one client who joined in October.
    expect(month.boards.newClients.map((e) => [e.rank, e.value])).toEqual([
      [1, 1],
      [1, 1],
      [3, 0],
    ]);
    const year = await callOk<Leaderboard>(office, 'leaderboard.get', { period: 'year' });
    expect(year.boards.collected[0]).toMatchObject({ name: '王强', value: 5_000_000, rank: 1 });
    expect(year.from).toBe('2026-01-01');

    // A salesperson: every rank, only their own figure.
    const mine = await callOk<Leaderboard>(office, 'leaderboard.get', { period: 'month' }, a.actor);
    expect(mine.boards.collected.map((e) => [e.rank, e.value, e.me])).toEqual([
      [1, null, false],
      [2, 500_000, true],
      [3, null, false],
    ]);
    // A clerk: no money figure; counts are activity, shown on the sheet to clerks too.
    const clerk = await callOk<Leaderboard>(office, 'leaderboard.get', { period: 'month' }, actorOf('clerk'));
    expect(clerk.boards.collected.every((e) => e.value === null)).toBe(true);
    expect(clerk.boards.newContracts[0]!.value).toBe(2);

    // The owner hides it: nobody else gets it; the owner still can (to show it again).
    await callOk(office, 'leaderboard.setHidden', { hidden: true });
    const hidden = await callOk<Leaderboard>(office, 'leaderboard.get', { period: 'month' }, actorOf('manager'));
    expect(hidden).toMatchObject({ hidden: true, boards: { collected: [], newContracts: [], newClients: [] } });
    expect((await callOk<Leaderboard>(office, 'leaderboard.get', { period: 'month' })).boards.collected).toHaveLength(3);
    expectRefused(await office.call(actorOf('manager'), 'leaderboard.setHidden', { hidden: false }), 'forbidden');
  });
});
