import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/imports/csv';
import type { PerformanceRow, PerformanceSheet } from '../../../shared/performance/performance-types';
import { exportSheet } from './sheet.export';

function row(staffId: number, name: string, salesFen: number, targetFen: number, bonusFen = 0, deductionFen = 0): PerformanceRow {
  const within = Math.round(Math.min(salesFen, targetFen) * 0.05);
  const above = Math.round(Math.max(0, salesFen - targetFen) * 0.1);
  return {
    staffId,
    code: `S${staffId}`,
    name,
    role: 'salesperson',
    status: salesFen < 1000000 ? 'warning' : 'ok',
    exemption: null,
    pay: {
      baseSalaryFen: 300000,
      floorFen: 1000000,
      targetFen,
      salesFen,
      attainmentBp: Math.round((salesFen * 10000) / targetFen),
      commissionWithinTargetFen: within,
      commissionAboveTargetFen: above,
      commissionFen: within + above,
      allowancesFen: 10000,
      bonusFen,
      deductionFen,
      totalPayFen: 300000 + within + above + 10000 + bonusFen - deductionFen,
      belowFloor: salesFen < 1000000,
      monthsBelowFloorInRow: salesFen < 1000000 ? 1 : 0,
    },
    activity: { newClients: 3, followUps: 12, newContracts: 2, completeness: 65 },
  };
}

function sheetOf(rows: PerformanceRow[]): PerformanceSheet {
  const p = rows.map((r) => r.pay!);
  const sum = (f: (x: (typeof p)[number]) => number) => p.reduce((a, x) => a + f(x), 0);
  return {
    month: '2026-10',
    closed: true,
    closedAt: '2026-11-01T02:00:00.000Z',
    officeName: '阳光加盟店',
    creditBasis: 'payments',
    policies: [],
    showsPay: true,
    rows,
    totals: {
      pay: {
        baseSalaryFen: sum((x) => x.baseSalaryFen),
        floorFen: sum((x) => x.floorFen ?? 0),
        targetFen: sum((x) => x.targetFen ?? 0),
        salesFen: sum((x) => x.salesFen),
        attainmentBp: 9000,
        commissionWithinTargetFen: sum((x) => x.commissionWithinTargetFen),
        commissionAboveTargetFen: sum((x) => x.commissionAboveTargetFen),
        commissionFen: sum((x) => x.commissionFen),
        allowancesFen: sum((x) => x.allowancesFen),
        bonusFen: sum((x) => x.bonusFen),
        deductionFen: sum((x) => x.deductionFen),
        totalPayFen: sum((x) => x.totalPayFen),
      },
      activity: { newClients: 6, followUps: 24, newContracts: 4, completeness: 65 },
      headcount: rows.length,
    },
    trend: [],
  };
}

const SHEET = sheetOf([row(1, '张伟', 4000001, 3000000, 30_000), row(2, '李娜', 999999, 3000000, 0, 5_050)]);

describe('performance sheet export', () => {
  it('writes an .xlsx that reads back with the same numbers, frozen header and a bold totals row', async () => {
    const file = await exportSheet(SHEET, 'xlsx');
    expect(file.fileName).toBe('月度业绩表-2026-10.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('阳光加盟店');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const headers = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 7)).toEqual(['姓名', '工号', '角色', '底薪', '保底销售额', '目标销售额', '实际销售额']);
    const col = (h: string) => headers.indexOf(h) + 1;
    for (const [i, r] of SHEET.rows.entries()) {
      const x = ws.getRow(4 + i);
      expect(x.getCell(col('姓名')).value).toBe(r.name);
      expect(Math.round(Number(x.getCell(col('实际销售额')).value) * 100)).toBe(r.pay!.salesFen);
      expect(Math.round(Number(x.getCell(col('提成(合计)')).value) * 100)).toBe(r.pay!.commissionFen);
      expect(Math.round(Number(x.getCell(col('应发合计')).value) * 100)).toBe(r.pay!.totalPayFen);
      // 奖金 and 扣款 in their own columns (issue 19).
      expect(Math.round(Number(x.getCell(col('奖金')).value) * 100)).toBe(r.pay!.bonusFen);
      expect(Math.round(Number(x.getCell(col('扣款')).value) * 100)).toBe(r.pay!.deductionFen);
      expect(x.getCell(col('实际销售额')).numFmt).toBe('#,##0.00');
      expect(x.getCell(col('完成率')).numFmt).toBe('0.0%');
    }
    const totals = ws.getRow(4 + SHEET.rows.length);
    expect(totals.font?.bold).toBe(true);
    expect(Math.round(Number(totals.getCell(col('应发合计')).value) * 100)).toBe(SHEET.totals.pay!.totalPayFen);
  });

  it('writes UTF-8 CSV with a BOM, yuan amounts and a totals line', async () => {
    const file = await exportSheet(SHEET, 'csv');
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { rows } = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toContain('提成(超额)');
    const sales = rows[0]!.indexOf('实际销售额');
    expect(rows[1]![sales]).toBe('40000.01');
    expect(rows[2]![sales]).toBe('9999.99');
    expect(rows[3]![0]).toBe('合计');
    expect(rows[3]![sales]).toBe('50000.00');
  });

  it('leaves every pay column out for a clerk', async () => {
    const clerkSheet: PerformanceSheet = {
      ...SHEET,
      showsPay: false,
      rows: SHEET.rows.map((r) => ({ ...r, pay: null })),
      totals: { ...SHEET.totals, pay: null },
    };
    const { rows } = parseCsv(
      Buffer.from((await exportSheet(clerkSheet, 'csv')).dataBase64, 'base64')
        .subarray(3)
        .toString('utf8'),
    );
    expect(rows[0]).toEqual(['姓名', '工号', '角色', '状态', '新增客户', '跟进次数', '新签合同', '资料完整度']);
    expect(rows.flat().join(',')).not.toMatch(/3000\.00|底薪|提成|奖金|扣款/);
  });
});
