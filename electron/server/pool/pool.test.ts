import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClientDetail, OwnerHistoryRow } from '../../../shared/contract/clients';
import type { ContractDetail } from '../../../shared/contract/contracts';
import { startDailyJobs } from '../schedule/daily-jobs';
import type { PoolRow, PoolRunResult, PoolSummary, PoolWarning } from '../../../shared/contract/pool';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from '../../../shared/pool/pool-rules';
import type { Actor } from '../../../shared/roles';
import { createClientOk, staffActor } from '../testing/office-fixtures';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { expectRefused } from '../testing/refusal';

// The office is in China: calendar days (daily caps, cooldowns) turn at midnight Asia/Shanghai.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

let clock = new Date('2026-11-02T02:00:00Z'); // 10:00 in Shanghai
let office: TestOffice;
beforeEach(() => {
  clock = new Date('2026-11-02T02:00:00Z');
  office = createTestOffice({ now: () => clock });
});
afterEach(() => office.dispose());

const RULES: PoolSettings = {
  ...DEFAULT_POOL_SETTINGS,
  autoReturn: true,
  warnDays: 3,
  dailyClaimCap: 2,
  holdingCap: 3,
  cooldownDays: 1,
  levels: {
    1: { noFollowUpDays: 30, noContractDays: null },
    2: { noFollowUpDays: 30, noContractDays: null },
    3: { noFollowUpDays: 30, noContractDays: null },
    4: { noFollowUpDays: 30, noContractDays: null },
  },
};

async function setRules(rules: PoolSettings = RULES): Promise<void> {
  await callOk(office, 'pool.updateSettings', rules);
}

async function followUp(clientId: number, happenedOn: string, actor: Actor = owner): Promise<void> {
  await callOk(office, 'followups.create', { clientId, happenedOn, way: 'phone', content: '电话沟通' }, actor);
}

describe('return rules and the daily job', () => {
  it('returns a client exactly N days after its last follow-up, with history and audit saying why', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    const client = await createClientOk(office, { name: '阳光超市', level: 3, ownerStaffId: staff.id, joinedOn: '2026-01-01' });
    await followUp(client.id, '2026-10-01');
    await setRules();

    const before = await callOk<PoolRunResult>(office, 'pool.run', { asOf: '2026-10-30' });
    expect(before).toMatchObject({ returned: 0, warned: 1 });
    const onTheDay = await callOk<PoolRunResult>(office, 'pool.run', { asOf: '2026-10-31' });
    expect(onTheDay.returned).toBe(1);
    expect(onTheDay.moves[0]).toMatchObject({
      clientId: client.id,
      fromName: '张伟',
      reason: 'no_follow_up',
      since: '2026-10-01',
    });

    const after = await callOk<ClientDetail>(office, 'clients.get', { id: client.id });
    expect(after.ownerStaffId).toBeNull();
    const history = await callOk<OwnerHistoryRow[]>(office, 'clients.ownerHistory', { clientId: client.id });
    expect(history.at(-1)).toMatchObject({ fromName: '张伟', toStaffId: null });
    expect(history.at(-1)!.reason).toContain('30 天未跟进');
    const audit = office.sqlite
      .prepare(`SELECT after_json FROM audit_log WHERE action = 'pool.return' AND entity_id = ?`)
      .pluck()
      .get(String(client.id)) as string;
    expect(JSON.parse(audit)).toMatchObject({ reason: 'no_follow_up', since: '2026-10-01', limitDays: 30 });
    // A second run for the same day moves nothing more.
    expect((await callOk<PoolRunResult>(office, 'pool.run', { asOf: '2026-10-31' })).returned).toBe(0);
  });

  it('leaves everyone where they are while automatic return is off, and exempts signed clients', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    const prospect = await createClientOk(office, { name: '意向客户', level: 2, ownerStaffId: staff.id, joinedOn: '2026-01-01' });
    const signed = await createClientOk(office, { name: '成交客户', level: 1, ownerStaffId: staff.id, joinedOn: '2026-01-01' });
    await setRules({ ...RULES, autoReturn: false });
    expect(await callOk<PoolRunResult>(office, 'pool.run', { asOf: '2026-12-01' })).toMatchObject({
      returned: 0,
      autoReturn: false,
    });
    await setRules({ ...RULES, exemptSigned: true });
    const run = await callOk<PoolRunResult>(office, 'pool.run', { asOf: '2026-12-01' });
    expect(run.moves.map((m) => m.clientId)).toEqual([prospect.id]);
    expect((await callOk<ClientDetail>(office, 'clients.get', { id: signed.id })).ownerStaffId).toBe(staff.id);
  });

  it('a claim restarts the clock: the new owner is not judged by the former owner’s silence', async () => {
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    const client = await createClientOk(office, { name: '老客户', level: 4, joinedOn: '2025-01-01' });
    await followUp(client.id, '2025-02-01');
    await setRules();
    await callOk(office, 'pool.claim', { clientIds: [client.id] }, li);
    expect((await callOk<PoolRunResult>(office, 'pool.run', { asOf: '2026-11-03' })).returned).toBe(0);
    expect((await callOk<PoolRunResult>(office, 'pool.run', { asOf: '2026-12-02' })).returned).toBe(1);
  });

  it('warns the owner N days before (their 跟进提醒), a salesperson only about their own', async () => {
    const { staff: zs, actor: zhang } = await staffActor(office, 'S1', '张伟');
    const { staff: ls, actor: li } = await staffActor(office, 'S2', '李娜');
    const a = await createClientOk(office, { name: '张的客户', level: 3, ownerStaffId: zs.id, joinedOn: '2026-01-01' });
    await createClientOk(office, { name: '李的客户', level: 3, ownerStaffId: ls.id, joinedOn: '2026-01-01' });
    await followUp(a.id, '2026-10-05');
    await setRules();
    const mine = await callOk<PoolWarning[]>(office, 'pool.warnings', { asOf: '2026-11-01' }, zhang);
    expect(mine).toEqual([
      expect.objectContaining({
        clientId: a.id,
        returnsOn: '2026-11-04',
        daysLeft: 3,
        reason: 'no_follow_up',
        ownerName: '张伟',
      }),
    ]);
    expect((await callOk<PoolWarning[]>(office, 'pool.warnings', { asOf: '2026-11-01' }, li)).map((w) => w.clientName)).toEqual([
      '李的客户',
    ]);
    const all = await callOk<PoolWarning[]>(office, 'pool.warnings', { asOf: '2026-11-01' });
    expect(all).toHaveLength(2);
    const summary = await callOk<PoolSummary>(office, 'pool.summary', { asOf: '2026-11-01' }, zhang);
    expect(summary.returningSoon).toBe(1);
  });
});

