import { newWorkbook } from '../imports/excel-workbook';
import { stringifyCsv } from '../../../shared/imports/csv';
import { MIME_TYPES, type ExportFile, type ExportFormat } from '../../../shared/imports/export-file';
import type { PerformanceSheet } from '../../../shared/performance/performance-types';
import { formatSheetCell, sheetColumns, type SheetColumn } from '../../../shared/performance/sheet-columns';
import { fenToYuanString } from '../../../shared/money';

/**
 * 月度业绩表 as a spreadsheet, with the same columns as the screen and paper. In .xlsx money is a
 * number in yuan with two decimals (so Excel can sum it), rates are percentages, the header is
 * frozen and the totals row is bold. CSV is UTF-8 with a BOM, money as plain yuan ("1234.56").
 */
export async function exportSheet(sheet: PerformanceSheet, format: ExportFormat): Promise<ExportFile> {
  const columns = sheetColumns(sheet);
  const data = format === 'csv' ? sheetCsv(sheet, columns) : await sheetXlsx(sheet, columns);
  return {
    fileName: `月度业绩表-${sheet.month}.${format}`,
    mimeType: MIME_TYPES[format],
    dataBase64: data.toString('base64'),
    rowCount: sheet.rows.length,
  };
}

function headerOf(c: SheetColumn): string {
  return c.group ? `${c.group.zh}(${c.zh})` : c.zh;
}

function sheetCsv(sheet: PerformanceSheet, columns: readonly SheetColumn[]): Buffer {
  const cell = (c: SheetColumn, v: string | number | null): string => {
    if (v === null) return '';
    if (typeof v === 'string') return v;
    if (c.kind === 'money') return fenToYuanString(v);
    if (c.kind === 'percent') return formatSheetCell('percent', v);
    return String(v);
  };
  const rows = [
    columns.map(headerOf),
    ...sheet.rows.map((r) => columns.map((c) => cell(c, c.value(r)))),
    columns.map((c) => (c.total ? cell(c, c.total(sheet)) : '')),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringifyCsv(rows), 'utf8')]);
}

/** Rows above the table: office name and title, then the month's status and credit basis. */
const TITLE_ROWS = 2;

async function sheetXlsx(sheet: PerformanceSheet, columns: readonly SheetColumn[]): Promise<Buffer> {
  const workbook = newWorkbook();
  workbook.creator = '门店通';
  const ws = workbook.addWorksheet(`业绩表 ${sheet.month}`, {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1, xSplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = `${sheet.officeName} ${sheet.month.replace('-', '年')}月 月度业绩表`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, columns.length);
  ws.getCell(2, 1).value =
    `${sheet.closed ? '已月结' : '未月结'} · ${sheet.creditBasis === 'payments' ? '业绩按到账收款计' : '业绩按签约合同金额计'}`;

  const header = ws.getRow(TITLE_ROWS + 1);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = headerOf(c);
    ws.getColumn(i + 1).width = Math.max(9, headerOf(c).length * 2 + 2);
    const numFmt = c.kind === 'money' ? '#,##0.00' : c.kind === 'percent' ? '0.0%' : undefined;
    if (numFmt) ws.getColumn(i + 1).numFmt = numFmt;
  });
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F2F5' } }));

  const value = (c: SheetColumn, v: string | number | null): string | number | null => {
    if (v === null || typeof v === 'string') return v;
    if (c.kind === 'money') return v / 100;
    if (c.kind === 'percent') return v / 10000;
    return v;
  };
  for (const r of sheet.rows) ws.addRow(columns.map((c) => value(c, c.value(r))));
  const totals = ws.addRow(columns.map((c) => (c.total ? value(c, c.total(sheet)) : null)));
  totals.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
