import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../shared/contract/clients';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { ContractShares } from '../../shared/contract/pay-terms';
import type { PerformanceSheet, PersonalStatement } from '../../shared/performance/performance-types';
import { callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';
import { basicsOf, monthBasics, monthBasicsOf, payMonth } from '../../electron/server/commission/month-figures';
import { salesByStaff, salesByStaffInMonths } from '../../electron/server/commission/credited-sales';

/**
 * 分成 end to end through dispatch on a real office file: shares split each payment (parts add
 * to the whole), the sheet, statement and drill-down use them, and changing shares after months
 * were closed lands as adjustments in the next open month — closed months untouched, nothing
 * counted twice after a reopen, every fen accounted for.
 */
let office: TestOffice;
let clock: Date;
const at = (iso: string) => (clock = new Date(iso));

beforeEach(() => {
  clock = new Date('2026-09-15T03:00:00Z');
  office = createTestOffice({ now: () => clock });
});
afterEach(() => office.dispose());

const plan = { floorFen: 100_000, targetFen: 1_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

async function sales(month: string): Promise<Record<string, number>> {
  const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month });
  return Object.fromEntries(sheet.rows.map((r) => [r.code, r.pay!.salesFen]));
}

async function setup() {
  const a = (await staffActor(office, 'S001', '张伟')).staff;
  const b = (await staffActor(office, 'S002', '李娜')).staff;
  const c = (await staffActor(office, 'S003', '王强')).staff;
  for (const month of ['2026-09', '2026-10', '2026-11']) await callOk(office, 'plans.set', { month, staffId: null, plan });
  const client = await callOk<ClientDetail>(office, 'clients.create', { name: '分成测试超市', ownerStaffId: a.id });
  const contract = await callOk<ContractDetail>(office, 'contracts.create', {
    clientId: client.id,
    staffId: a.id,
    amountFen: 1_100_001,
    signedOn: '2026-09-01',
    status: 'signed',
  });
  await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-09-10', amountFen: 600_001 });
  return { a, b, c, contract };
}

