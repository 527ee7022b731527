import { z } from 'zod';

/**
 * What every spreadsheet import (clients, contracts, payments, and other areas' imports)
 * accepts and reports. The same shape serves the preview (dryRun) and the real run.
 */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const importFileInputSchema = z.strictObject({
  fileName: z.string().trim().min(1, { error: '缺少文件名 / File name is required' }).max(255),
  /** The file's bytes, base64. */
  dataBase64: z.string().max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 8, {
    error: `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 上限,请拆分后分批导入 / The file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it and import in parts`,
  }),
  /** Check and report only; nothing is written. */
  dryRun: z.boolean().default(false),
  /** 'all': any invalid row stops the import and nothing is written (default). 'valid': import the valid rows, skip the rest. */
  mode: z.enum(['all', 'valid']).default('all'),
});
export type ImportFileInput = z.output<typeof importFileInputSchema>;

/** One problem in one cell (or one row when column is ''). Row numbers are as Excel shows them. */
export type RowIssue = { row: number; column: string; value: string; message: string; messageEn: string };

export type ImportColumn = { field: string; header: string; label: string; labelEn: string };

export type ImportReport = {
  kind: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  /** For CSV: how the text was decoded ('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'…). */
  encoding: string | null;
  sheetName: string | null;
  columns: ImportColumn[];
  /** Headers in the file that were not recognised (ignored). */
  ignoredHeaders: string[];
  totalRows: number;
  validRows: number;
  errorRows: number;
  /** Rows written (0 on a dry run or when the import was stopped). */
  inserted: number;
  dryRun: boolean;
  issues: RowIssue[];
  /** More issues than listed in `issues` (the list is capped). */
  issuesOmitted: number;
  /** The preview table's columns (the importer's fields shown in `preview`). */
  previewColumns: { field: string; label: string; labelEn: string }[];
  /** The first valid rows as they will be imported, for the preview table. */
  preview: { row: number; values: Record<string, string> }[];
  /** The failed rows with an extra 错误原因 column, as an .xlsx file to fix and re-import. */
  failedRowsFile: { fileName: string; dataBase64: string } | null;
};

export const ISSUES_LISTED_MAX = 1000;
export const PREVIEW_ROWS_MAX = 100;
