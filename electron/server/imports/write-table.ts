import { newWorkbook } from './excel-workbook';
import { stringifyCsv } from '../../../shared/imports/csv';
import { MIME_TYPES, type ExportFile, type ExportFormat } from '../../../shared/imports/export-file';

export type TableColumn = { header: string; width?: number; kind?: 'text' | 'money' | 'date' | 'number' };
export type TableCell = string | number | null;

/**
 * Write a table as .xlsx (bold frozen header, money as numbers with two decimals so Excel can
 * sum them) or as CSV in UTF-8 with a BOM, which Excel in China opens without garbling.
 */
export async function writeTable(
  format: ExportFormat,
  sheetName: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
): Promise<Buffer> {
  if (format === 'csv') {
    const text = stringifyCsv([columns.map((c) => c.header), ...rows.map((r) => r.map((v) => (v === null ? '' : String(v))))]);
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  }
  const workbook = newWorkbook();
  workbook.creator = '门店通';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    ...(c.kind === 'money' ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportFile(
  format: ExportFormat,
  baseName: string,
  sheetName: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
): Promise<ExportFile> {
  const data = await writeTable(format, sheetName, columns, rows);
  return {
    fileName: `${baseName}.${format}`,
    mimeType: MIME_TYPES[format],
    dataBase64: data.toString('base64'),
    rowCount: rows.length,
  };
}
