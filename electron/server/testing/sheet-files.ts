import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type SheetCell = string | number | Date | null | { formula: string; result?: number | string };

/** A real .xlsx, written with exceljs as Excel would save it; `merge` ranges like 'C3:C4'. */
export async function xlsxFile(
  rows: readonly (readonly SheetCell[])[],
  options: { merge?: string[]; sheetName?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  for (const row of rows) sheet.addRow(row.map((c) => (c && typeof c === 'object' && 'formula' in c ? c : c)));
  for (const range of options.merge ?? []) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text as Excel in China saves it: GB18030 (GBK), CRLF; or UTF-8 with or without BOM. */
export function csvFile(rows: readonly (readonly string[])[], encoding: 'gbk' | 'utf-8' | 'utf-8-bom' = 'gbk'): Buffer {
  const text =
    rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

export function importInput(fileName: string, data: Buffer, extra: { dryRun?: boolean; mode?: 'all' | 'valid' } = {}) {
  return { fileName, dataBase64: data.toString('base64'), ...extra };
}

/** Read an .xlsx back (exported files, failed-rows files) as rows of cell text. */
export async function readXlsxRows(data: Buffer | string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof data === 'string' ? Buffer.from(data, 'base64') : data) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      values.map((v) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v))),
    );
  });
  return rows;
}
