import { createRequire } from 'node:module';
import type * as XLSXTypes from '@e965/xlsx';
import type { CellValue } from '../../../../shared/imports/cells';
import { IMPORT_LIMITS } from '../../../../shared/imports/limits';
import { isPictureFormula, numberCell } from './cell-convert';
import { BUILTIN_FORMATS, classifyFormat } from './number-format';
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
  // Excel's Chinese built-in date formats (27–36, 50–58, id 31 is yyyy"年"m"月"d"日") are
  // missing from SheetJS's table; without them those cells stay bare numbers.
  for (const [id, code] of Object.entries(BUILTIN_FORMATS)) {
    const n = Number(id);
    if ((n >= 5 && n <= 8) || (n >= 27 && n <= 36) || (n >= 50 && n <= 58)) XLSX.SSF.load(code, n);
  }
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

type DenseCell = { t?: string; v?: unknown; z?: string | number; f?: string };

export function readWithSheetjs(bytes: Buffer, fileName: string, format: SheetFormat): Workbook {
  const XLSX = sheetjs();
  let wb: XLSXTypes.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: true,
      UTC: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellFormula: true,
      sheetRows: IMPORT_LIMITS.maxRows + HEADER_ALLOWANCE + 1,
    });
  } catch (error) {
    throw explain(error, fileName, format);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((name, index) => {
    const ws = wb.Sheets[name]!;
    const hidden = Boolean(wb.Workbook?.Sheets?.[index]?.Hidden);
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
    return {
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
    };
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
      value = numberCell(cell.v, classifyFormat(code), date1904);
    } else if (typeof cell.v === 'boolean') value = cell.v;
    else value = String(cell.v);
    cells[c] = value;
    if (value !== null && value !== '') any = true;
  }
  if (!any) return null;
  return notes ? { cells, notes } : { cells };
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
