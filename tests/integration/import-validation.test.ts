import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { ImportReport, RowIssue } from '../../shared/imports/import-report';
import { callOk, createTestOffice, owner, type TestOffice } from '../../electron/server/testing/test-office';
import { csvFile } from '../../electron/server/testing/sheet-files';

/**
 * Import and the API hold every field to one rule (issue 20, "one source of truth"): each case
 * goes through the import (one row of a dry-run file) and through the API method the form calls,
 * and both must accept it or both refuse it. A refused row names its row and column.
 *
 * `cell` is what the file says; `api` what the form sends (the same value unless the file spells
 * it differently, as 二级 for level 2).
 */
type Case = { column: string; field: string; cell: string; api?: unknown; accepted: boolean };

const long = (n: number) => '字'.repeat(n);

/** One file per import: a header row with `column` plus the base columns, a row per case. */
async function throughImport(
  office: TestOffice,
  method: string,
  base: (i: number) => Record<string, string>,
  cases: readonly Case[],
): Promise<{ accepted: boolean[]; issues: RowIssue[] }> {
  const headers = [...new Set([...Object.keys(base(0)), ...cases.map((c) => c.column)])];
  const rows = cases.map((c, i) => {
    const cells: Record<string, string> = { ...base(i), [c.column]: c.cell };
    return headers.map((h) => cells[h] ?? '');
  });
  const file = csvFile([headers, ...rows], 'utf-8');
  const report = await callOk<ImportReport>(office, method, {
    fileName: 'cases.csv',
    dataBase64: file.toString('base64'),
    dryRun: true,
  });
  expect(report.totalRows).toBe(cases.length);
  const bad = new Set(report.issues.map((i) => i.row));
  return { accepted: cases.map((_, i) => !bad.has(i + 2)), issues: report.issues };
}

async function throughApi(
  office: TestOffice,
  method: string,
  input: (i: number, c: Case) => Record<string, unknown>,
  cases: readonly Case[],
): Promise<boolean[]> {
  const accepted: boolean[] = [];
  for (const [i, c] of cases.entries()) accepted.push((await office.call(owner, method, input(i, c))).ok);
  return accepted;
}

/** Both paths agree with the case, and every refused row names its column. */
async function expectAgreement(
  office: TestOffice,
  kinds: { importMethod: string; apiMethod: string },
  base: (i: number) => Record<string, string>,
  apiInput: (i: number, c: Case) => Record<string, unknown>,
  cases: readonly Case[],
): Promise<void> {
  // Dry run first: it writes nothing, so the API calls after it meet no 撞单 with it.
  const viaImport = await throughImport(office, kinds.importMethod, base, cases);
  const viaApi = await throughApi(office, kinds.apiMethod, apiInput, cases);
  const table = cases.map((c, i) => ({
    case: `${c.column}=${c.cell.slice(0, 20)}`,
    expected: c.accepted,
    import: viaImport.accepted[i],
    api: viaApi[i],
  }));
  expect(table).toEqual(table.map((t) => ({ ...t, import: t.expected, api: t.expected })));
  for (const [i, c] of cases.entries()) {
    if (c.accepted) continue;
    const mine = viaImport.issues.filter((issue) => issue.row === i + 2);
    expect(
      mine.map((m) => m.column),
      `row ${i + 2} (${c.column})`,
    ).toContain(c.column);
    for (const m of mine) {
      expect(m.message).toMatch(/[\u4e00-\u9fff]/);
      expect(m.messageEn).toMatch(/[a-z]/);
    }
  }
}