describe('the facts the rules read', () => {
  it('follow every write: follow-ups, contracts signed and cancelled, owner changes', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    const client = await createClientOk(office, { name: '事实客户', ownerStaffId: staff.id, joinedOn: '2026-01-01' });
    const facts = () =>
      office.sqlite.prepare('SELECT last_follow_up_on, last_signed_on, owned_at FROM clients WHERE id = ?').get(client.id) as {
        last_follow_up_on: string | null;
        last_signed_on: string | null;
        owned_at: string | null;
      };
    expect(facts()).toEqual({ last_follow_up_on: null, last_signed_on: null, owned_at: null });
    await followUp(client.id, '2026-10-05');
    await followUp(client.id, '2026-09-01'); // an older one logged late does not move it back
    expect(facts().last_follow_up_on).toBe('2026-10-05');
    const k = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId: client.id,
      amountFen: 100,
      signedOn: '2026-10-20',
      status: 'signed',
    });
    expect(facts().last_signed_on).toBe('2026-10-20');
    await callOk(office, 'contracts.update', { id: k.id, status: 'cancelled' });
    expect(facts().last_signed_on).toBeNull();
    clock = new Date('2026-11-02T03:00:00Z');
    const { staff: li } = await staffActor(office, 'S2', '李娜');
    await callOk(office, 'clients.reassign', { clientIds: [client.id], toStaffId: li.id, reason: '调整' });
    expect(facts().owned_at).toBe('2026-11-02T03:00:00.000Z');
  });
});