describe('分成 and adjustments after a close', () => {
  it('splits payments by shares on the sheet, statement and drill-down, parts adding to the whole', async () => {
    const { a, b, contract } = await setup();
    const shares = await callOk<ContractShares>(office, 'shares.set', {
      contractId: contract.id,
      parts: [
        { staffId: a.id, shareBp: 6000 },
        { staffId: b.id, shareBp: 4000 },
      ],
      note: '共同开发',
    });
    expect(shares.current.map((p) => [p.name, p.shareBp])).toEqual([
      ['张伟', 6000],
      ['李娜', 4000],
    ]);
    // 600,001 × 60 % = 360,000.6 and × 40 % = 240,000.4: the odd fen goes to the larger remainder.
    expect(await sales('2026-09')).toMatchObject({ S001: 360_001, S002: 240_000, S003: 0 });
    const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-09' });
    expect(sheet.totals.pay!.salesFen).toBe(600_001);
    // Commission follows the credited share: 5 % of 360,001 = 18,000.05 → 18,000.
    expect(sheet.rows.find((r) => r.code === 'S001')!.pay!.commissionFen).toBe(18_000);
    expect(sheet.policies.some((p) => p.key === 'shares')).toBe(true);

    const statement = await callOk<PersonalStatement>(office, 'performance.statement', { month: '2026-09', staffId: b.id });
    expect(statement.lines).toHaveLength(1);
    expect(statement.lines[0]).toMatchObject({ amountFen: 240_000, shareBp: 4000, kind: 'payment' });
    expect(statement.lines[0]!.note).toContain('分成 40%');
    // One language per field: the screen shows the one the person reads.
    expect(statement.lines[0]!.note).not.toMatch(/[A-Za-z]/);
    expect(statement.lines[0]!.noteEn).toContain('40% share of ¥');
  });

  it('a change after a close lands as adjustments in the next open month; closed months stay; nothing counts twice', async () => {
    const { a, b, c, contract } = await setup();
    const split = (parts: [number, number][]) =>
      callOk<ContractShares>(office, 'shares.set', {
        contractId: contract.id,
        parts: parts.map(([staffId, shareBp]) => ({ staffId, shareBp })),
      });
    await split([
      [a.id, 6000],
      [b.id, 4000],
    ]);
    at('2026-10-08T03:00:00Z');
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-10-05', amountFen: 400_000 });
    await callOk(office, 'months.close', { month: '2026-09' });
    at('2026-11-10T03:00:00Z');
    await callOk(office, 'months.close', { month: '2026-10' });
    const septBefore = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-09' });
    const octBefore = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' });

    // Correction: it was 50/50 between 张伟 and 王强 all along.
    const after = await split([
      [a.id, 5000],
      [c.id, 5000],
    ]);
    expect(after.history.at(-1)!.fromMonth).toBe('2026-11');
    expect(await callOk(office, 'performance.sheet', { month: '2026-09' })).toEqual(septBefore);
    expect(await callOk(office, 'performance.sheet', { month: '2026-10' })).toEqual(octBefore);
    // Sept 600,001: A 360,001 → 300,001; B 240,000 → 0; C 0 → 300,000. Oct 400,000: A 240,000 → 200,000; B 160,000 → 0; C → 200,000.
    expect(await sales('2026-11')).toMatchObject({ S001: -100_000, S002: -400_000, S003: 500_000 });
    expect(after.adjustments.every((x) => x.creditMonth === '2026-11')).toBe(true);
    const statement = await callOk<PersonalStatement>(office, 'performance.statement', { month: '2026-11', staffId: c.id });
    const byBasis = statement.lines.filter((l) => l.kind === 'adjustment');
    expect(byBasis.reduce((s, l) => s + l.amountFen, 0)).toBe(500_000);
    expect(byBasis[0]!.note).toContain('分成调整');
    expect(byBasis[0]!.noteEn).toContain('Shares changed');

    // Reopening October re-reads it with October's shares: the adjustment in November is not counted again.
    await callOk(office, 'months.reopen', { month: '2026-10', reason: '核对分成' });
    expect(await sales('2026-10')).toMatchObject({ S001: 240_000, S002: 160_000, S003: 0 });
    await callOk(office, 'months.close', { month: '2026-10' });

    // A second correction re-splits against what each already got, adjustments included.
    await split([
      [b.id, 3000],
      [c.id, 7000],
    ]);
    at('2026-11-20T03:00:00Z');
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-11-18', amountFen: 100_000 });
    const total = { S001: 0, S002: 0, S003: 0 } as Record<string, number>;
    for (const month of ['2026-09', '2026-10', '2026-11'])
      for (const [code, fen] of Object.entries(await sales(month))) total[code] = (total[code] ?? 0) + fen;
    // Every payment (1,100,001) credited exactly once, 30/70 in the end: 330,000.3 and 770,000.7 per payment, rounded.
    expect(total.S001).toBe(0);
    expect(total.S001! + total.S002! + total.S003!).toBe(1_100_001);
    expect(total).toEqual({ S001: 0, S002: 180_000 + 120_000 + 30_000, S003: 420_001 + 280_000 + 70_000 });
  });

  it('credits shares of contract amounts under the contracts basis, and refuses shares that do not add up', async () => {
    const { a, b, contract } = await setup();
    await callOk(office, 'commission.updateSettings', { creditBasis: 'contracts' });
    await callOk(office, 'shares.set', {
      contractId: contract.id,
      parts: [
        { staffId: a.id, shareBp: 3333 },
        { staffId: b.id, shareBp: 6667 },
      ],
    });
    // 1,100,001 × 33.33 % = 366,630.33; × 66.67 % = 733,370.67 → the odd fen to 66.67 %.
    expect(await sales('2026-09')).toMatchObject({ S001: 366_630, S002: 733_371 });
    const bad = await office.call({ staffId: null, code: 'T-owner', name: '店长', role: 'owner', via: 'test' }, 'shares.set', {
      contractId: contract.id,
      parts: [
        { staffId: a.id, shareBp: 5000 },
        { staffId: b.id, shareBp: 4000 },
      ],
    });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'invalid_input', messageEn: expect.stringContaining('exactly 100') });
    // Nothing half-written: the earlier shares stand.
    expect(await sales('2026-09')).toMatchObject({ S001: 366_630, S002: 733_371 });
  });

  it('a manager moves only the credit of people they manage: never their own, a manager’s or an owner’s', async () => {
    const { a, b, contract } = await setup();
    const owner = (await staffActor(office, 'B001', '赵店长', 'owner')).staff;
    const manager = (await staffActor(office, 'M001', '钱经理', 'manager')).actor;
    await callOk(office, 'shares.set', {
      contractId: contract.id,
      parts: [
        { staffId: a.id, shareBp: 5000 },
        { staffId: owner.id, shareBp: 5000 },
      ],
    });
    const split = (parts: [number, number][]) =>
      office.call(manager, 'shares.set', {
        contractId: contract.id,
        parts: parts.map(([staffId, shareBp]) => ({ staffId, shareBp })),
      });
    // The owner's half stays as it is: the manager re-splits the salespeople's half.
    const ok = await split([
      [a.id, 3000],
      [b.id, 2000],
      [owner.id, 5000],
    ]);
    expect(ok.ok).toBe(true);
    const before = await sales('2026-09');
    // Taking the owner's share, or crediting themself, is refused and changes nothing.
    const fromOwner = await split([
      [a.id, 5000],
      [b.id, 5000],
    ]);
    expect(fromOwner.ok ? null : fromOwner.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('赵店长'),
    });
    const toSelf = await split([
      [a.id, 2000],
      [manager.staffId!, 1000],
      [owner.id, 5000],
      [b.id, 2000],
    ]);
    expect(toSelf.ok ? null : toSelf.error).toMatchObject({ code: 'forbidden', messageEn: expect.stringContaining('own') });
    expect(await sales('2026-09')).toEqual(before);
    expect(before).toMatchObject({ S001: 180_000, S002: 120_000, B001: 300_001 });
  });

  it('a dismissed person’s shares go to the colleague taking over, from the first open month', async () => {
    const { a, b, c, contract } = await setup();
    await callOk(office, 'shares.set', {
      contractId: contract.id,
      parts: [
        { staffId: b.id, shareBp: 5000 },
        { staffId: c.id, shareBp: 5000 },
      ],
    });
    // 李娜 below the floor (she has 300,000 of Sept… but a floor of 400,000) two months running.
    for (const month of ['2026-09', '2026-10'])
      await callOk(office, 'plans.set', { month, staffId: b.id, plan: { ...plan, floorFen: 10_000_000 } });
    at('2026-11-03T03:00:00Z');
    await callOk(office, 'months.close', { month: '2026-09' });
    await callOk(office, 'months.close', { month: '2026-10' });
    await callOk(office, 'dismissals.decide', {
      staffId: b.id,
      month: '2026-10',
      decision: 'dismiss',
      reason: '连续两个月低于保底',
      leftOn: '2026-11-03',
      reassignToStaffId: a.id,
    });
    const shares = await callOk<ContractShares>(office, 'shares.get', { contractId: contract.id });
    expect(shares.current.map((p) => [p.name, p.shareBp])).toEqual([
      ['张伟', 5000],
      ['王强', 5000],
    ]);
    // September keeps what 李娜 earned; nothing is adjusted for the hand-over.
    expect(shares.adjustments).toEqual([]);
    expect(await sales('2026-09')).toMatchObject({ S002: 300_001, S003: 300_000 });
  });
});

