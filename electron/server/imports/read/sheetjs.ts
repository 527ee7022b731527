import { createRequire } from 'node:module';
import type * as XLSXTypes from '@e965/xlsx';
import type { CellValue } from '../../../../shared/imports/cells';
import { IMPORT_LIMITS } from '../../../../shared/imports/limits';
import { isPictureFormula, numberCell } from './cell-convert';
import { BUILTIN_FORMATS, classifyFormat, type NumberFormat } from './number-format';
import { limitError, unreadable } from './read-errors';
import type { CellNote, MergeRange, SheetFormat, SheetRow, Workbook } from './types';

/**
 * SheetJS (`@e965/xlsx` 0.20.3, the maintained build; not the stale xlsx@0.18.5 with its CVEs
 * and day-shifted dates) reads what our OOXML scanner does not: .xls (BIFF8 and BIFF5), WPS
 * .et, .ods/.fods, .xlsb, .numbers and SpreadsheetML 2003/HTML tables saved as ".xls". Its
 * CommonJS entry is loaded on purpose: it carries the code pages that GBK-era .xls need,
 * which the ESM entry garbles unless `set_cptable` is called.
 */
const require = createRequire(import.meta.url);
let loaded: typeof XLSXTypes | null = null;

export function sheetjs(): typeof XLSXTypes {
  if (loaded) return loaded;
  const XLSX = require('@e965/xlsx') as typeof XLSXTypes;
  loaded = XLSX;
  return XLSX;
}

const HEADER_ALLOWANCE = 20;

const ERROR_CODES: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

type DenseCell = { t?: string; v?: unknown; z?: string | number; w?: string; f?: string };

/** `hiddenNames`: sheets known hidden where SheetJS does not say (ODS, see ods-hidden.ts). */
export function readWithSheetjs(
  bytes: Buffer,
  fileName: string,
  format: SheetFormat,
  hiddenNames?: ReadonlySet<string>,
): Workbook {
  const XLSX = sheetjs();
  let wb: XLSXTypes.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      // Dates stay serial numbers with their format, converted below exactly as the OOXML
      // scanner converts them (1900/1904, Chinese built-in formats): one rule for every format.
      // (cellDates with cellText off also makes SheetJS drop some sheets without a word.)
      cellDates: false,
      UTC: true,
      cellNF: true,
      // Text is needed only for cells in a built-in format SheetJS's table lacks (below).
      cellText: true,
      cellHTML: false,
      cellFormula: true,
      sheetRows: IMPORT_LIMITS.maxRows + HEADER_ALLOWANCE + 1,
    });
  } catch (error) {
    throw explain(error, fileName, format);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.flatMap((name, index) => {
    const ws = wb.Sheets[name];
    // Chart sheets and macro sheets hold no cells.
    if (!ws) return [];
    const hidden = Boolean(wb.Workbook?.Sheets?.[index]?.Hidden) || Boolean(hiddenNames?.has(name));
    const merges = (): MergeRange[] => {
      const list = (ws['!merges'] ?? []) as XLSXTypes.Range[];
      if (list.length > IMPORT_LIMITS.maxMerges)
        throw limitError(
          fileName,
          'maxMerges',
          `工作表"${name}"有 ${list.length.toLocaleString('en-US')} 处合并单元格`,
          `the sheet "${name}" has ${list.length.toLocaleString('en-US')} merged ranges`,
        );
      return list.map((m) => ({ top: m.s.r + 1, bottom: m.e.r + 1, left: m.s.c, right: m.e.c }));
    };
    const data = ((ws as unknown as { '!data'?: (DenseCell[] | undefined)[] })['!data'] ?? []) as (DenseCell[] | undefined)[];
    const rows = function* (): Generator<SheetRow> {
      for (let r = 0; r < data.length; r++) {
        const row = data[r];
        if (!row) continue;
        const read = readRow(row, date1904);
        if (read) yield { row: r + 1, ...read };
      }
    };
    return [
      {
        name,
        hidden,
        head: (count: number) => {
          const out: SheetRow[] = [];
          for (const row of rows()) {
            out.push(row);
            if (out.length >= count) break;
          }
          return { rows: out, merges: merges() };
        },
        open: () => {
          let count = 0;
          for (const row of data) if (row && row.some((c) => c && c.v !== undefined && c.v !== '')) count++;
          if (count > IMPORT_LIMITS.maxRows + HEADER_ALLOWANCE || (ws as { '!fullref'?: string })['!fullref'])
            throw limitError(
              fileName,
              'maxRows',
              `工作表"${name}"有超过 ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} 行数据`,
              `the sheet "${name}" has more than ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} data rows`,
            );
          return { merges: merges(), rowCount: count, rows };
        },
      },
    ];
  });
  return { format, encoding: null, sheets };
}