describe('import and API validate with one schema', { timeout: 180_000 }, () => {
  let office: TestOffice;
  let contractNumber = '';
  let contractId = 0;
  let clientId = 0;
  beforeAll(async () => {
    office = createTestOffice({ now: () => new Date('2026-03-10T09:00:00') });
    clientId = (await callOk<{ id: number }>(office, 'clients.create', { name: '合同客户' })).id;
    const contract = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId,
      number: 'HT-PAY',
      amountFen: 100_000_000,
    });
    contractNumber = contract.number;
    contractId = contract.id;
  });
  afterAll(() => office.dispose());

  it('refuses wang@163.com. in import, naming row and column, as clients.create does', async () => {
    const file = csvFile(
      [
        ['客户名称', '邮箱'],
        ['王记商行', 'wang@163.com.'],
      ],
      'utf-8',
    );
    const report = await callOk<ImportReport>(office, 'clients.import', {
      fileName: 'c.csv',
      dataBase64: file.toString('base64'),
      dryRun: true,
    });
    expect(report.validRows).toBe(0);
    expect(report.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: '邮箱',
        value: 'wang@163.com.',
        message: expect.stringContaining('邮箱格式不对'),
      }),
    ]);
    expect(report.issues[0]!.messageEn).toContain('Email is not valid');
    const api = await office.call(owner, 'clients.create', { name: '王记商行', email: 'wang@163.com.' });
    expect(api.ok).toBe(false);
    if (!api.ok) expect(api.error.details?.issues?.[0]).toMatchObject({ path: 'email', message: report.issues[0]!.message });
  });

  it('clients: every field with a rule', async () => {
    const cases: Case[] = [
      { column: '客户名称', field: 'name', cell: long(100), accepted: true },
      { column: '客户名称', field: 'name', cell: long(101), accepted: false },
      { column: '联系人', field: 'contactName', cell: long(50), accepted: true },
      { column: '联系人', field: 'contactName', cell: long(51), accepted: false },
      {
        column: '电话',
        field: 'phones',
        cell: '13800138000 / 0755-12345678',
        api: ['13800138000', '0755-12345678'],
        accepted: true,
      },
      { column: '电话', field: 'phones', cell: '12345', api: ['12345'], accepted: false },
      {
        column: '电话',
        field: 'phones',
        cell: ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006', '13800000007'].join(
          ' / ',
        ),
        api: ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006', '13800000007'],
        accepted: false,
      },
      { column: '微信', field: 'wechat', cell: 'w'.repeat(60), accepted: true },
      { column: '微信', field: 'wechat', cell: 'w'.repeat(61), accepted: false },
      { column: 'QQ', field: 'qq', cell: '1'.repeat(20), accepted: true },
      { column: 'QQ', field: 'qq', cell: '1'.repeat(21), accepted: false },
      { column: '邮箱', field: 'email', cell: 'wang@163.com', accepted: true },
      { column: '邮箱', field: 'email', cell: 'wang@163.com.', accepted: false },
      { column: '邮箱', field: 'email', cell: 'wang@163', accepted: false },
      { column: '邮箱', field: 'email', cell: 'wang@@163.com', accepted: false },
      { column: '地址', field: 'address', cell: long(200), accepted: true },
      { column: '地址', field: 'address', cell: long(201), accepted: false },
      { column: '省', field: 'province', cell: long(31), accepted: false },
      { column: '市', field: 'city', cell: long(31), accepted: false },
      { column: '区县', field: 'district', cell: long(30), accepted: true },
      { column: '区县', field: 'district', cell: long(31), accepted: false },
      { column: '乡镇', field: 'township', cell: long(31), accepted: false },
      { column: '行业', field: 'industry', cell: long(40), accepted: true },
      { column: '行业', field: 'industry', cell: long(41), accepted: false },
      { column: '规模', field: 'size', cell: long(41), accepted: false },
      { column: '介绍人', field: 'referrerName', cell: long(101), accepted: false },
      { column: '等级', field: 'level', cell: '二级', api: 2, accepted: true },
      { column: '加入日期', field: 'joinedOn', cell: '1990-01-01', accepted: true },
      { column: '加入日期', field: 'joinedOn', cell: '1989-12-31', accepted: false },
      { column: '加入日期', field: 'joinedOn', cell: '2101-01-01', accepted: false },
      { column: '生日', field: 'birthday', cell: '1900-01-01', accepted: true },
      { column: '生日', field: 'birthday', cell: '1899-12-31', accepted: false },
      { column: '生日', field: 'birthday', cell: '02-29', accepted: true },
      { column: '纪念日', field: 'anniversary', cell: '2101-01-01', accepted: false },
      { column: '备注', field: 'notes', cell: long(2000), accepted: true },
      { column: '备注', field: 'notes', cell: long(2001), accepted: false },
    ];
    // A name of its own per row (unless the case is the name), so no row is a 撞单 of another.
    const nameOf = (i: number) => `测试客户${i}号`;
    await expectAgreement(
      office,
      { importMethod: 'clients.import', apiMethod: 'clients.create' },
      (i) => ({ 客户名称: nameOf(i) }),
      (i, c) => ({ name: nameOf(i), [c.field]: c.api ?? c.cell }),
      cases,
    );
  });

  it('staff: every field with a rule', async () => {
    const cases: Case[] = [
      { column: '工号', field: 'code', cell: 'A'.repeat(20), accepted: true },
      { column: '工号', field: 'code', cell: 'A'.repeat(21), accepted: false },
      { column: '工号', field: 'code', cell: 'YW 01', accepted: false },
      { column: '工号', field: 'code', cell: '业务01', accepted: false },
      { column: '姓名', field: 'name', cell: long(50), accepted: true },
      { column: '姓名', field: 'name', cell: long(51), accepted: false },
      { column: '入职日期', field: 'hiredOn', cell: '1989-12-31', accepted: false },
      { column: '入职日期', field: 'hiredOn', cell: '2026-02-01', accepted: true },
      { column: '底薪', field: 'baseSalaryFen', cell: '-1', api: -100, accepted: false },
      { column: '底薪', field: 'baseSalaryFen', cell: '10000001', api: 1_000_000_100, accepted: false },
      { column: '电话', field: 'phone', cell: '13800138000', accepted: true },
      { column: '电话', field: 'phone', cell: '12345', accepted: false },
    ];
    const base = (i: number) => ({ 工号: `E${i}`, 姓名: `员工${i}`, 角色: '业务员', 入职日期: '2026-01-05', 底薪: '3000' });
    await expectAgreement(
      office,
      { importMethod: 'staff.import', apiMethod: 'staff.create' },
      base,
      (i, c) => ({
        code: `E${i}`,
        name: `员工${i}`,
        role: 'salesperson',
        hiredOn: '2026-01-05',
        baseSalaryFen: 300_000,
        [c.field]: c.api ?? c.cell,
      }),
      cases,
    );
  });

  it('contracts: every field with a rule', async () => {
    const cases: Case[] = [
      { column: '合同编号', field: 'number', cell: 'N'.repeat(40), accepted: true },
      { column: '合同编号', field: 'number', cell: 'N'.repeat(41), accepted: false },
      { column: '产品', field: 'product', cell: long(100), accepted: true },
      { column: '产品', field: 'product', cell: long(101), accepted: false },
      { column: '金额', field: 'amountFen', cell: '-1', api: -100, accepted: false },
      { column: '签约日期', field: 'signedOn', cell: '9999-12-31', accepted: false },
      { column: '开始日期', field: 'startsOn', cell: '1989-12-31', accepted: false },
      { column: '结束日期', field: 'endsOn', cell: '2025-01-01', accepted: false },
      { column: '备注', field: 'notes', cell: long(2001), accepted: false },
    ];
    const base = (i: number) => ({ 合同编号: `HT-C${i}`, 客户名称: '合同客户', 金额: '100', 开始日期: '2026-01-01' });
    await expectAgreement(
      office,
      { importMethod: 'contracts.import', apiMethod: 'contracts.create' },
      base,
      (i, c) => ({ number: `HT-C${i}`, clientId, amountFen: 10_000, startsOn: '2026-01-01', [c.field]: c.api ?? c.cell }),
      cases,
    );
  });

  it('payments: every field with a rule', async () => {
    const cases: Case[] = [
      { column: '收款日期', field: 'paidOn', cell: '2101-01-01', accepted: false },
      { column: '收款日期', field: 'paidOn', cell: '2026-03-01', accepted: true },
      { column: '金额', field: 'amountFen', cell: '0', api: 0, accepted: false },
      { column: '金额', field: 'amountFen', cell: '0.01', api: 1, accepted: true },
      { column: '备注', field: 'notes', cell: long(500), accepted: true },
      { column: '备注', field: 'notes', cell: long(501), accepted: false },
    ];
    const base = () => ({ 合同编号: contractNumber, 收款日期: '2026-03-01', 金额: '10' });
    await expectAgreement(
      office,
      { importMethod: 'payments.import', apiMethod: 'payments.create' },
      base,
      (_i, c) => ({ contractId, paidOn: '2026-03-01', amountFen: 1000, [c.field]: c.api ?? c.cell }),
      cases,
    );
  });

  it('plans: every field with a rule', async () => {
    const cases: Case[] = [
      { column: '保底销售额', field: 'floorFen', cell: '-1', api: -100, accepted: false },
      { column: '保底销售额', field: 'floorFen', cell: '30000', api: 3_000_000, accepted: true },
      { column: '目标销售额', field: 'targetFen', cell: '-1', api: -100, accepted: false },
      { column: '提成比例', field: 'rateBp', cell: '100%', api: 10_000, accepted: true },
      { column: '提成比例', field: 'rateBp', cell: '100.01%', api: 10_001, accepted: false },
      { column: '超额倍数', field: 'multiplierPct', cell: '10', api: 1000, accepted: true },
      { column: '超额倍数', field: 'multiplierPct', cell: '0.5', api: 50, accepted: false },
    ];
    // A month of its own per row: two rows for the same month and person would clash.
    const monthOf = (i: number) => `2025-${String(i + 1).padStart(2, '0')}`;
    await expectAgreement(
      office,
      { importMethod: 'plans.import', apiMethod: 'plans.set' },
      (i) => ({ 月份: monthOf(i) }),
      (i, c) => ({
        month: monthOf(i),
        staffId: null,
        plan: { floorFen: null, targetFen: null, rateBp: null, multiplierPct: null, [c.field]: c.api ?? c.cell },
      }),
      cases,
    );
  });
});
