import type { Kysely } from 'kysely';
import { cellText } from '../../../shared/imports/cells';
import { assignColumns, specForHeader, type ColumnAssignment, type ColumnSpec } from '../../../shared/imports/headers';
import {
  ISSUES_LISTED_MAX,
  PREVIEW_ROWS_MAX,
  type FileColumn,
  type ImportFileInput,
  type ImportNote,
  type ImportPhase,
  type ImportReport,
  type RowIssue,
} from '../../../shared/imports/import-report';
import { IMPORT_LIMITS } from '../../../shared/imports/limits';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { Database } from '../db/schema';
import { chooseSheet } from './choose-sheet';
import { ReadNotes, dataRows } from './data-rows';
import { failedRowsFile } from './failed-rows';
import { addUnnamedColumns, type LayoutColumn } from './header-layout';
import type { Importer } from './importer';
import { layoutKey, recallLayout, rememberLayout } from './layouts.repository';
import { openWorkbook } from './read/open-workbook';
import { limitError } from './read/read-errors';
import type { CellNote, SheetRow } from './read/types';
import { rowCells, type FieldColumns } from './row-cells';
import { columnLetter } from './sheet';

export type ImportHooks = {
  progress: (phase: ImportPhase, done: number, total: number) => void;
  /**
   * Runs the write inside one transaction. In the import child it is BEGIN IMMEDIATE on the
   * child's own connection; inline (an in-memory office) it is Kysely's transaction.
   */
  transaction: <T>(ctx: CallContext, work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
};

/** Valid rows handed to the importer's writer at a time. */
export const WRITE_CHUNK = 5_000;
/** Rows between two progress reports ('writing' ones come from inside the write transaction). */
export const PROGRESS_EVERY = 2_000;

class Rollback extends Error {}

/**
 * The one way any spreadsheet gets into the office: read the file (any format, limits first),
 * find the sheet and its header, match the columns (automatically, by hand, or as remembered
 * for this layout), check every row, and — only when asked, and only if every row is valid or
 * mode is 'valid' — write the rows in one transaction. A preview (dryRun) runs the same checks
 * and writes nothing. Rows are walked, not collected: memory does not grow with the file.
 */
export async function runImportHere<F extends string, R>(
  ctx: CallContext,
  importer: Importer<F, R>,
  input: ImportFileInput,
  bytes: Buffer,
  hooks: ImportHooks,
): Promise<ImportReport> {
  const started = performance.now();
  hooks.progress('reading', 0, 0);
  const policies = importer.duplicatePolicies ?? ['refuse'];
  if (!policies.includes(input.duplicates))
    throw new AppError('invalid_input', {
      zh: `导入${importer.label.zh}不支持"${input.duplicates}"的重复处理方式。`,
      en: `Importing ${importer.label.en} does not support the duplicates policy "${input.duplicates}".`,
    });
  const specs = importer.columns;
  const workbook = openWorkbook(bytes, input.fileName);
  const score = (names: readonly string[][]): number => names.filter((n) => specForHeader(n, specs) !== null).length;
  const chosen = chooseSheet(workbook, input.sheet, score, input.fileName);
  const opened = chosen.sheet.open();
  const layout = chosen.layout;
  addUnnamedColumns(
    layout,
    chosen.head.rows.filter((r) => r.row > layout.lastHeaderRow),
  );
  if (layout.columns.length > IMPORT_LIMITS.maxColumns)
    throw limitError(
      input.fileName,
      'maxColumns',
      `表头有 ${layout.columns.length} 列`,
      `the header has ${layout.columns.length} columns`,
    );
  const key = layoutKey(importer.kind, layout.columns);
  const remembered = input.columnMap ? null : recallLayout(ctx, importer.kind, key);
  const mapping = input.columnMap ?? remembered;
  const assignment = assignColumns(
    layout.columns,
    specs,
    mapping ? { map: mapping, source: input.columnMap ? 'chosen' : 'remembered' } : null,
  );
  const fields = fieldColumns(assignment, layout.columns, specs);
  const columnProblems = problemsOf(assignment, layout.columns, specs, input.fileName);
  const notes = new ReadNotes();
  const base: ImportReport = {
    kind: importer.kind,
    fileName: input.fileName,
    format: workbook.format,
    encoding: workbook.encoding,
    sheetName: chosen.sheet.name || null,
    sheets: workbook.format === 'csv' ? [] : workbook.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
    sheetReason: chosen.reason,
    headerRows: layout.headerRows,
    columns: specs
      .filter((s) => fields.has(s.field))
      .map((s) => ({ field: s.field, header: fields.get(s.field)!.header, label: s.label, labelEn: s.labelEn })),
    fileColumns: fileColumns(layout.columns, assignment, chosen.head.rows, layout.lastHeaderRow),
    fields: specs.map((s) => ({ field: s.field, label: s.label, labelEn: s.labelEn, required: !!s.required, multi: !!s.multi })),
    ignoredHeaders: layout.columns
      .filter((c) => assignment.byColumn[c.key]?.field == null)
      .map((c) => c.header || `(${c.key} 列)`),
    columnProblems,
    mappingSource: input.columnMap ? 'chosen' : remembered ? 'remembered' : 'auto',
    layoutKey: key,
    notes: [],
    duplicatePolicy: input.duplicates,
    totalRows: 0,
    validRows: 0,
    errorRows: 0,
    inserted: 0,
    updated: 0,
    skipped: 0,
    dryRun: input.dryRun,
    issues: [],
    issuesOmitted: 0,
    previewColumns: [],
    preview: [],
    failedRowsFile: null,
    elapsedMs: 0,
  };
  if (columnProblems.length > 0) {
    if (!input.dryRun) {
      throw new AppError(
        'invalid_input',
        {
          zh: `${columnProblems.map((p) => p.message).join(' ')}未写入任何数据。`,
          en: `${columnProblems.map((p) => p.messageEn).join(' ')} Nothing was written.`,
        },
        { columnProblems, fileColumns: base.fileColumns, missing: assignment.missing.map((m) => m.field) },
      );
    }
    let total = 0;
    for (const _row of dataRows(opened, layout, notes)) total++;
    return { ...base, totalRows: total, notes: [...notes.list()], elapsedMs: Math.round(performance.now() - started) };
  }

  const reader = await importer.prepare(ctx, { duplicates: input.duplicates });
  const headerOf = (field: F): string => fields.get(field)?.header ?? specs.find((s) => s.field === field)?.label ?? field;
  const fieldOfIndex = new Map<number, { field: F; header: string }>();
  for (const [field, entry] of fields)
    for (const c of entry.columns) for (const i of c.indexes) fieldOfIndex.set(i, { field, header: c.header });
  const issues: RowIssue[] = [];
  let issueCount = 0;
  const reasons = new Map<number, string>();
  const counts = { total: 0, valid: 0, failed: 0, insert: 0, update: 0, skip: 0 };
  const preview: ImportReport['preview'] = [];
  const total = opened.rowCount;
  const pass = async (
    write: ((rows: { row: number; value: R; action: 'insert' | 'update' }[]) => Promise<void>) | null,
  ): Promise<void> => {
    let buffer: { row: number; value: R; action: 'insert' | 'update' }[] = [];
    const flush = async (): Promise<void> => {
      if (!write || buffer.length === 0) return;
      const chunk = buffer;
      buffer = [];
      await write(chunk);
    };
    for (const sheetRow of dataRows(opened, layout, notes)) {
      counts.total++;
      const cells = rowCells(sheetRow, fields, headerOf);
      const fromSheet = sheetIssues(sheetRow, fieldOfIndex, notes);
      const result = reader.read(cells, sheetRow.row);
      if (result.ok && fromSheet.length === 0) {
        const action = result.action ?? 'insert';
        if (action === 'skip') counts.skip++;
        else {
          counts.valid++;
          counts[action]++;
          if (write && !(input.mode === 'all' && counts.failed > 0))
            buffer.push({ row: sheetRow.row, value: result.value, action });
        }
        if (preview.length < PREVIEW_ROWS_MAX) preview.push({ row: sheetRow.row, values: result.preview(), action });
      } else {
        counts.failed++;
        const rowIssues = [...fromSheet, ...(result.ok ? [] : result.issues.map((i) => ({ row: sheetRow.row, ...i })))];
        issueCount += rowIssues.length;
        for (const issue of rowIssues) if (issues.length < ISSUES_LISTED_MAX) issues.push(issue);
        reasons.set(sheetRow.row, rowIssues.map((i) => `${i.column ? `${i.column}:` : ''}${i.message}`).join(';'));
      }
      if (buffer.length >= WRITE_CHUNK) await flush();
      if (counts.total % PROGRESS_EVERY === 0) hooks.progress(write ? 'writing' : 'checking', counts.total, total);
    }
    await flush();
  };

  const finish = (written: boolean): ImportReport => {
    const failed =
      counts.failed > 0
        ? failedRowsFile(input.fileName, layout.columns, dataRows(opened, layout, new ReadNotes()), reasons)
        : null;
    const listed = notes.list();
    if (failed && failed.omitted > 0)
      listed.push({
        message: `失败行文件只列出前 ${IMPORT_LIMITS.failedRowsFileMax.toLocaleString('en-US')} 行,另有 ${failed.omitted} 行未列出`,
        messageEn: `The failed-rows file lists the first ${IMPORT_LIMITS.failedRowsFileMax.toLocaleString('en-US')} rows; ${failed.omitted} more are not listed`,
      });
    return {
      ...base,
      notes: listed,
      totalRows: counts.total,
      validRows: counts.valid,
      errorRows: counts.failed,
      inserted: written ? counts.insert : 0,
      updated: written ? counts.update : 0,
      skipped: counts.skip,
      issues,
      issuesOmitted: Math.max(0, issueCount - issues.length),
      previewColumns: Object.keys(preview[0]?.values ?? {}).map((field) => {
        const spec = specs.find((c) => c.field === field);
        return { field, label: spec?.label ?? field, labelEn: spec?.labelEn ?? field };
      }),
      preview,
      failedRowsFile: failed ? { fileName: failed.fileName, dataBase64: failed.dataBase64 } : null,
      elapsedMs: Math.round(performance.now() - started),
    };
  };

  if (input.dryRun) {
    await pass(null);
    hooks.progress('finishing', counts.total, counts.total);
    if (counts.total === 0) throw noDataRows(input.fileName, notes);
    return finish(false);
  }
  try {
    await hooks.transaction(ctx, async (trx) => {
      await pass(async (rows) => {
        await reader.write(trx, ctx, rows);
      });
      if (counts.total === 0) throw noDataRows(input.fileName, notes);
      if (counts.failed > 0 && input.mode === 'all') throw new Rollback();
      hooks.progress('finishing', counts.total, counts.total);
      if (input.columnMap) rememberLayout(ctx, importer.kind, key, layout.columns, input.columnMap, ctx.actor);
      await writeAudit(
        trx,
        ctx.actor,
        {
          action: `${importer.kind}.import`,
          entity: importer.kind,
          entityId: null,
          after: {
            fileName: input.fileName,
            // Lets a cancel that came too late find out that this job did commit (run-import.ts).
            jobId: input.jobId ?? null,
            sheet: chosen.sheet.name || null,
            rows: counts.total,
            inserted: counts.insert,
            updated: counts.update,
            skipped: counts.skip + (input.mode === 'valid' ? counts.failed : 0),
            duplicates: input.duplicates,
          },
        },
        ctx.now(),
      );
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    const report = finish(false);
    throw new AppError(
      'invalid_input',
      {
        zh: `导入已取消,未写入任何数据:${counts.failed} 行有错误(共 ${counts.total} 行)。请改正后重新导入,或选择"只导入正确的行"。`,
        en: `Import cancelled, nothing was written: ${counts.failed} of ${counts.total} rows have errors. Fix them and import again, or choose to import only the valid rows.`,
      },
      { rowIssues: report.issues, issuesOmitted: report.issuesOmitted, report: { ...report, failedRowsFile: null } },
    );
  }
  return finish(true);
}

function noDataRows(fileName: string, notes: ReadNotes): AppError {
  if (notes.has('example'))
    return new AppError('invalid_input', {
      zh: `"${fileName}"只有表头和模板的示例行,没有要导入的数据行。请在示例行下面填写数据(示例行会自动跳过)。`,
      en: `"${fileName}" holds only the header and the template's example row. Fill in rows below the example (it is skipped).`,
    });
  return new AppError('invalid_input', {
    zh: `"${fileName}"只有表头,没有数据行。`,
    en: `"${fileName}" has a header but no data rows.`,
  });
}

function fieldColumns<F extends string>(
  assignment: ColumnAssignment<F>,
  columns: readonly LayoutColumn[],
  specs: readonly ColumnSpec<F>[],
): FieldColumns<F> {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const out: FieldColumns<F> = new Map();
  for (const spec of specs) {
    const keys = assignment.byField[spec.field];
    if (!keys?.length) continue;
    const cols = keys.map((k) => byKey.get(k)!).filter(Boolean);
    out.set(spec.field, { spec, columns: cols, header: cols.map((c) => c.header || `(${c.key} 列)`).join('、') });
  }
  return out;
}

function problemsOf<F extends string>(
  assignment: ColumnAssignment<F>,
  columns: readonly LayoutColumn[],
  specs: readonly ColumnSpec<F>[],
  fileName: string,
): ImportNote[] {
  const problems: ImportNote[] = [];
  const headerOf = (key: string): string => columns.find((c) => c.key === key)?.header || `(${key} 列)`;
  if (assignment.missing.length > 0) {
    const found = columns.map((c) => c.header).filter(Boolean);
    problems.push({
      message: `"${fileName}"缺少必填列:${assignment.missing.map((m) => m.label).join('、')}。找到的表头是:${found.join('、') || '(无)'}。请按模板的列名(中文或英文)填写表头,或在"列对应"中指定哪一列是${assignment.missing.map((m) => m.label).join('、')}。`,
      messageEn: `"${fileName}" lacks required columns: ${assignment.missing.map((m) => `${m.labelEn} (${m.label})`).join(', ')}. Headers found: ${found.join(', ') || '(none)'}. Use the template's column names (Chinese or English), or choose the column under "Columns".`,
    });
  }
  for (const d of assignment.doubled) {
    const spec = specs.find((s) => s.field === d.field)!;
    problems.push({
      message: `"${fileName}"有两列都表示${spec.label}:${d.keys.map(headerOf).join(' 和 ')}。请删除其中一列,或在"列对应"中把其中一列设为不导入。`,
      messageEn: `"${fileName}" has two columns for ${spec.labelEn}: ${d.keys.map(headerOf).join(' and ')}. Remove one, or set one of them to "not imported" under "Columns".`,
    });
  }
  for (const field of assignment.unknownFields) {
    problems.push({
      message: `列对应里的"${field}"不是可导入的字段。`,
      messageEn: `"${field}" in the column mapping is not a field this import has.`,
    });
  }
  return problems;
}

function fileColumns<F extends string>(
  columns: readonly LayoutColumn[],
  assignment: ColumnAssignment<F>,
  head: readonly SheetRow[],
  lastHeaderRow: number,
): FileColumn[] {
  const data = head.filter((r) => r.row > lastHeaderRow);
  return columns.map((c) => {
    const samples: string[] = [];
    for (const row of data) {
      const text = c.indexes
        .map((i) => cellText(row.cells[i] ?? null))
        .filter(Boolean)
        .join(' ');
      if (text && samples.length < 3) samples.push(text.length > 40 ? `${text.slice(0, 40)}…` : text);
    }
    const match = assignment.byColumn[c.key] ?? { field: null, match: 'unknown' as const };
    return {
      key: c.key,
      header: c.header,
      letters: c.indexes.map(columnLetter),
      field: match.field,
      match: match.match,
      samples,
    };
  });
}

/** Cells the reader could not read, as issues when their column is imported (notes otherwise). */
function sheetIssues<F extends string>(
  row: SheetRow,
  fieldOfIndex: ReadonlyMap<number, { field: F; header: string }>,
  notes: ReadNotes,
): RowIssue[] {
  if (!row.notes) return [];
  const issues: RowIssue[] = [];
  for (const note of row.notes) {
    const target = fieldOfIndex.get(note.column);
    if (note.kind === 'picture') {
      notes.add(
        `picture-${note.column}`,
        {
          message: `${columnLetter(note.column)} 列第 {rows} 行是 WPS 嵌入图片(DISPIMG),图片不能导入,已跳过`,
          messageEn: `Column ${columnLetter(note.column)}, row {rows} holds a WPS in-cell picture (DISPIMG); pictures cannot be imported and were skipped`,
        },
        row.row,
      );
      continue;
    }
    if (!target) continue;
    issues.push(cellIssue(row.row, target.header || `(${columnLetter(note.column)} 列)`, note));
  }
  return issues;
}

function cellIssue(row: number, column: string, note: CellNote): RowIssue {
  if (note.kind === 'error')
    return {
      row,
      column,
      value: note.detail,
      message: `单元格是错误值 ${note.detail}`,
      messageEn: `the cell holds the error ${note.detail}`,
    };
  return {
    row,
    column,
    value: note.detail,
    message: '公式没有计算结果:请在 Excel 中打开并保存,或把公式复制为数值',
    messageEn: 'the formula has no computed value: open and save the file in Excel, or paste the formula as values',
  };
}
