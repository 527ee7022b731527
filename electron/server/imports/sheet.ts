import type { CellValue } from '../../../shared/imports/cells';

/** One sheet's cells as read from a file: header row, then data rows with Excel row numbers. */
export type SheetData = {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheetName: string | null;
  /** Row number (1-based, as Excel shows it) of the header row. */
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
};

export type SheetRow = {
  row: number;
  cells: CellValue[];
  /** Problems found while reading cells (a formula without a value, a merged cell, #N/A…), by column index. */
  cellIssues?: { column: number; message: string; messageEn: string }[];
};

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
