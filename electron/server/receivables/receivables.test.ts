import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail } from '../../../shared/contract/contracts';
import type {
  AgingReport,
  ContractSchedule,
  InvoiceRow,
  ReceivablesList,
  ReceivablesSummary,
  StaffReceivables,
} from '../../../shared/contract/receivables';
import type { ExportFile } from '../../../shared/imports/export-file';
import { addDays } from '../../../shared/calendar';
import { presetSchedule } from '../../../shared/receivables/schedule';
import type { Actor } from '../../../shared/roles';
import { createClientOk, staffActor } from '../testing/office-fixtures';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';

let office: TestOffice;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-11-27T04:00:00Z') });
});
afterEach(() => office.dispose());

async function contract(input: Record<string, unknown> = {}, actor: Actor = owner): Promise<ContractDetail> {
  const client = await createClientOk(office, { name: `客户${Math.random().toString(36).slice(2, 8)}` }, actor);
  return callOk<ContractDetail>(
    office,
    'contracts.create',
    { clientId: client.id, amountFen: 3000_00, signedOn: '2026-09-01', status: 'signed', ...input },
    actor,
  );
}

const pay = (contractId: number, paidOn: string, amountFen: number) =>
  callOk(office, 'payments.create', { contractId, paidOn, amountFen });

describe('回款计划', () => {
  it('three monthly instalments: part payments and a refund spread oldest first, 已收 / 部分 / 逾期 N 天', async () => {
    const k = await contract();
    const plan = presetSchedule('monthly', 3000_00, '2026-09-01', { count: 3 });
    await callOk(office, 'schedules.set', { contractId: k.id, instalments: plan });
    await pay(k.id, '2026-09-01', 1500_00); // the first, and half of the second
    let s = await callOk<ContractSchedule>(office, 'schedules.get', { contractId: k.id });
    expect(s.instalments.map((i) => [i.dueOn, i.paidFen, i.state, i.overdueDays])).toEqual([
      ['2026-09-01', 1000_00, 'paid', 0],
      ['2026-10-01', 500_00, 'partial', 57],
      ['2026-11-01', 0, 'unpaid', 26],
    ]);
    expect(s.instalments[0]!.settledOn).toBe('2026-09-01');
    await pay(k.id, '2026-11-10', 1000_00);
    await pay(k.id, '2026-11-20', -700_00); // a refund takes back from the newest instalment paid
    s = await callOk<ContractSchedule>(office, 'schedules.get', { contractId: k.id });
    expect(s.instalments.map((i) => i.paidFen)).toEqual([1000_00, 800_00, 0]);
    expect(s.instalments[1]!.settledOn).toBeNull();
    expect(s).toMatchObject({ paidFen: 1800_00, scheduledFen: 3000_00, unscheduledFen: 0 });
  });

  it('refuses a schedule above the contract or before signing, bilingual, and keeps the old one', async () => {
    const k = await contract();
    await callOk(office, 'schedules.set', { contractId: k.id, instalments: [{ dueOn: '2026-09-01', amountFen: 1000_00 }] });
    const over = await office.call(owner, 'schedules.set', {
      contractId: k.id,
      instalments: [
        { dueOn: '2026-09-01', amountFen: 2000_00 },
        { dueOn: '2026-10-01', amountFen: 1500_00 },
      ],
    });
    expect(over.ok).toBe(false);
    if (!over.ok) {
      expect(over.error.code).toBe('invalid_input');
      expect(over.error.message).toContain('超过合同金额 3,000.00 元(多 500.00 元)');
      expect(over.error.messageEn).toContain('more than the contract');
    }
    const early = await office.call(owner, 'schedules.set', {
      contractId: k.id,
      instalments: [{ dueOn: '2026-08-31', amountFen: 100 }],
    });
    expect(early.ok ? null : early.error.details?.issues?.[0]).toMatchObject({ path: 'instalments.0.dueOn' });
    const kept = await callOk<ContractSchedule>(office, 'schedules.get', { contractId: k.id });
    expect(kept.instalments.map((i) => i.amountFen)).toEqual([1000_00]);
    // Less than the contract is allowed: the difference is shown.
    expect(kept.unscheduledFen).toBe(2000_00);
  });

  it('a contract edit may not leave its schedule above the amount or before signing', async () => {
    const k = await contract();
    await callOk(office, 'schedules.set', { contractId: k.id, instalments: presetSchedule('halves', 3000_00, '2026-09-01') });
    const lower = await office.call(owner, 'contracts.update', { id: k.id, amountFen: 2000_00 });
    expect(lower.ok ? null : lower.error.message).toContain('请先修改回款计划');
    const later = await office.call(owner, 'contracts.update', { id: k.id, signedOn: '2026-09-15' });
    expect(later.ok ? null : later.error.code).toBe('conflict');
    expect((await callOk<ContractDetail>(office, 'contracts.get', { id: k.id })).amountFen).toBe(3000_00);
  });

  it('refuses overpayment (more than the balance) and a refund above what was received, writing nothing', async () => {
    const k = await contract({ amountFen: 1000_00 });
    await pay(k.id, '2026-09-02', 600_00);
    const over = await office.call(owner, 'payments.create', { contractId: k.id, paidOn: '2026-09-03', amountFen: 400_01 });
    expect(over.ok ? null : over.error.code).toBe('conflict');
    if (!over.ok) expect(over.error.messageEn).toContain('would exceed');
    const refund = await office.call(owner, 'payments.create', { contractId: k.id, paidOn: '2026-09-03', amountFen: -600_01 });
    expect(refund.ok ? null : refund.error.message).toContain('超过了已收金额');
    expect((await callOk<ContractDetail>(office, 'contracts.get', { id: k.id })).payments).toHaveLength(1);
  });
});