describe('claiming from the pool', () => {
  it('caps claims per calendar day; the count starts again at midnight in Shanghai', async () => {
    const { actor: zhang } = await staffActor(office, 'S1', '张伟');
    await setRules({ ...RULES, holdingCap: null });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await createClientOk(office, { name: `公海客户${i}` })).id);
    clock = new Date('2026-11-02T15:30:00Z'); // 23:30 in Shanghai, still the 2nd
    expect(await callOk(office, 'pool.claim', { clientIds: ids.slice(0, 2) }, zhang)).toMatchObject({
      claimed: 2,
      claimedToday: 2,
    });
    const third = await office.call(zhang, 'pool.claim', { clientIds: [ids[2]] });
    expect(third.ok).toBe(false);
    if (!third.ok) {
      expect(third.error.code).toBe('conflict');
      expect(third.error.message).toContain('每人每天最多领取 2 位');
      expect(third.error.messageEn).toContain('claim 2 clients a day');
    }
    // 00:00 in Shanghai is still the 2nd in UTC: the office's day decides.
    clock = new Date('2026-11-02T16:00:00Z');
    expect(await callOk(office, 'pool.claim', { clientIds: [ids[2]] }, zhang)).toMatchObject({ claimed: 1, claimedToday: 1 });
  });

  it('caps clients held, not counting signed (一级) clients; all or nothing', async () => {
    const { actor: zhang, staff } = await staffActor(office, 'S1', '张伟');
    await setRules({ ...RULES, dailyClaimCap: null, holdingCap: 2 });
    await createClientOk(office, { name: '已成交', level: 1 }, zhang);
    await createClientOk(office, { name: '在跟进', level: 3 }, zhang);
    const pool = [];
    for (let i = 0; i < 2; i++) pool.push((await createClientOk(office, { name: `池中${i}`, level: 3 })).id);
    const signedInPool = (await createClientOk(office, { name: '池中已成交', level: 1 })).id;
    const over = await office.call(zhang, 'pool.claim', { clientIds: pool });
    expect(over.ok ? null : over.error.message).toContain('最多持有 2 位未成交客户');
    expect(office.sqlite.prepare('SELECT count(*) FROM clients WHERE owner_staff_id = ?').pluck().get(staff.id)).toBe(2);
    await callOk(office, 'pool.claim', { clientIds: [pool[0], signedInPool] }, zhang);
    expect(office.sqlite.prepare('SELECT count(*) FROM clients WHERE owner_staff_id = ?').pluck().get(staff.id)).toBe(4);
  });

  it('makes a former owner wait the cooldown, counted in calendar days across midnight', async () => {
    const { actor: zhang, staff } = await staffActor(office, 'S1', '张伟');
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    await setRules({ ...RULES, cooldownDays: 1 });
    const client = await createClientOk(office, { name: '来回客户', ownerStaffId: staff.id });
    clock = new Date('2026-11-02T15:50:00Z'); // 23:50 on the 2nd in Shanghai
    await callOk(office, 'pool.putBack', { clientIds: [client.id], reason: '长期未跟进' });
    clock = new Date('2026-11-02T15:59:00Z');
    const early = await office.call(zhang, 'pool.claim', { clientIds: [client.id] });
    expect(early.ok ? null : early.error.message).toContain('2026-11-03 起才能再次领取');
    // Someone else may claim it at once… but put it back to test the former owner at midnight.
    clock = new Date('2026-11-02T16:00:00Z'); // 00:00 on the 3rd in Shanghai (still the 2nd in UTC)
    expect(await callOk(office, 'pool.claim', { clientIds: [client.id] }, zhang)).toMatchObject({ claimed: 1 });
    await callOk(office, 'pool.putBack', { clientIds: [client.id], reason: '再试' });
    expect(await callOk(office, 'pool.claim', { clientIds: [client.id] }, li)).toMatchObject({ claimed: 1 });
  });

  it('refuses a client someone else took meanwhile, saying whose it is', async () => {
    const { actor: zhang } = await staffActor(office, 'S1', '张伟');
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    await setRules();
    const client = await createClientOk(office, { name: '抢手客户' });
    await callOk(office, 'pool.claim', { clientIds: [client.id] }, li);
    const late = await office.call(zhang, 'pool.claim', { clientIds: [client.id] });
    expect(late.ok ? null : late.error.message).toContain('已属于 李娜');
    const nobody = await office.call(owner, 'pool.claim', { clientIds: [client.id] });
    expect(nobody.ok ? null : nobody.error.code).toBe('forbidden');
  });
});

