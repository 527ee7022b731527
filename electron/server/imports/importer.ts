import type { Kysely } from 'kysely';
import { cellText, type CellValue } from '../../../shared/imports/cells';
import type { ColumnSpec } from '../../../shared/imports/headers';
import type { DuplicatePolicy, RowIssue } from '../../../shared/imports/import-report';
import type { CallContext } from '../core/context';
import type { Database } from '../db/schema';

/** A row's cells by field, for an importer's row reader. */
export type RowCells<F extends string> = {
  /** The raw cell (number, Date, text…) or null when the column is absent or empty. */
  get: (field: F) => CellValue;
  /** The cell as trimmed text; '' when absent. */
  text: (field: F) => string;
  has: (field: F) => boolean;
  /** The column's header as the file spells it, for messages. */
  header: (field: F) => string;
};

/** An issue before the runner adds the row number. */
export type CellIssue = Omit<RowIssue, 'row'>;

/**
 * `preview` is called only for the first rows shown in the preview table. `action` says what
 * writing the row will do: add a record (default), update an existing one, or nothing (a
 * duplicate skipped by the duplicates policy).
 */
export type RowResult<R> =
  | { ok: true; value: R; preview: () => Record<string, string>; action?: 'insert' | 'update' | 'skip' }
  | { ok: false; issues: CellIssue[] };

export type PrepareOptions = { duplicates: DuplicatePolicy };

/**
 * What an area supplies to import a kind of row: its columns, and per import a reader that
 * turns one row's cells into a value or issues (keeping state across rows for in-file
 * duplicates), and a writer for the valid rows inside the runner's transaction.
 */
export type Importer<F extends string, R> = {
  kind: string;
  label: { zh: string; en: string };
  columns: readonly ColumnSpec<F>[];
  /** The duplicate policies this import understands; 'refuse' only when absent. */
  duplicatePolicies?: readonly DuplicatePolicy[];
  prepare: (ctx: CallContext, options: PrepareOptions) => Promise<RowReader<F, R>> | RowReader<F, R>;
};

/**
 * `write` receives the valid rows in chunks, in file order, all inside the one transaction of
 * the import (so all land or none do); it returns how many records it wrote.
 */
export type RowReader<F extends string, R> = {
  read: (cells: RowCells<F>, row: number) => RowResult<R>;
  write: (trx: Kysely<Database>, ctx: CallContext, rows: readonly { row: number; value: R }[]) => Promise<number> | number;
};

/** Collects a row's issues; `column` is the header as the file spells it. */
export class IssueList<F extends string> {
  readonly issues: CellIssue[] = [];
  constructor(private readonly cells: RowCells<F>) {}

  add(field: F | null, zh: string, en: string): void {
    this.issues.push({
      column: field === null ? '' : this.cells.header(field),
      value: field === null ? '' : cellText(this.cells.get(field)),
      message: zh,
      messageEn: en,
    });
  }

  /** True when the field's column already has an issue in this row. */
  hasIssue(field: F): boolean {
    const column = this.cells.header(field);
    return this.issues.some((i) => i.column === column);
  }

  /** The field's column header as the file spells it. */
  header(field: F): string {
    return this.cells.header(field);
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }
}
