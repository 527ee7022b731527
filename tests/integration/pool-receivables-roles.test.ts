import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { poolContract, type PoolRow } from '../../shared/contract/pool';
import { receivablesContract, type ReceivablesList } from '../../shared/contract/receivables';
import { mergeContract } from '../../shared/contract/merge';
import { DEFAULT_POOL_SETTINGS } from '../../shared/pool/pool-rules';
import { ROLES, type Actor, type Role } from '../../shared/roles';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { createClientOk, staffActor } from '../../electron/server/testing/office-fixtures';

/**
 * The role matrix of issue 18's methods, written out: changing who may call one is a decision
 * this table has to be changed for. Then what the service layer adds for a salesperson: no pool
 * contacts by any road, no claims past the caps, only their own receivables.
 */
const O = 'owner';
const M = 'manager';
const C = 'clerk';
const S = 'salesperson';
const MATRIX: Record<string, readonly Role[]> = {
  'pool.settings': [O, M, C, S],
  'pool.updateSettings': [O, M],
  'pool.list': [O, M, C, S],
  'pool.summary': [O, M, C, S],
  'pool.claim': [O, M, S],
  'pool.assign': [O, M],
  'pool.putBack': [O, M],
  'pool.warnings': [O, M, C, S],
  'pool.run': [O, M],
  'schedules.get': [O, M, C, S],
  'schedules.set': [O, M, C, S],
  'receivables.list': [O, M, C, S],
  'receivables.aging': [O, M, C, S],
  'receivables.agingExport': [O, M, C],
  'receivables.summary': [O, M, C, S],
  'receivables.byStaff': [O, M, C, S],
  'receivables.settings': [O, M, C, S],
  'receivables.updateSettings': [O, M],
  'invoices.list': [O, M, C, S],
  'invoices.create': [O, M, C],
  'invoices.delete': [O, M],
  'merge.candidates': [O, M],
  'merge.preview': [O, M],
  'merge.apply': [O, M],
  // Existing methods whose input grew a pool choice.
  'staff.deactivate': [O, M],
  'dismissals.decide': [O],
};

let office: TestOffice;
let seller: Actor;
let other: Actor;
let poolClientId = 0;
beforeAll(async () => {
  office = createTestOffice({ now: () => new Date('2026-11-27T04:00:00Z') });
  seller = (await staffActor(office, 'S001', '张伟')).actor;
  other = (await staffActor(office, 'S002', '李娜')).actor;
  await callOk(office, 'pool.updateSettings', { ...DEFAULT_POOL_SETTINGS, dailyClaimCap: 1, holdingCap: null });
  poolClientId = (
    await createClientOk(office, {
      name: '公海星光',
      phones: ['13812345678'],
      wechat: 'star-wx',
      contactName: '王总',
      notes: '底价八折',
    })
  ).id;
  await createClientOk(office, { name: '公海月亮' });
});
afterAll(() => office.dispose());

describe('issue 18 role matrix', () => {
  it('declares exactly these roles for every method', () => {
    const mine = { ...poolContract, ...receivablesContract, ...mergeContract };
    for (const name of Object.keys(mine)) expect(MATRIX[name], `${name} is missing from the matrix`).toBeDefined();
    for (const [name, roles] of Object.entries(MATRIX)) {
      const def = contract[name as keyof typeof contract];
      expect([...(def.roles as readonly Role[])].sort(), name).toEqual([...roles].sort());
    }
  });

  it('dispatch refuses every other role, before any input is read', async () => {
    let refused = 0;
    for (const [name, roles] of Object.entries(MATRIX)) {
      for (const role of ROLES.filter((r) => !roles.includes(r))) {
        const answer = await office.call(actorOf(role), name, {});
        expect(answer.ok ? 'ok' : answer.error.code, `${name} as ${role}`).toBe('forbidden');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(25);
  });
});

describe('a salesperson and the pool', () => {
  it('cannot see a pool client’s phones, WeChat, contact or notes by any method', async () => {
    const secrets = ['13812345678', 'star-wx', '王总', '底价八折'];
    const answers = [
      await office.call(seller, 'pool.list', {}),
      await office.call(seller, 'pool.list', { search: '星光' }),
      await office.call(seller, 'clients.list', { ownerStaffId: 0 }),
      await office.call(seller, 'clients.get', { id: poolClientId }),
      await office.call(seller, 'followups.list', { clientId: poolClientId }),
      await office.call(seller, 'clients.ownerHistory', { clientId: poolClientId }),
      await office.call(seller, 'clients.checkDuplicates', { name: '公海星光', phones: ['13812345678'] }),
      await office.call(seller, 'clients.create', { name: '新的', phones: ['13812345678'] }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      for (const secret of secrets) expect(text, text.slice(0, 200)).not.toContain(secret);
    }
    const rows = (answers[0] as { ok: true; value: { rows: PoolRow[] } }).value.rows;
    expect(rows.map((r) => r.name).sort()).toEqual(['公海星光', '公海月亮']);
  });

  it('cannot claim past the daily cap; a clerk cannot claim at all', async () => {
    await callOk(office, 'pool.claim', { clientIds: [poolClientId] }, seller);
    const more = (await callOk<{ rows: PoolRow[] }>(office, 'pool.list', {}, seller)).rows.map((r) => r.id);
    const second = await office.call(seller, 'pool.claim', { clientIds: more });
    expect(second.ok ? null : second.error.code).toBe('conflict');
    expect(second.ok ? '' : second.error.message).toContain('还可领取 0 位');
    const clerk = await office.call(actorOf('clerk'), 'pool.claim', { clientIds: more });
    expect(clerk.ok ? null : clerk.error.code).toBe('forbidden');
  });

  it('sees only their own receivables', async () => {
    const mine = await createClientOk(office, { name: '我的客户' }, other);
    await callOk(
      office,
      'contracts.create',
      { clientId: mine.id, amountFen: 100_00, signedOn: '2026-11-01', status: 'signed' },
      other,
    );
    const theirs = await callOk<ReceivablesList>(office, 'receivables.list', { view: 'month' }, other);
    expect(theirs.rows.map((r) => r.clientName)).toEqual(['我的客户']);
    const his = await callOk<ReceivablesList>(office, 'receivables.list', { view: 'month' }, seller);
    expect(his.rows).toEqual([]);
  });
});
