import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail, ContractRow, PaymentRow, RenewalRow } from '../../../shared/contract/contracts';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { createClientOk, staffActor } from '../testing/office-fixtures';

describe('contracts, payments and renewals', () => {
  let office: TestOffice;
  beforeEach(() => {
    office = createTestOffice({ now: () => new Date('2026-06-10T09:00:00') });
  });
  afterEach(async () => {
    await office.dispose();
  });

  it("keeps each contract's paid sum (a trigger-maintained column) equal to its payments through adds, refunds and deletes", async () => {
    const client = await createClientOk(office, { name: '金鑫贸易' });
    const a = await callOk<ContractDetail>(office, 'contracts.create', { clientId: client.id, amountFen: 500000 });
    const b = await callOk<ContractDetail>(office, 'contracts.create', { clientId: client.id, amountFen: 200000 });
    const p1 = await callOk<PaymentRow>(office, 'payments.create', { contractId: a.id, paidOn: '2026-06-01', amountFen: 120000 });
    await callOk(office, 'payments.create', { contractId: a.id, paidOn: '2026-06-02', amountFen: 80000 });
    await callOk(office, 'payments.create', { contractId: a.id, paidOn: '2026-06-03', amountFen: -30000 });
    await callOk(office, 'payments.create', { contractId: b.id, paidOn: '2026-06-03', amountFen: 200000 });
    await callOk(office, 'payments.delete', { id: p1.id, reason: '录错' });
    const summed = office.sqlite
      .prepare(
        'SELECT k.id, k.paid_fen AS kept, COALESCE((SELECT sum(amount_fen) FROM payments p WHERE p.contract_id = k.id), 0) AS summed FROM contracts k ORDER BY k.id',
      )
      .all() as { id: number; kept: number; summed: number }[];
    expect(summed.map((r) => [r.kept, r.summed])).toEqual([
      [50000, 50000],
      [200000, 200000],
    ]);
    const list = await callOk<{ totals: { paidFen: number; balanceFen: number } }>(office, 'contracts.list', {});
    expect(list.totals).toMatchObject({ paidFen: 250000, balanceFen: 450000 });
  });

  it('numbers contracts, takes partial payments and refunds, and keeps the balance', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    const client = await createClientOk(office, { name: '华联超市', ownerStaffId: staff.id });
    const k = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId: client.id,
      product: '建站',
      amountFen: 360000,
      signedOn: '2026-06-01',
      startsOn: '2026-06-01',
      endsOn: '2027-05-31',
      status: 'signed',
    });
    expect(k).toMatchObject({ number: 'HT-2026-0001', staffId: staff.id, staffName: '张伟', balanceFen: 360000, payments: [] });
    expect((await callOk<ContractDetail>(office, 'contracts.create', { clientId: client.id, amountFen: 1 })).number).toBe(
      'HT-2026-0002',
    );
    await callOk<PaymentRow>(office, 'payments.create', {
      contractId: k.id,
      paidOn: '2026-06-02',
      amountFen: 100000,
      method: 'wechat',
    });
    await callOk<PaymentRow>(office, 'payments.create', { contractId: k.id, paidOn: '2026-06-05', amountFen: 260000 });
    const over = await office.call(owner, 'payments.create', { contractId: k.id, paidOn: '2026-06-06', amountFen: 1 });
    expect(over.ok ? null : over.error.code).toBe('conflict');
    const refund = await callOk<PaymentRow>(office, 'payments.create', {
      contractId: k.id,
      paidOn: '2026-06-07',
      amountFen: -60000,
      notes: '部分退款',
    });
    expect(refund).toMatchObject({ amountFen: -60000, staffId: staff.id });
    const tooMuch = await office.call(owner, 'payments.create', { contractId: k.id, paidOn: '2026-06-08', amountFen: -400000 });
    expect(tooMuch.ok ? null : tooMuch.error.message).toMatch(/退款/);
    const detail = await callOk<ContractDetail>(office, 'contracts.get', { id: k.id });
    expect([detail.paidFen, detail.balanceFen, detail.payments.length]).toEqual([300000, 60000, 3]);
    const lower = await office.call(owner, 'contracts.update', { id: k.id, amountFen: 100 });
    expect(lower.ok ? null : lower.error.code).toBe('conflict');
    await callOk(office, 'contracts.update', { id: k.id, status: 'cancelled' });
    const afterCancel = await office.call(owner, 'payments.create', { contractId: k.id, paidOn: '2026-06-09', amountFen: 100 });
    expect(afterCancel.ok ? null : afterCancel.error.message).toMatch(/已作废/);
    await callOk(office, 'payments.create', { contractId: k.id, paidOn: '2026-06-09', amountFen: -300000 });
    const list = await callOk<{ rows: ContractRow[]; totals: { amountFen: number } }>(office, 'contracts.list', {
      unpaidOnly: true,
    });
    expect(list.rows.map((r) => r.number)).toEqual(['HT-2026-0002']);
    const duplicateNumber = await office.call(owner, 'contracts.create', {
      clientId: client.id,
      number: 'ht-2026-0001',
      amountFen: 1,
    });
    expect(duplicateNumber.ok ? null : duplicateNumber.error.code).toBe('conflict');
  });

  it('lists renewals due and lapsed by client join date, and one action renews', async () => {
    const late = await createClientOk(office, { name: '晚加入', joinedOn: '2024-05-01' });
    const early = await createClientOk(office, { name: '早加入', joinedOn: '2020-01-01' });
    const mid = await createClientOk(office, { name: '中间', joinedOn: '2022-01-01' });
    const mk = (clientId: number, endsOn: string, status = 'active') =>
      callOk<ContractDetail>(office, 'contracts.create', {
        clientId,
        product: '年费',
        amountFen: 36000,
        signedOn: '2025-01-01',
        startsOn: '2025-07-01',
        endsOn,
        status,
      });
    const dueLate = await mk(late.id, '2026-06-30');
    await mk(early.id, '2026-07-20');
    await mk(mid.id, '2026-05-31');
    await mk(mid.id, '2026-06-20', 'cancelled');
    const rows = await callOk<RenewalRow[]>(office, 'renewals.list', { withinDays: 60 });
    expect(rows.map((r) => [r.clientName, r.state, r.daysLeft])).toEqual([
      ['早加入', 'due', 40],
      ['中间', 'lapsed', -10],
      ['晚加入', 'due', 20],
    ]);
    expect(rows[1]!.displayStatus).toBe('expired');
    expect(
      (await callOk<RenewalRow[]>(office, 'renewals.list', { withinDays: 30, includeLapsed: false })).map((r) => r.clientName),
    ).toEqual(['晚加入']);
    const renewed = await callOk<ContractDetail>(office, 'contracts.renew', { id: dueLate.id });
    expect(renewed).toMatchObject({
      renewalOfId: dueLate.id,
      renewalOfNumber: dueLate.number,
      startsOn: '2026-07-01',
      endsOn: '2027-06-30',
      amountFen: 36000,
      status: 'draft',
      product: '年费',
    });
    expect((await callOk<ContractDetail>(office, 'contracts.get', { id: dueLate.id })).renewedById).toBe(renewed.id);
    // A draft renewal keeps the reminder (nothing is signed yet), showing the draft…
    const withDraft = await callOk<RenewalRow[]>(office, 'renewals.list', { withinDays: 60 });
    expect(withDraft.map((r) => [r.clientName, r.renewalDraft?.number ?? null])).toEqual([
      ['早加入', null],
      ['中间', null],
      ['晚加入', renewed.number],
    ]);
    // …sorted by the end date when asked…
    expect(
      (await callOk<RenewalRow[]>(office, 'renewals.list', { withinDays: 60, order: 'due' })).map((r) => r.clientName),
    ).toEqual(['中间', '晚加入', '早加入']);
    // …and the reminder goes once the renewal is signed.
    await callOk(office, 'contracts.update', { id: renewed.id, status: 'signed', signedOn: '2026-06-25' });
    expect((await callOk<RenewalRow[]>(office, 'renewals.list', { withinDays: 60 })).map((r) => r.clientName)).toEqual([
      '早加入',
      '中间',
    ]);
    const again = await office.call(owner, 'contracts.renew', { id: dueLate.id });
    expect(again.ok ? null : again.error.message).toContain('已续费');
  });

  it('keeps a salesperson to contracts of own clients', async () => {
    const { actor: zhang } = await staffActor(office, 'S1', '张伟');
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    const mine = await createClientOk(office, { name: '张的客户' }, zhang);
    const theirs = await createClientOk(office, { name: '李的客户' }, li);
    const k = await callOk<ContractDetail>(office, 'contracts.create', { clientId: mine.id, amountFen: 5000 }, zhang);
    expect(k.staffName).toBe('张伟');
    await callOk(office, 'contracts.create', { clientId: theirs.id, amountFen: 5000 }, li);
    const list = await callOk<{ rows: ContractRow[]; total: number }>(office, 'contracts.list', {}, zhang);
    expect(list.rows.map((r) => r.clientName)).toEqual(['张的客户']);
    const other = await office.call(zhang, 'contracts.create', { clientId: theirs.id, amountFen: 1 });
    expect(other.ok ? null : other.error.code).toBe('not_found');
    const pay = await office.call(zhang, 'payments.create', { contractId: k.id, paidOn: '2026-06-01', amountFen: 1 });
    expect(pay.ok ? null : pay.error.code).toBe('forbidden');
  });
});
