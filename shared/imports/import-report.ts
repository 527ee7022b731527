import { z } from 'zod';
import { IMPORT_LIMITS } from './limits';
import { zhEn } from '../bilingual';

/**
 * What every spreadsheet import (clients, contracts, payments, staff, plans) accepts and
 * reports. The same shape serves the preview (dryRun) and the real run.
 */
export const IMPORT_MAX_BYTES = IMPORT_LIMITS.maxBytes;

export const DUPLICATE_POLICIES = ['refuse', 'skip', 'update'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** A column of the file, named by the letter of its first cell ("A", "AB"). */
const columnKeySchema = z
  .string()
  .regex(/^[A-Z]{1,3}$/, { error: zhEn('列应写作字母,如 A、AB', 'A column is a letter such as A or AB') });

export const importFileInputSchema = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: zhEn('缺少文件名', 'File name is required') })
    .max(255),
  /** The file's bytes, base64. */
  dataBase64: z.string().max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 8, {
    error: zhEn(
      `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 上限,请拆分后分批导入`,
      `The file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it and import in parts`,
    ),
  }),
  /** Check and report only; nothing is written. */
  dryRun: z.boolean().default(false),
  /** 'all': any invalid row stops the import and nothing is written (default). 'valid': import the valid rows, skip the rest. */
  mode: z.enum(['all', 'valid']).default('all'),
  /** Chosen by the caller so it can ask `imports.progress` and `imports.cancel` while the call runs. */
  jobId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: zhEn('任务编号应为 8–64 位字母数字', 'A job id is 8–64 letters or digits') })
    .optional(),
  /** The sheet to read, by name; by default the visible sheet whose header matches best. */
  sheet: z.string().max(100).optional(),
  /** Column letter → field (or '' to leave the column out on purpose); overrides the automatic match. */
  columnMap: z.record(columnKeySchema, z.string().max(40)).optional(),
  /** Rows matching a record already in the office (撞单): refuse the file, skip them, or update the caller's own. */
  duplicates: z.enum(DUPLICATE_POLICIES).default('refuse'),
});
export type ImportFileInput = z.output<typeof importFileInputSchema>;

/** One problem in one cell (or one row when column is ''). Row numbers are as Excel shows them. */
export type RowIssue = { row: number; column: string; value: string; message: string; messageEn: string };

export type ImportColumn = { field: string; header: string; label: string; labelEn: string };

/** Something the reader did that a person should know (a picture skipped, merged cells filled down…). */
export type ImportNote = { message: string; messageEn: string };

/** How a column of the file was matched to a field. */
export type ColumnMatch = 'auto' | 'chosen' | 'remembered' | 'ignored' | 'unknown';

/** A column as found in the file (a header merged over several columns counts once). */
export type FileColumn = {
  key: string;
  /** The header as written (two-level headers joined: "联系方式 · 手机"); '' when the column has none. */
  header: string;
  /** Column letters it covers, e.g. ['G', 'H'] under a merged header. */
  letters: string[];
  field: string | null;
  match: ColumnMatch;
  /** Up to three values from the first rows, so the column can be recognised. */
  samples: string[];
};

/** A field the import understands, for the column-mapping step. */
export type ImportField = { field: string; label: string; labelEn: string; required: boolean; multi: boolean };

export type ImportSheetInfo = { name: string; hidden: boolean };

export type ImportReport = {
  kind: string;
  fileName: string;
  format: 'xlsx' | 'xls' | 'et' | 'ods' | 'xlsb' | 'numbers' | 'fods' | 'csv';
  /** For CSV: how the text was decoded ('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'…). */
  encoding: string | null;
  sheetName: string | null;
  /** Every sheet of the workbook, so another can be chosen. */
  sheets: ImportSheetInfo[];
  /** Why this sheet was read ("the first visible sheet", "its header matches"…). */
  sheetReason: ImportNote | null;
  /** Row numbers of the header (two for a two-level header). */
  headerRows: number[];
  columns: ImportColumn[];
  /** Every column of the file and what it was matched to; none is dropped without being listed. */
  fileColumns: FileColumn[];
  fields: ImportField[];
  /** Headers in the file that are not imported (unknown or left out on purpose). */
  ignoredHeaders: string[];
  /** Problems with the columns themselves (a required one missing, two for the same field); rows are not checked then. */
  columnProblems: ImportNote[];
  /** Where the column mapping came from: automatic, the caller's choice, or remembered for this layout. */
  mappingSource: 'auto' | 'chosen' | 'remembered';
  /** Identifies the file's column layout; a mapping chosen for it is remembered. */
  layoutKey: string;
  notes: ImportNote[];
  duplicatePolicy: DuplicatePolicy;
  totalRows: number;
  validRows: number;
  errorRows: number;
  /** Rows written as new records (0 on a dry run or when the import was stopped). */
  inserted: number;
  /** Existing records updated (duplicates policy 'update'). */
  updated: number;
  /** Rows left out because they match an existing record (duplicates policy 'skip' or not the caller's). */
  skipped: number;
  dryRun: boolean;
  issues: RowIssue[];
  /** More issues than listed in `issues` (the list is capped). */
  issuesOmitted: number;
  /** The preview table's columns (the importer's fields shown in `preview`). */
  previewColumns: { field: string; label: string; labelEn: string }[];
  /** The first valid rows as they will be imported, for the preview table. */
  preview: { row: number; values: Record<string, string>; action?: 'insert' | 'update' | 'skip' }[];
  /** The failed rows with an extra 错误原因 column, as an .xlsx file to fix and re-import. */
  failedRowsFile: { fileName: string; dataBase64: string } | null;
  /** Milliseconds spent, for the progress display and the bench. */
  elapsedMs: number;
};

/** A row whose first cell starts with this is a template's example row: imports skip it. */
export const EXAMPLE_MARK = '【示例】';

export const ISSUES_LISTED_MAX = 1000;
export const PREVIEW_ROWS_MAX = 100;

/** Progress of an import that is running (`imports.progress`). */
export type ImportPhase = 'queued' | 'reading' | 'checking' | 'writing' | 'finishing' | 'done' | 'failed' | 'cancelled';
export type ImportProgress = {
  jobId: string;
  kind: string;
  fileName: string;
  phase: ImportPhase;
  /** Rows checked (or written) so far, and the rows there are (0 while still unknown). */
  done: number;
  total: number;
  startedAt: string;
};