describe('the trend and 连续达标 read a month’s basics without the whole computation', () => {
  it('gives, for open and closed months, the same sales, target and floor per person as the full figures', async () => {
    const { a, b, c, contract } = await setup();
    await callOk(office, 'shares.set', {
      contractId: contract.id,
      parts: [
        { staffId: a.id, shareBp: 6000 },
        { staffId: b.id, shareBp: 4000 },
      ],
      note: '共同开发',
    });
    await callOk(office, 'plans.set', { month: '2026-10', staffId: c.id, plan: { ...plan, targetFen: 50_000 } });
    at('2026-10-20T03:00:00Z');
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-10-12', amountFen: 300_000 });
    await callOk(office, 'months.close', { month: '2026-09' });
    for (const month of ['2026-08', '2026-09', '2026-10', '2026-11']) {
      const full = basicsOf(await payMonth(office, month));
      expect(await monthBasics(office, month)).toEqual(full);
    }
    // Not trivially equal: the shared payments are split, the closed month is the snapshot's.
    const october = await monthBasics(office, '2026-10');
    expect(october.closed).toBe(false);
    expect(october.rows.find((r) => r.staffId === b.id)?.salesFen).toBe(120_000);
    expect(october.rows.find((r) => r.staffId === c.id)?.targetFen).toBe(50_000);
    expect((await monthBasics(office, '2026-09')).closed).toBe(true);

    // Shares changed after September closed: its sales are re-split as adjustments credited to the
    // open month. Read in one pass over four months, every month is what it is read alone.
    await callOk(office, 'shares.set', {
      contractId: contract.id,
      parts: [
        { staffId: a.id, shareBp: 3000 },
        { staffId: c.id, shareBp: 7000 },
      ],
      note: '改为与王强分成',
    });
    const months = ['2026-08', '2026-09', '2026-10', '2026-11'];
    const inOnePass = salesByStaffInMonths(office.sqlite, '2026-08', '2026-11', 'payments');
    expect([...inOnePass.keys()].sort()).toEqual(['2026-09', '2026-10']);
    for (const month of months)
      expect(inOnePass.get(month) ?? new Map()).toEqual(salesByStaff(office.sqlite, month, 'payments'));
    const adjusted = office.sqlite
      .prepare('SELECT count(*) FROM share_adjustments WHERE credit_month = ?')
      .pluck()
      .get('2026-10') as number;
    expect(adjusted).toBeGreaterThan(0);
    const basics = await monthBasicsOf(office, months);
    for (const month of months) expect(basics.get(month)).toEqual(await monthBasics(office, month));
    for (const month of ['2026-10', '2026-11'])
      expect(basics.get(month)).toEqual(basicsOf(await payMonth(office, month)));
  });
});
