import { cellText } from '../../../shared/imports/cells';
import { IMPORT_LIMITS } from '../../../shared/imports/limits';
import type { LayoutColumn } from './header-layout';
import { sheetjs } from './read/sheetjs';
import type { SheetRow } from './read/types';
import { columnLetter } from './sheet';

/**
 * The rows that failed, as they were in the file plus why, to fix in Excel and import again.
 * Written with SheetJS (a plain table needs no styling, and it takes a fraction of the
 * memory exceljs takes for 50k rows); capped at `failedRowsFileMax` rows, the rest counted.
 */
export function failedRowsFile(
  fileName: string,
  columns: readonly LayoutColumn[],
  rows: Iterable<SheetRow>,
  reasons: ReadonlyMap<number, string>,
): { fileName: string; dataBase64: string; omitted: number } {
  const XLSX = sheetjs();
  const header = ['原行号', ...columns.map((c) => c.header || `(${columnLetter(c.indexes[0]!)} 列)`), '错误原因'];
  const table: (string | number)[][] = [header];
  let omitted = 0;
  for (const row of rows) {
    const why = reasons.get(row.row);
    if (why === undefined) continue;
    if (table.length > IMPORT_LIMITS.failedRowsFileMax) {
      omitted++;
      continue;
    }
    table.push([
      row.row,
      ...columns.map((c) =>
        c.indexes
          .map((i) => cellText(row.cells[i] ?? null))
          .filter(Boolean)
          .join(' '),
      ),
      why,
    ]);
  }
  if (omitted > 0) table.push(['', `……另有 ${omitted} 行错误未列出 / ${omitted} more failed rows not listed`]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table, { dense: true }), '导入失败的行');
  const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const base = fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-失败的行.xlsx`, dataBase64: data.toString('base64'), omitted };
}