describe('what a salesperson sees of the pool', () => {
  it('name, region, level, source and last follow-up — no phones, WeChat, contact or notes unless opened', async () => {
    const { actor: zhang } = await staffActor(office, 'S1', '张伟');
    const client = await createClientOk(office, {
      name: '星光广告',
      phones: ['13800138000'],
      wechat: 'xingguang',
      contactName: '王总',
      notes: '老板很难约',
      province: '广东省',
      city: '深圳市',
      source: 'exhibition',
      level: 2,
    });
    await followUp(client.id, '2026-10-20');
    const page = await callOk<{ rows: PoolRow[] }>(office, 'pool.list', {}, zhang);
    expect(page.rows).toHaveLength(1);
    const row = page.rows[0]!;
    expect(row).toMatchObject({ name: '星光广告', city: '深圳市', level: 2, source: 'exhibition', lastFollowUpOn: '2026-10-20' });
    expect(row.contacts).toBeUndefined();
    expect(row.formerOwnerName).toBeUndefined();
    const text = JSON.stringify(page);
    for (const secret of ['13800138000', 'xingguang', '王总', '老板很难约']) expect(text).not.toContain(secret);
    // Searching by phone finds nothing: a salesperson's search looks at names only.
    expect((await callOk<{ total: number }>(office, 'pool.list', { search: '13800138000' }, zhang)).total).toBe(0);
    expect((await callOk<{ total: number }>(office, 'pool.list', { search: '星光' }, zhang)).total).toBe(1);
    // The client file itself stays closed until claimed.
    expectRefused(await office.call(zhang, 'clients.get', { id: client.id }), 'not_found');
    expectRefused(await office.call(zhang, 'followups.list', { clientId: client.id }), 'not_found');

    await setRules({ ...RULES, showContacts: true });
    const opened = (await callOk<{ rows: PoolRow[] }>(office, 'pool.list', {}, zhang)).rows[0]!;
    expect(opened.contacts).toMatchObject({ contactName: '王总', phones: ['13800138000'], wechat: 'xingguang' });
    const managerView = (await callOk<{ rows: PoolRow[] }>(office, 'pool.list', {})).rows[0]!;
    expect(managerView.contacts?.notes).toBe('老板很难约');
  });

  it('撞单 on a pool client says 在公海中 and offers it; on an owned one, 属于 X and nothing more', async () => {
    const { actor: zhang } = await staffActor(office, 'S1', '张伟');
    const { staff: ls } = await staffActor(office, 'S2', '李娜');
    const pooled = await createClientOk(office, { name: '公海里的店', phones: ['13911112222'] });
    await createClientOk(office, { name: '李娜的店', phones: ['13933334444'], ownerStaffId: ls.id, notes: '秘密' });
    const inPool = await office.call(zhang, 'clients.create', { name: '新店', phones: ['139 1111 2222'] });
    expectRefused(inPool, 'conflict', ['phones']);
    if (!inPool.ok) {
      expect(inPool.error.message).toContain('在公海中');
      expect(inPool.error.messageEn).toContain('in the pool');
      expect(inPool.error.details?.duplicates).toEqual([
        expect.objectContaining({ inPool: true, clientId: pooled.id, clientName: '公海里的店' }),
      ]);
    }
    const owned = await office.call(zhang, 'clients.create', { name: '另一家', phones: ['13933334444'] });
    expectRefused(owned, 'conflict', ['phones']);
    if (!owned.ok) {
      expect(owned.error.message).toContain('属于 李娜');
      expect(JSON.stringify(owned.error)).not.toContain('李娜的店');
      expect(JSON.stringify(owned.error)).not.toContain('秘密');
    }
  });
});