function readRow(row: DenseCell[], date1904: boolean): { cells: CellValue[]; notes?: CellNote[] } | null {
  const cells: CellValue[] = [];
  let notes: CellNote[] | undefined;
  let any = false;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    cells[c] = null;
    if (!cell) continue;
    const formula = typeof cell.f === 'string' ? cell.f : null;
    if (isPictureFormula(formula) || (typeof cell.v === 'string' && isPictureFormula(cell.v))) {
      (notes ??= []).push({ column: c, kind: 'picture', detail: 'DISPIMG' });
      any = true;
      continue;
    }
    if (cell.t === 'e') {
      (notes ??= []).push({ column: c, kind: 'error', detail: ERROR_CODES[Number(cell.v)] ?? '#ERROR' });
      any = true;
      continue;
    }
    if (cell.v === undefined || cell.v === null) {
      if (formula !== null) {
        (notes ??= []).push({ column: c, kind: 'no-value', detail: `=${formula}` });
        any = true;
      }
      continue;
    }
    let value: CellValue;
    if (cell.v instanceof Date) value = isNaN(cell.v.getTime()) ? null : cell.v;
    else if (typeof cell.v === 'number') {
      const code = typeof cell.z === 'number' ? BUILTIN_FORMATS[cell.z] : cell.z;
      const format = code === undefined && 'z' in cell ? implicitFormat(cell.w) : classifyFormat(code);
      value = numberCell(cell.v, format, date1904);
    } else if (typeof cell.v === 'boolean') value = cell.v;
    else value = String(cell.v);
    cells[c] = value;
    if (value !== null && value !== '') any = true;
  }
  if (!any) return null;
  return notes ? { cells, notes } : { cells };
}

/**
 * SheetJS resets its format table before each read, so Excel's Chinese built-in formats
 * (27–36, 50–58: 年/月/日, 时/分) come out with no format, shown through its fallbacks
 * (m/d/yy for the dates, h:mm:ss for the times, "$" for 5–8): read the kind from that text.
 */
function implicitFormat(shown: string | undefined): NumberFormat {
  if (!shown) return { kind: 'general' };
  if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(shown)) return { kind: 'date' };
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(shown)) return { kind: 'time' };
  const currency = /^\(?\$[\d,]+(?:\.(\d+))?\)?$/.exec(shown);
  if (currency) return { kind: 'fixed', decimals: currency[1]?.length ?? 0 };
  return { kind: 'general' };
}

function explain(error: unknown, fileName: string, format: SheetFormat): Error {
  const text = String((error as Error)?.message ?? error);
  if (/password|encrypt/i.test(text))
    return unreadable(
      fileName,
      '文件设有打开密码,门店通无法读取。请在 Excel/WPS 中输入密码打开,"另存为"一份不加密的文件后再导入',
      'it is password-protected. Open it in Excel/WPS with the password, "Save As" a copy without a password, and import that',
      { reason: 'password' },
    );
  if (format === 'numbers')
    return unreadable(
      fileName,
      `这个 Numbers 文件的版本无法读取(${text})。请在 Numbers 中"导出为 → Excel"后再导入`,
      `this Numbers file's version cannot be read (${text}). In Numbers use "Export To → Excel", then import that`,
    );
  return unreadable(
    fileName,
    `文件已损坏或不是能识别的表格(${text})`,
    `the file is damaged or not a spreadsheet we recognise (${text})`,
  );
}
