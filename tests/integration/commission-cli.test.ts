import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvFile, readXlsxRows, xlsxFile } from '../../electron/server/testing/sheet-files';
import { openOffice } from '../../electron/server/office';
import { callOk } from '../../electron/server/testing/test-office';
import { runOffice } from './office-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-commission-cli-'));
const dataDir = path.join(dir, 'data');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const office = (...args: string[]) => runOffice(dataDir, args);

function write(name: string, data: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('from imported files to the monthly sheet', () => {
  it('imports staff and plans, credits payments, closes the month and prints the sheet as JSON, CSV and xlsx', async () => {
    const staff = write(
      '员工.xlsx',
      await xlsxFile([
        ['工号', '姓名', '角色', '入职日期', '底薪'],
        ['S001', '张伟', '业务员', '2025-01-01', '3,000.00'],
        ['S002', '李娜', '业务员', '2026年3月16日', '¥2,800'],
        ['M001', '王经理', '经理', '2024/5/1', 6000],
      ]),
    );
    const staffOk = office('import', 'staff', staff);
    expect(staffOk.code, staffOk.stderr).toBe(0);
    expect(JSON.parse(staffOk.stdout)).toMatchObject({ kind: 'staff', inserted: 3 });

    const badPlans = write(
      '坏指标.csv',
      csvFile([
        ['月份', '工号', '保底销售额', '目标销售额', '提成比例', '超额倍数'],
        ['2026-03', '', '10000', '30000', '5%', '2'],
        ['2026-13', 'S001', '', '', '', ''],
        ['2026-03', 'X99', '', '', 'abc', '20'],
      ]),
    );
    const refused = office('import', 'plans', badPlans);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第 3 行 月份');
    expect(refused.stderr).toContain('第 4 行 工号');
    expect(refused.stderr).toContain('第 4 行 提成比例');
    expect(refused.stderr).toContain('第 4 行 超额倍数');

    const plans = write(
      '指标.csv',
      csvFile([
        ['month', 'code', 'floor', 'target', 'rate', 'multiplier'],
        ['2026/3', '', '10,000', '30,000', '5%', '2倍'],
        ['2026-03', 'S002', '5000', '', '', ''],
      ]),
    );
    const plansOk = office('import', 'plans', plans);
    expect(plansOk.code, plansOk.stderr).toBe(0);

    const clients = write(
      '客户.csv',
      csvFile([
        ['客户名称', '业务员工号', '加入日期'],
        ['华联超市', 'S001', '2026-03-01'],
        ['金鑫贸易', 'S002', '2026-03-18'],
      ]),
    );
    expect(office('import', 'clients', clients).code).toBe(0);
    const contracts = write(
      '合同.csv',
      csvFile([
        ['合同编号', '客户名称', '业务员工号', '签约日期', '金额', '状态'],
        ['HT-1', '华联超市', 'S001', '2026-03-02', '50000', '已签'],
        ['HT-2', '金鑫贸易', 'S002', '2026-03-20', '3000', '已签'],
      ]),
    );
    expect(office('import', 'contracts', contracts).code).toBe(0);
    const payments = write(
      '收款.csv',
      csvFile([
        ['合同编号', '收款日期', '金额'],
        ['HT-1', '2026-03-05', '25,000'],
        ['HT-1', '2026-03-25', '￥15,000'],
        ['HT-2', '2026-03-28', '3000'],
      ]),
    );
    const paid = office('import', 'payments', payments);
    expect(paid.code, paid.stderr).toBe(0);

    expect(office('month', 'reopen', '2026-03').code).toBe(2);
    const closed = office('month', 'close', '2026-03');
    expect(closed.code, closed.stderr).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({ month: '2026-03', closed: true });

    const json = office('sheet', '2026-03', '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const sheet = JSON.parse(json.stdout);
    expect(sheet).toMatchObject({ month: '2026-03', closed: true, creditBasis: 'payments' });
    const byCode = Object.fromEntries(sheet.rows.map((r: { code: string }) => [r.code, r]));
    expect(byCode.S001).toEqual({
      code: 'S001',
      name: '张伟',
      baseSalaryFen: 300_000,
      floorFen: 1_000_000,
      targetFen: 3_000_000,
      salesFen: 4_000_000,
      commissionWithinTargetFen: 150_000,
      commissionAboveTargetFen: 100_000,
      commissionFen: 250_000,
      allowancesFen: 15_000,
      bonusFen: 0,
      deductionFen: 0,
      totalPayFen: 565_000,
      belowFloor: false,
      monthsBelowFloorInRow: 0,
      status: 'ok',
    });
    // 李娜 joined on the 16th: her first partial month is not judged, though 3,000 < 5,000.
    expect(byCode.S002).toMatchObject({
      floorFen: 500_000,
      salesFen: 300_000,
      belowFloor: false,
      status: 'ok',
      commissionFen: 15_000,
    });
    // The manager carries no team plan: no floor, no target.
    expect(byCode.M001).toMatchObject({ floorFen: null, targetFen: null, commissionFen: 0, allowancesFen: 25_000 });
    expect(sheet.totals).toMatchObject({ salesFen: 4_300_000, commissionFen: 265_000, headcount: 3 });

    const xlsx = path.join(dir, 'sheet.xlsx');
    expect(office('sheet', '2026-03', '--format', 'xlsx', '--out', xlsx).code).toBe(0);
    const rows = await readXlsxRows(fs.readFileSync(xlsx));
    const header = rows.find((r) => r.includes('应发合计'))!;
    const zhang = rows.find((r) => r[0] === '张伟')!;
    expect(Number(zhang[header.indexOf('应发合计')])).toBe(5650);
    const csv = office('sheet', '2026-03', '--format', 'csv');
    expect(csv.stdout).toContain('张伟,S001,业务员,3000.00,10000.00,30000.00,40000.00');
    expect(office('sheet', '2026-03', '--format', 'xlsx').code).toBe(2);
  }, 120_000);

  it('refuses to close a month with unconfirmed statements unless --anyway (业绩确认, issue 19)', async () => {
    const opened = openOffice({ dataDir });
    try {
      await callOk(opened, 'confirmations.request', { month: '2026-04' });
    } finally {
      await opened.close();
    }
    const refused = office('month', 'close', '2026-04');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('未确认');
    const anyway = office('month', 'close', '2026-04', '--anyway');
    expect(anyway.code, anyway.stderr).toBe(0);
    expect(JSON.parse(anyway.stdout)).toMatchObject({ month: '2026-04', closed: true });
  }, 120_000);
});
