import { csvRows, detectDelimiter } from '../../../../shared/imports/csv';
import { IMPORT_LIMITS } from '../../../../shared/imports/limits';
import { decodeText, looksLikeText } from '../decode-text';
import { limitError, unreadable } from './read-errors';
import type { OpenedSheet, SheetRow, Workbook } from './types';

/** Header rows allowed on top of `maxRows` data rows. */
const HEADER_ALLOWANCE = 20;

/**
 * CSV/TSV in any encoding offices have (see decodeText), walked a row at a time: checking
 * and writing each walk the text again instead of keeping 300k rows of fields in memory.
 */
export function readCsv(bytes: Buffer, fileName: string): Workbook {
  const { text, encoding } = decodeText(bytes);
  if (!looksLikeText(text))
    throw unreadable(
      fileName,
      '内容不是文本表格,也不是能识别的工作簿(支持 .xlsx、.xls、.et、.ods、.xlsb、.numbers 和 CSV)',
      'its content is neither a text table nor a workbook we recognise (.xlsx, .xls, .et, .ods, .xlsb, .numbers and CSV are supported)',
    );
  const delimiter = detectDelimiter(text);
  let opened: OpenedSheet | null = null;
  const open = (): OpenedSheet => {
    if (opened) return opened;
    // Lines are an upper bound of rows (a quoted cell may span lines): a cheap count first.
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    if (lines > IMPORT_LIMITS.maxRows + HEADER_ALLOWANCE) {
      let rows = 0;
      for (const r of csvRows(text, delimiter)) if ('fields' in r && r.fields.some((f) => f.trim() !== '')) rows++;
      if (rows > IMPORT_LIMITS.maxRows + HEADER_ALLOWANCE)
        throw limitError(
          fileName,
          'maxRows',
          `文件有 ${rows.toLocaleString('en-US')} 行`,
          `the file has ${rows.toLocaleString('en-US')} rows`,
        );
    }
    opened = { merges: [], rowCount: lines + 1, rows: () => walk(text, delimiter, fileName) };
    return opened;
  };
  return {
    format: 'csv',
    encoding,
    sheets: [
      {
        name: '',
        hidden: false,
        head: (count) => {
          const rows: SheetRow[] = [];
          for (const row of walk(text, delimiter, fileName, true)) {
            rows.push(row);
            if (rows.length >= count) break;
          }
          return { rows, merges: [] };
        },
        open,
      },
    ],
  };
}

/** Rows numbered as Excel numbers a CSV it opens: one per record, a quoted line break included. */
function* walk(text: string, delimiter: string, fileName: string, lenient = false): Generator<SheetRow> {
  let record = 0;
  for (const r of csvRows(text, delimiter)) {
    record++;
    if ('unterminatedQuoteAtLine' in r) {
      if (lenient) return;
      throw unreadable(
        fileName,
        `第 ${r.unterminatedQuoteAtLine} 行的引号没有闭合,文件可能不完整`,
        `the quote opened on line ${r.unterminatedQuoteAtLine} is never closed; the file may be incomplete`,
      );
    }
    if (r.fields.every((f) => f.trim() === '')) continue;
    yield { row: record, cells: r.fields };
  }
}
