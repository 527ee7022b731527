import { cellText, type CellValue } from '../../../shared/imports/cells';
import { headerKey, matchHeaders } from '../../../shared/imports/headers';
import {
  ISSUES_LISTED_MAX,
  PREVIEW_ROWS_MAX,
  type ImportFileInput,
  type ImportReport,
  type RowIssue,
} from '../../../shared/imports/import-report';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { Importer, RowCells } from './importer';
import { readSheet } from './read-sheet';
import { columnLetter, type SheetRow } from './sheet';
import { writeTable } from './write-table';

/**
 * The one way any spreadsheet gets into the office: read the file, match the headers, check
 * every row, then — only when asked and only if every row is valid (or mode 'valid') — write
 * all rows in one transaction. A preview (dryRun) runs the same checks and writes nothing.
 */
export async function runImport<F extends string, R>(
  ctx: CallContext,
  importer: Importer<F, R>,
  input: ImportFileInput,
): Promise<ImportReport> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const specKeys = new Set(importer.columns.flatMap((c) => [c.field, c.label, c.labelEn, ...c.aliases].map(headerKey)));
  const sheet = await readSheet(bytes, input.fileName, (cells) => cells.filter((c) => specKeys.has(headerKey(c))).length);
  const match = matchHeaders(sheet.headers, importer.columns);
  if (match.missing.length > 0) {
    const names = match.missing.map((m) => m.label).join('、');
    throw new AppError(
      'invalid_input',
      `"${input.fileName}"缺少必填列:${names}。找到的表头是:${sheet.headers.filter(Boolean).join('、') || '(无)'}。请按模板的列名(中文或英文)填写表头。`,
      `"${input.fileName}" lacks required columns: ${match.missing.map((m) => `${m.labelEn} (${m.label})`).join(', ')}. Headers found: ${sheet.headers.filter(Boolean).join(', ') || '(none)'}. Use the template's column names (Chinese or English).`,
      { missing: match.missing.map((m) => m.field), headers: sheet.headers },
    );
  }
  if (match.doubled.length > 0) {
    const d = match.doubled[0]!;
    throw new AppError(
      'invalid_input',
      `"${input.fileName}"有两列都表示同一项:${d.headers.join(' 和 ')}。请删除其中一列。`,
      `"${input.fileName}" has two columns for the same thing: ${d.headers.join(' and ')}. Remove one.`,
    );
  }
  if (sheet.rows.length === 0) {
    throw new AppError(
      'invalid_input',
      `"${input.fileName}"只有表头,没有数据行。`,
      `"${input.fileName}" has a header but no data rows.`,
    );
  }
  const headerOf = (field: F): string => match.headers[field] ?? importer.columns.find((c) => c.field === field)?.label ?? field;
  const reader = await importer.prepare(ctx);
  const issues: RowIssue[] = [];
  const valid: { row: number; value: R }[] = [];
  const failed: SheetRow[] = [];
  const preview: ImportReport['preview'] = [];
  for (const sheetRow of sheet.rows) {
    const cells = rowCells(sheetRow.cells, match.columns, headerOf);
    const fromSheet = (sheetRow.cellIssues ?? []).map((i) => ({
      row: sheetRow.row,
      column: sheet.headers[i.column] || columnLetter(i.column),
      value: '',
      message: i.message,
      messageEn: i.messageEn,
    }));
    const result = reader.read(cells, sheetRow.row);
    if (result.ok && fromSheet.length === 0) {
      valid.push({ row: sheetRow.row, value: result.value });
      if (preview.length < PREVIEW_ROWS_MAX) preview.push({ row: sheetRow.row, values: result.preview() });
    } else {
      issues.push(...fromSheet, ...(result.ok ? [] : result.issues.map((i) => ({ row: sheetRow.row, ...i }))));
      failed.push(sheetRow);
    }
  }
  const report: ImportReport = {
    kind: importer.kind,
    fileName: input.fileName,
    format: sheet.format,
    encoding: sheet.encoding,
    sheetName: sheet.sheetName,
    columns: importer.columns
      .filter((c) => match.columns[c.field] !== undefined)
      .map((c) => ({ field: c.field, header: match.headers[c.field]!, label: c.label, labelEn: c.labelEn })),
    ignoredHeaders: match.ignored,
    totalRows: sheet.rows.length,
    validRows: valid.length,
    errorRows: failed.length,
    inserted: 0,
    dryRun: input.dryRun,
    issues: issues.slice(0, ISSUES_LISTED_MAX),
    issuesOmitted: Math.max(0, issues.length - ISSUES_LISTED_MAX),
    previewColumns: Object.keys(preview[0]?.values ?? {}).map((field) => {
      const spec = importer.columns.find((c) => c.field === field);
      return { field, label: spec?.label ?? field, labelEn: spec?.labelEn ?? field };
    }),
    preview,
    failedRowsFile: failed.length > 0 ? await failedRowsFile(input.fileName, sheet.headers, failed, issues) : null,
  };
  if (input.dryRun) return report;
  if (failed.length > 0 && input.mode === 'all') {
    throw new AppError(
      'invalid_input',
      `导入已取消,未写入任何数据:${failed.length} 行有错误(共 ${sheet.rows.length} 行)。请改正后重新导入,或选择"只导入正确的行"。`,
      `Import cancelled, nothing was written: ${failed.length} of ${sheet.rows.length} rows have errors. Fix them and import again, or choose to import only the valid rows.`,
      { rowIssues: report.issues, issuesOmitted: report.issuesOmitted, report: { ...report, failedRowsFile: null } },
    );
  }
  const inserted = await ctx.db.transaction().execute(async (trx) => {
    const n = valid.length ? await reader.write(trx, ctx, valid) : 0;
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: `${importer.kind}.import`,
        entity: importer.kind,
        entityId: null,
        after: { fileName: input.fileName, rows: sheet.rows.length, inserted: n, skipped: failed.length },
      },
      ctx.now(),
    );
    return n;
  });
  return { ...report, inserted };
}

function rowCells<F extends string>(
  cells: readonly CellValue[],
  columns: Partial<Record<F, number>>,
  header: (field: F) => string,
): RowCells<F> {
  const get = (field: F): CellValue => {
    const index = columns[field];
    return index === undefined ? null : (cells[index] ?? null);
  };
  return { get, text: (field) => cellText(get(field)), has: (field) => columns[field] !== undefined, header };
}

/** The failed rows as they were, plus why, so they can be fixed in Excel and imported again. */
async function failedRowsFile(
  fileName: string,
  headers: readonly string[],
  rows: readonly SheetRow[],
  issues: readonly RowIssue[],
): Promise<{ fileName: string; dataBase64: string }> {
  const why = new Map<number, string[]>();
  for (const i of issues) why.set(i.row, [...(why.get(i.row) ?? []), `${i.column ? `${i.column}:` : ''}${i.message}`]);
  const columns = [
    { header: '原行号' },
    ...headers.map((h, i) => ({ header: h || columnLetter(i) })),
    { header: '错误原因', width: 60 },
  ];
  const data = rows.map((r) => [
    r.row,
    ...headers.map((_h, i) => cellText(r.cells[i] ?? null)),
    (why.get(r.row) ?? []).join(';'),
  ]);
  const buffer = await writeTable('xlsx', '导入失败的行', columns, data);
  const base = fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-失败的行.xlsx`, dataBase64: buffer.toString('base64') };
}
