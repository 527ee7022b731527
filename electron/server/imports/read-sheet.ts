import path from 'node:path';
import ExcelJS from 'exceljs';
import { cellText, isEmptyCell, type CellValue } from '../../../shared/imports/cells';
import { parseCsv } from '../../../shared/imports/csv';
import { IMPORT_MAX_BYTES } from '../../../shared/imports/import-report';
import { AppError } from '../core/app-error';
import { decodeText, looksLikeText } from './decode-text';
import { columnLetter, type SheetData, type SheetRow } from './sheet';

/** How many top rows may hold a title before the header row. */
const HEADER_SEARCH_ROWS = 10;

export type HeaderScorer = (cells: readonly string[]) => number;

/**
 * Read the first sheet of an .xlsx, or a CSV, into header + rows. The header row is the first
 * of the top ten rows that names the most known columns (a title line above it is skipped).
 * Refuses, with a message a person can act on: an empty file, a file over the size limit, an
 * old .xls, a file that claims to be .xlsx but is not, and binary files posing as CSV.
 */
export async function readSheet(bytes: Buffer, fileName: string, scoreHeader: HeaderScorer): Promise<SheetData> {
  if (bytes.length === 0) throw fileError(fileName, '文件是空的', 'the file is empty');
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw new AppError(
      'too_large',
      `文件"${fileName}"有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB,超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 上限。请拆分成几个文件分批导入。`,
      `"${fileName}" is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${IMPORT_MAX_BYTES / 1024 / 1024} MB limit. Split it into several files.`,
    );
  }
  const ext = path.extname(fileName).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (isOle || ext === '.xls')
    throw fileError(
      fileName,
      '这是旧版 Excel 97-2003 (.xls) 文件,请在 Excel 中"另存为" .xlsx 或 CSV 后再导入',
      'this is an old Excel 97-2003 (.xls) file; in Excel use "Save As" .xlsx or CSV, then import that',
    );
  if (isZip) return readXlsx(bytes, fileName, scoreHeader);
  if (ext === '.xlsx' || ext === '.xlsm')
    throw fileError(
      fileName,
      '扩展名是 .xlsx,但内容不是 Excel 工作簿(文件可能已损坏或被改了扩展名)',
      'it is named .xlsx but is not an Excel workbook (it may be damaged or renamed)',
    );
  return readCsv(bytes, fileName, scoreHeader);
}

function fileError(fileName: string, zh: string, en: string): AppError {
  return new AppError('invalid_input', `无法导入"${fileName}":${zh}。`, `Cannot import "${fileName}": ${en}.`, { fileName });
}

function readCsv(bytes: Buffer, fileName: string, scoreHeader: HeaderScorer): SheetData {
  const { text, encoding } = decodeText(bytes);
  if (!looksLikeText(text))
    throw fileError(
      fileName,
      '内容不是文本表格(请导入 .xlsx 或 CSV 文件)',
      'its content is not a text table (import an .xlsx or CSV file)',
    );
  const { rows, unterminatedQuoteAtLine } = parseCsv(text);
  if (unterminatedQuoteAtLine !== null) {
    throw fileError(
      fileName,
      `第 ${unterminatedQuoteAtLine} 行的引号没有闭合,文件可能不完整`,
      `the quote opened on line ${unterminatedQuoteAtLine} is never closed; the file may be incomplete`,
    );
  }
  return toSheet(
    rows.map((cells, i) => ({ row: i + 1, cells })),
    { format: 'csv', encoding, sheetName: null },
    fileName,
    scoreHeader,
  );
}

async function readXlsx(bytes: Buffer, fileName: string, scoreHeader: HeaderScorer): Promise<SheetData> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw fileError(
      fileName,
      `不是有效的 Excel 工作簿(${(error as Error).message})`,
      `it is not a valid Excel workbook (${(error as Error).message})`,
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw fileError(fileName, '工作簿里没有任何数据', 'the workbook holds no data');
  const merged = mergedRanges(sheet);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    const cellIssues: NonNullable<SheetRow['cellIssues']> = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const read = readCell(cell.value);
      cells[col - 1] = read.value;
      if (read.issue) cellIssues.push({ column: col - 1, ...read.issue });
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    for (const m of merged) {
      if (rowNumber >= m.top && rowNumber <= m.bottom) {
        cellIssues.push({
          column: m.left - 1,
          message: `合并单元格 ${m.range}:请取消合并,并在每一行填上自己的值`,
          messageEn: `merged cells ${m.range}: unmerge them and fill in each row's own value`,
        });
      }
    }
    rows.push({ row: rowNumber, cells, ...(cellIssues.length ? { cellIssues } : {}) });
  });
  return toSheet(rows, { format: 'xlsx', encoding: null, sheetName: sheet.name }, fileName, scoreHeader);
}

function mergedRanges(sheet: ExcelJS.Worksheet): { range: string; top: number; bottom: number; left: number }[] {
  const ranges = (sheet.model as { merges?: string[] }).merges ?? [];
  return ranges.map((range) => {
    const [a, b = a] = range.split(':') as [string, string?];
    const parse = (ref: string): { row: number; col: number } => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return { row: Number(m[2]), col };
    };
    const start = parse(a);
    const end = parse(b!);
    return { range, top: start.row, bottom: end.row, left: start.col };
  });
}

type ReadCell = { value: CellValue; issue?: { message: string; messageEn: string } };

/** exceljs cell values: plain, formula (take its computed result), rich text, hyperlink, error. */
function readCell(value: ExcelJS.CellValue): ReadCell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return { value };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
        return {
          value: null,
          issue: {
            message: '公式没有计算结果:请在 Excel 中打开并保存,或把公式复制为数值',
            messageEn: 'the formula has no computed value: open and save the file in Excel, or paste the formula as values',
          },
        };
      }
      return { value: result as CellValue };
    }
    if ('richText' in value) return { value: value.richText.map((r) => r.text).join('') };
    if ('hyperlink' in value) return { value: String((value as { text?: unknown }).text ?? value.hyperlink) };
    if ('error' in value)
      return {
        value: null,
        issue: { message: `单元格是错误值 ${String(value.error)}`, messageEn: `the cell holds the error ${String(value.error)}` },
      };
  }
  return { value: String(value) };
}

function toSheet(
  all: SheetRow[],
  meta: Pick<SheetData, 'format' | 'encoding' | 'sheetName'>,
  fileName: string,
  scoreHeader: HeaderScorer,
): SheetData {
  const nonEmpty = all.filter((r) => r.cells.some((c) => !isEmptyCell(c)));
  if (nonEmpty.length === 0) throw fileError(fileName, '文件里没有任何数据', 'the file holds no data');
  let best = nonEmpty[0]!;
  let bestScore = -1;
  for (const candidate of nonEmpty.slice(0, HEADER_SEARCH_ROWS)) {
    const score = scoreHeader(candidate.cells.map(cellText));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  // A title above the header (often merged across the columns) does not concern the data.
  const rows = nonEmpty.filter((r) => r.row > best.row);
  return { ...meta, headerRow: best.row, headers: best.cells.map(cellText), rows };
}

export { columnLetter };