describe('managers assign and put back', () => {
  it('assigns from the pool, and puts back one, many, or everything a filter matches', async () => {
    const { staff: zs } = await staffActor(office, 'S1', '张伟');
    const { staff: ls } = await staffActor(office, 'S2', '李娜');
    await setRules({ ...RULES, dailyClaimCap: 1, holdingCap: 1 });
    const pool = [];
    for (let i = 0; i < 3; i++) pool.push((await createClientOk(office, { name: `待分配${i}`, level: 4 })).id);
    // Caps are for claims: a manager's assignment is the manager's decision.
    expect(await callOk(office, 'pool.assign', { clientIds: pool, toStaffId: zs.id })).toEqual({ assigned: 3 });
    expect(await callOk(office, 'pool.putBack', { clientIds: [pool[0]], reason: '客户要求换人' })).toEqual({ returned: 1 });
    await createClientOk(office, { name: '李的一级', level: 1, ownerStaffId: ls.id });
    await createClientOk(office, { name: '李的四级', level: 4, ownerStaffId: ls.id });
    // Filtered: every level-4 client of 张伟 (the two left) — not 李娜's.
    expect(await callOk(office, 'pool.putBack', { filters: { ownerStaffId: zs.id, level: 4 }, reason: '清理四级客户' })).toEqual({
      returned: 2,
    });
    const history = await callOk<OwnerHistoryRow[]>(office, 'clients.ownerHistory', { clientId: pool[1]! });
    expect(history.map((h) => h.reason)).toEqual([
      '经理从公海分配 / Assigned from the pool',
      '退回公海:清理四级客户 / Put back: 清理四级客户',
    ]);
    const summary = await callOk<PoolSummary>(office, 'pool.summary', {});
    expect(summary.poolSize).toBe(3);
  });

  it('a leaving salesperson’s clients can go to the pool in the same step as 离职', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    await createClientOk(office, { name: '客户甲', ownerStaffId: staff.id });
    await createClientOk(office, { name: '客户乙', ownerStaffId: staff.id });
    await callOk(office, 'staff.deactivate', { id: staff.id, leftOn: '2026-11-02', clientsToPool: true });
    const owned = office.sqlite.prepare('SELECT count(*) FROM clients WHERE owner_staff_id = ?').pluck().get(staff.id);
    expect(owned).toBe(0);
    expect((await callOk<PoolSummary>(office, 'pool.summary', {})).poolSize).toBe(2);
    const reasons = office.sqlite.prepare(`SELECT kind, reason FROM client_owner_history`).all() as {
      kind: string;
      reason: string;
    }[];
    expect(reasons.every((r) => r.kind === 'leave' && r.reason.includes('张伟 离职'))).toBe(true);
  });
});

describe('the dismissal (待辞退) decision and the daily job', () => {
  it('a confirmed dismissal can send every client to the pool instead of to a colleague', async () => {
    clock = new Date('2026-04-10T03:00:00Z');
    const { staff } = await staffActor(office, 'S1', '张伟');
    const plan = { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };
    for (const month of ['2026-01', '2026-02']) await callOk(office, 'plans.set', { month, staffId: null, plan });
    const client = await createClientOk(office, { name: '张的客户', ownerStaffId: staff.id, joinedOn: '2025-12-01' });
    const k = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId: client.id,
      amountFen: 100_00,
      signedOn: '2026-01-05',
      status: 'signed',
    });
    await callOk(office, 'payments.create', { contractId: k.id, paidOn: '2026-01-05', amountFen: 100_00 });
    await callOk(office, 'months.close', { month: '2026-01' });
    await callOk(office, 'months.close', { month: '2026-02' });
    const done = await callOk<{ movedClients: number }>(office, 'dismissals.decide', {
      staffId: staff.id,
      month: '2026-02',
      decision: 'dismiss',
      reason: '连续两月未达保底',
      leftOn: '2026-03-31',
      clientsToPool: true,
    });
    expect(done.movedClients).toBe(1);
    expect((await callOk<ClientDetail>(office, 'clients.get', { id: client.id })).ownerStaffId).toBeNull();
    // The contract keeps its salesperson: money already earned stays theirs.
    expect((await callOk<ContractDetail>(office, 'contracts.get', { id: k.id })).staffId).toBe(staff.id);
  });

  it('the app’s daily jobs apply the rules once per office day', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    const client = await createClientOk(office, { name: '沉睡客户', level: 4, ownerStaffId: staff.id, joinedOn: '2026-01-01' });
    await setRules();
    const lines: string[] = [];
    const stop = startDailyJobs(office, (text) => lines.push(text));
    for (let i = 0; i < 200 && !lines.some((l) => l.startsWith('pool')); i++) await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(lines).toContain('pool: 1 returned, 0 warned');
    expect((await callOk<ClientDetail>(office, 'clients.get', { id: client.id })).ownerStaffId).toBeNull();
    const summary = await callOk<PoolSummary>(office, 'pool.summary', {});
    expect(summary.lastRun).toMatchObject({ asOf: '2026-11-02', returned: 1 });
  });
});