describe('应收 lists and the aging report', () => {
  it('buckets amounts on their edges: due today 0–30, 30 | 31, 60 | 61, 90 | 91, and not yet due', async () => {
    const asOf = '2026-11-27';
    const ages = [-1, 0, 30, 31, 60, 61, 90, 91];
    const k = await contract({ amountFen: 8000_00, signedOn: '2026-01-01' });
    await callOk(office, 'schedules.set', {
      contractId: k.id,
      instalments: ages.map((age) => ({ dueOn: addDays(asOf, -age), amountFen: 1000_00 })),
    });
    const report = await callOk<AgingReport>(office, 'receivables.aging', { asOf });
    expect(report.totals).toEqual({
      notDue: 1000_00,
      d0_30: 2000_00,
      d31_60: 2000_00,
      d61_90: 2000_00,
      d90plus: 1000_00,
      totalFen: 8000_00,
    });
    // Money received fills the oldest first: the 91-day amount goes, then half the 90.
    await pay(k.id, asOf, 1500_00);
    const after = await callOk<AgingReport>(office, 'receivables.aging', { asOf });
    expect(after.totals).toMatchObject({ d90plus: 0, d61_90: 1500_00, totalFen: 6500_00 });
    expect(after.byStaff).toHaveLength(1);
    expect(after.byClient[0]!.totalFen).toBe(6500_00);
  });

  it('the lists spread money over instalments (net, from paid_fen) the same way as the schedule screen (payment by payment)', async () => {
    const k = await contract({ amountFen: 1000_00, signedOn: '2026-06-01' });
    await callOk(office, 'schedules.set', {
      contractId: k.id,
      instalments: [
        { dueOn: '2026-10-01', amountFen: 300_00 },
        { dueOn: '2026-06-01', amountFen: 300_00 },
        { dueOn: '2026-12-01', amountFen: 200_00 },
      ],
    });
    await pay(k.id, '2026-06-05', 450_00);
    await pay(k.id, '2026-07-05', -100_00);
    const screen = await callOk<ContractSchedule>(office, 'schedules.get', { contractId: k.id });
    const lines = await callOk<ReceivablesList>(office, 'receivables.list', { view: 'range' });
    const fromSql = new Map(lines.rows.map((l) => [l.instalmentId, l.outstandingFen]));
    for (const i of screen.instalments) expect(fromSql.get(i.id) ?? 0, i.dueOn).toBe(i.outstandingFen);
  });

  it('本周 and 本月应收, 逾期 by salesperson and client; a salesperson sees their own', async () => {
    const { actor: zhang } = await staffActor(office, 'S1', '张伟');
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    const a = await contract({ amountFen: 900_00, signedOn: '2026-10-01' }, zhang);
    await callOk(office, 'schedules.set', {
      contractId: a.id,
      instalments: [
        { dueOn: '2026-10-15', amountFen: 300_00 }, // overdue
        { dueOn: '2026-11-24', amountFen: 300_00 }, // this week (Mon 23 – Sun 29), already past
        { dueOn: '2026-11-30', amountFen: 300_00 }, // this month? no — next Monday, still November
      ],
    });
    // No schedule: the whole balance is due on signing (一次付清).
    const b = await contract({ amountFen: 500_00, signedOn: '2026-11-26' }, li);
    const week = await callOk<ReceivablesList>(office, 'receivables.list', { view: 'week' });
    expect(week.rows.map((r) => [r.contractNumber, r.dueOn])).toEqual([
      [a.number, '2026-11-24'],
      [b.number, '2026-11-26'],
    ]);
    const month = await callOk<ReceivablesList>(office, 'receivables.list', { view: 'month' });
    expect(month.total).toEqual({ count: 3, outstandingFen: 1100_00 });
    const overdue = await callOk<ReceivablesList>(office, 'receivables.list', { view: 'overdue' });
    expect(overdue.rows.map((r) => [r.dueOn, r.daysPastDue])).toEqual([
      ['2026-10-15', 43],
      ['2026-11-24', 3],
      ['2026-11-26', 1],
    ]);
    expect(overdue.byStaff.map((s) => [s.name, s.outstandingFen])).toEqual([
      ['张伟', 600_00],
      ['李娜', 500_00],
    ]);
    expect(overdue.byClient).toHaveLength(2);
    const hers = await callOk<ReceivablesList>(office, 'receivables.list', { view: 'overdue' }, li);
    expect(hers.rows.map((r) => r.contractId)).toEqual([b.id]);
    const summary = await callOk<ReceivablesSummary>(office, 'receivables.summary', {});
    expect(summary).toMatchObject({
      week: { count: 2, outstandingFen: 800_00 },
      overdue: { count: 3, outstandingFen: 1100_00 },
      soon: { count: 1, outstandingFen: 300_00, days: 7 },
    });
    const sheet = await callOk<StaffReceivables>(office, 'receivables.byStaff', { month: '2026-11' });
    expect(sheet.rows.find((r) => r.staffName === '张伟')).toMatchObject({ dueInMonthFen: 600_00, overdueFen: 600_00 });
  });

  it('exports the aging report to Excel with money as numbers', async () => {
    const k = await contract({ amountFen: 1234_56, signedOn: '2026-08-01' });
    expect(k.id).toBeGreaterThan(0);
    const file = await callOk<ExportFile>(office, 'receivables.agingExport', { asOf: '2026-11-27', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    // Signed 2026-08-01, nothing paid: 118 days, the 90 天以上 column (client, salesperson, then five buckets).
    expect(sheet.getRow(1).getCell(7).value).toBe('90 天以上 / Over 90 days');
    expect(sheet.getRow(2).getCell(7).value).toBe(1234.56);
    expect(sheet.getRow(2).getCell(8).value).toBe(1234.56);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('合计 / Total');
  });
});

describe('发票登记', () => {
  it('records invoices against a contract and its payments; 已开票 / 未开票; refuses what does not fit', async () => {
    const k = await contract({ amountFen: 1000_00 });
    const other = await contract({ amountFen: 1000_00 });
    await pay(k.id, '2026-09-02', 600_00);
    const payment = (await callOk<ContractDetail>(office, 'contracts.get', { id: k.id })).payments[0]!;
    const strange = (
      await callOk<{ id: number }>(office, 'payments.create', { contractId: other.id, paidOn: '2026-09-02', amountFen: 100_00 })
    ).id;
    const invoice = await callOk<InvoiceRow>(office, 'invoices.create', {
      contractId: k.id,
      title: '深圳阳光科技有限公司',
      taxNo: '91440300ma5fxxxx1x',
      amountFen: 600_00,
      number: '24440000000012345678',
      issuedOn: '2026-09-05',
      paymentIds: [payment.id],
    });
    expect(invoice).toMatchObject({ taxNo: '91440300MA5FXXXX1X', paymentIds: [payment.id] });
    const s = await callOk<ContractSchedule>(office, 'schedules.get', { contractId: k.id });
    expect(s).toMatchObject({ invoicedFen: 600_00, uninvoicedFen: 400_00 });
    const base = { contractId: k.id, title: '抬头', issuedOn: '2026-09-06' };
    const tooMuch = await office.call(owner, 'invoices.create', { ...base, amountFen: 400_01, number: 'A2' });
    expect(tooMuch.ok ? null : tooMuch.error.message).toContain('最多还可开 400.00 元');
    const again = await office.call(owner, 'invoices.create', { ...base, amountFen: 100, number: '24440000000012345678' });
    expect(again.ok ? null : again.error.message).toContain('已登记过');
    const foreign = await office.call(owner, 'invoices.create', { ...base, amountFen: 100, number: 'A3', paymentIds: [strange] });
    expect(foreign.ok ? null : foreign.error.code).toBe('invalid_input');
    const badTax = await office.call(owner, 'invoices.create', { ...base, amountFen: 100, number: 'A4', taxNo: '123' });
    expect(badTax.ok ? null : badTax.error.message).toContain('税号');
    expect((await callOk<{ rows: InvoiceRow[] }>(office, 'invoices.list', { contractId: k.id })).rows).toHaveLength(1);
    await callOk(office, 'invoices.delete', { id: invoice.id, reason: '开错了' });
    expect((await callOk<{ totalFen: number }>(office, 'invoices.list', {})).totalFen).toBe(0);
  });
});
