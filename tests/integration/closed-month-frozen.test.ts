import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../shared/contract/clients';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { PerformanceSheet, PersonalStatement } from '../../shared/performance/performance-types';
import { openOffice } from '../../electron/server/office';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';

/**
 * Issue 15.4: after a dismissal in 2026-11 the closed 2026-10 sheet showed other 新签合同 counts,
 * other 资料完整度 and another status. A closed month shows exactly what was closed — every
 * column, activity figures, statuses and the lines behind each figure — until it is reopened.
 */
let office: TestOffice;
let clock: Date;

beforeEach(() => {
  clock = new Date('2026-09-20T03:00:00Z');
  office = createTestOffice({ now: () => clock });
});
afterEach(() => office.dispose());

const plan = { floorFen: 5_000_000, targetFen: 8_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

describe('a closed month stays as it was closed', () => {
  it('keeps every column, activity figure, status and drill-down line after a dismissal moves clients and contracts', async () => {
    const low = await staffActor(office, 'S001', '赵低迷');
    const heir = await staffActor(office, 'S002', '钱接手');
    for (const month of ['2026-09', '2026-10']) await callOk(office, 'plans.set', { month, staffId: null, plan });
    // October: 赵 signs two running contracts with new clients, logs follow-ups, collects a little.
    clock = new Date('2026-10-20T03:00:00Z');
    for (const [i, name] of ['冻结测试超市', '冻结测试五金'].entries()) {
      const client = await callOk<ClientDetail>(
        office,
        'clients.create',
        { name, ownerStaffId: low.staff.id, joinedOn: `2026-10-0${i + 2}` },
        low.actor,
      );
      await callOk(
        office,
        'followups.create',
        { clientId: client.id, happenedOn: '2026-10-12', way: 'phone', content: '介绍方案' },
        low.actor,
      );
      const contract = await callOk<ContractDetail>(office, 'contracts.create', {
        clientId: client.id,
        staffId: low.staff.id,
        amountFen: 1_000_000,
        signedOn: '2026-10-15',
        startsOn: '2026-10-15',
        endsOn: '2027-10-14',
        status: 'active',
      });
      await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-10-16', amountFen: 100_000 });
    }
    clock = new Date('2026-11-02T03:00:00Z');
    await callOk(office, 'months.close', { month: '2026-09' });
    await callOk(office, 'months.close', { month: '2026-10' });
    const clerk = actorOf('clerk');
    const read = async () => ({
      owner: await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' }),
      clerk: await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' }, clerk),
      statement: await callOk<PersonalStatement>(office, 'performance.statement', { month: '2026-10', staffId: low.staff.id }),
    });
    const closed = await read();
    const row = closed.owner.rows.find((r) => r.code === 'S001')!;
    expect(row).toMatchObject({ status: 'dismissal_due', activity: { newClients: 2, followUps: 2, newContracts: 2 } });
    expect(row.activity.completeness).not.toBeNull();

    // November: the owner dismisses 赵; every client and running contract goes to 钱; a client
    // file is completed; his name is corrected; a follow-up is back-dated into October.
    await callOk(office, 'dismissals.decide', {
      staffId: low.staff.id,
      month: '2026-10',
      decision: 'dismiss',
      reason: '连续两个月低于保底销售额',
      leftOn: '2026-11-02',
      reassignToStaffId: heir.staff.id,
    });
    const moved = await callOk<{ rows: { id: number }[] }>(office, 'clients.list', { ownerStaffId: heir.staff.id, limit: 10 });
    expect(moved.rows).toHaveLength(2);
    await callOk(office, 'clients.update', {
      id: moved.rows[0]!.id,
      contactName: '孙经理',
      address: '杭州市西湖区文三路 1 号',
      industry: '零售',
      email: 'sun@example.com',
    });
    await callOk(office, 'staff.update', { id: low.staff.id, name: '赵低迷(已离职)' });
    await callOk(
      office,
      'followups.create',
      { clientId: moved.rows[0]!.id, happenedOn: '2026-10-30', way: 'visit', content: '补录' },
      heir.actor,
    );

    const later = await read();
    expect(later.owner).toEqual(closed.owner);
    expect(later.clerk).toEqual(closed.clerk);
    expect(later.statement.lines).toEqual(closed.statement.lines);
    expect(later.statement.row).toEqual(closed.statement.row);

    // Reopened, the month is live again — so the freeze above was holding something back.
    await callOk(office, 'months.reopen', { month: '2026-10', reason: '核对' });
    const live = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' });
    const liveHeir = live.rows.find((r) => r.code === 'S002')!;
    expect(liveHeir.activity).toMatchObject({ newContracts: 2, followUps: 1 });
    expect(live.rows.find((r) => r.code === 'S001')!.status).toBe('left');
  });

  it('a month closed by an earlier version gets its activity frozen once by the migration', async () => {
    const seller = await staffActor(office, 'S001', '张伟');
    await callOk(office, 'clients.create', { name: '旧版本客户', ownerStaffId: seller.staff.id, joinedOn: '2026-09-03' });
    await callOk(office, 'months.close', { month: '2026-09' });
    // Put the file back the way the previous version left it: no activity in the snapshot, none
    // of this migration's tables, the migration not recorded.
    const db = office.sqlite;
    const snapshot = JSON.parse(
      db.prepare("SELECT snapshot_json FROM month_closes WHERE month = '2026-09'").pluck().get() as string,
    ) as {
      rows: { activity?: unknown }[];
    };
    for (const r of snapshot.rows) delete r.activity;
    db.prepare("UPDATE month_closes SET snapshot_json = ? WHERE month = '2026-09'").run(JSON.stringify(snapshot));
    db.exec(`DROP TABLE month_close_lines; DROP TABLE statement_confirmations; DROP TABLE confirmation_requests;
      DROP TABLE bonus_rules; DROP TABLE pay_items; DROP TABLE plan_tiers; DROP TABLE share_adjustments;
      DROP TABLE contract_share_parts; DROP TABLE contract_share_sets; DROP INDEX payments_credit_contract;
      DELETE FROM schema_migrations WHERE name = '20261127_1900_commission_extras';`);
    await office.close();
    const reopened = openOffice({ dataDir: office.dir, now: () => clock });
    try {
      const sheet = await callOk<PerformanceSheet>(reopened, 'performance.sheet', { month: '2026-09' });
      expect(sheet.rows[0]!.activity).toMatchObject({ newClients: 1, completeness: expect.any(Number) });
      // Frozen from now on: a client moved away later does not change the closed month.
      await callOk(reopened, 'clients.create', { name: '后来的客户', ownerStaffId: seller.staff.id, joinedOn: '2026-09-20' });
      expect(
        (await callOk<PerformanceSheet>(reopened, 'performance.sheet', { month: '2026-09' })).rows[0]!.activity.newClients,
      ).toBe(1);
    } finally {
      await reopened.close();
      fs.rmSync(office.dir, { recursive: true, force: true });
      office = createTestOffice({ now: () => clock });
    }
  });
});
