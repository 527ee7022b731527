// One reader reads one file and nothing else, so time and peak memory are the reader's:
// `node --import tsx reader-child.ts exceljs|sheetjs|ours FILE`. Prints {ms, peakMb, rows, row2}.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import type * as XLSXTypes from '@e965/xlsx';
import { cellText, type CellValue } from '../../../../shared/imports/cells';
import { openWorkbook } from '../../../../electron/server/imports/read/open-workbook';

const [reader, file] = process.argv.slice(2) as [string, string];
const bytes = fs.readFileSync(file);
const t0 = performance.now();
let rows = 0;
let row2: string[] = [];
if (reader === 'exceljs') {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  rows = sheet.actualRowCount;
  row2 = ((sheet.getRow(2).values as unknown[]) ?? [])
    .slice(1)
    .map((v) =>
      v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : cellText((v ?? null) as CellValue),
    );
} else if (reader === 'sheetjs') {
  const XLSX = createRequire(import.meta.url)('@e965/xlsx') as typeof XLSXTypes;
  const book = XLSX.read(bytes, { dense: true, cellDates: false, cellNF: true, cellText: false, cellHTML: false });
  const data = (book.Sheets[book.SheetNames[0]!] as unknown as { '!data': { v?: unknown }[][] })['!data'];
  rows = data.length;
  row2 = (data[1] ?? []).map((c) => cellText((c?.v ?? null) as CellValue));
} else {
  const sheet = openWorkbook(bytes, file).sheets[0]!.open();
  for (const row of sheet.rows()) {
    rows++;
    if (row.row === 2) row2 = row.cells.map((c) => cellText(c ?? null));
  }
}
const ms = performance.now() - t0;
const peakMb = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
process.stdout.write(`${JSON.stringify({ ms, peakMb, rows, row2 })}\n`);
