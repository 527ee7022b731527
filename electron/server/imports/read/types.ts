import type { CellValue } from '../../../../shared/imports/cells';
import type { ImportReport } from '../../../../shared/imports/import-report';

export type SheetFormat = ImportReport['format'];

/** Something about one cell that the reader could not turn into a value. */
export type CellNote = {
  column: number;
  kind: 'no-value' | 'error' | 'picture';
  /** What the cell holds, for the message ("#N/A", the formula). */
  detail: string;
};

/** One row as read: Excel's row number, cells by column index (0 = A). */
export type SheetRow = { row: number; cells: CellValue[]; notes?: CellNote[] };

/** A merged range: rows as Excel numbers them (1-based), columns from 0. */
export type MergeRange = { top: number; bottom: number; left: number; right: number };

/** A sheet, read once it is chosen; `rows()` can be walked more than once (check, then write). */
export type OpenedSheet = {
  merges: MergeRange[];
  /** Rows holding a value (an upper bound for progress). */
  rowCount: number;
  rows: () => Iterable<SheetRow>;
};

export type WorkbookSheet = {
  name: string;
  hidden: boolean;
  /** The first rows only, to find the header and choose the sheet. */
  head: (rows: number) => { rows: SheetRow[]; merges: MergeRange[] };
  open: () => OpenedSheet;
};

export type Workbook = {
  format: SheetFormat;
  encoding: string | null;
  sheets: WorkbookSheet[];
};
