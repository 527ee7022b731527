import type { CellValue } from '../../../../shared/imports/cells';
import { IMPORT_LIMITS } from '../../../../shared/imports/limits';
import { isPictureFormula, numberCell } from './cell-convert';
import { BUILTIN_FORMATS, classifyFormat, type NumberFormat } from './number-format';
import { limitError, unreadable } from './read-errors';
import type { CellNote, MergeRange, OpenedSheet, SheetRow, Workbook, WorkbookSheet } from './types';
import { attr, columnOfRef, decodeXml, itemText, prefixedAttr, rootPrefix, rowOfRef, startTags } from './xml-text';
import { inflateEntry, type ZipEntry } from './zip';

/**
 * .xlsx/.xlsm read straight from their XML: the workbook's sheet list (with hidden state),
 * shared strings, number formats and the 1904 flag, then the chosen worksheet scanned row by
 * row. Whatever Excel, WPS, Tencent Docs or a .NET exporter wrote — `x:`-prefixed elements,
 * absolute part paths, cells without `r`, inline strings — reads the same way. Data
 * validations, styles beyond number formats, drawings and media are never unzipped.
 */
export function readOoxml(bytes: Buffer, entries: Map<string, ZipEntry>, fileName: string, format: 'xlsx'): Workbook {
  const part = (name: string): string | null => {
    const entry = entries.get(name) ?? findCaseInsensitive(entries, name);
    return entry ? inflateEntry(bytes, entry, fileName).toString('utf8') : null;
  };
  const rootRels = parseRels(part('_rels/.rels') ?? '', '');
  const workbookPath =
    rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ??
    (entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  const workbookXml = workbookPath ? part(workbookPath) : null;
  if (!workbookXml) {
    throw unreadable(
      fileName,
      '压缩包里没有工作簿(它可能是 Word/PowerPoint 文件,或已损坏)',
      'the zip holds no workbook (it may be a Word or PowerPoint file, or damaged)',
    );
  }
  const baseDir = workbookPath!.includes('/') ? workbookPath!.slice(0, workbookPath!.lastIndexOf('/') + 1) : '';
  const relsPath = `${baseDir}_rels/${workbookPath!.slice(baseDir.length)}.rels`;
  const rels = parseRels(part(relsPath) ?? '', baseDir);
  const wbPrefix = rootPrefix(workbookXml, 'workbook');
  const date1904 = new RegExp(`<${wbPrefix}workbookPr\\b[^>]*\\bdate1904=["'](1|true)["']`).test(workbookXml);
  const sstPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? `${baseDir}sharedStrings.xml`;
  const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target ?? `${baseDir}styles.xml`;
  let shared: string[] | null = null;
  let styles: NumberFormat[] | null = null;
  const context = (): SheetContext => {
    shared ??= parseSharedStrings(part(sstPath) ?? '');
    styles ??= parseStyles(part(stylesPath) ?? '');
    return { shared, styles, date1904 };
  };
  // The last sheet read stays unzipped (and its merges parsed): choosing the sheet reads its
  // first rows, and the import then reads it whole.
  let cached: { path: string; xml: string; merges: MergeRange[] | null } | null = null;
  const sheetXml = (path: string): string => {
    if (cached?.path === path) return cached.xml;
    const xml = part(path);
    if (xml === null) throw unreadable(fileName, `找不到工作表部件"${path}"`, `the worksheet part "${path}" is missing`);
    cached = { path, xml, merges: null };
    return xml;
  };
  const sheetMerges = (path: string): MergeRange[] => {
    const xml = sheetXml(path);
    return (cached!.merges ??= parseMerges(xml, fileName));
  };
  const sheets: WorkbookSheet[] = [];
  for (const tag of startTags(workbookXml, wbPrefix, 'sheet')) {
    const name = attr(tag, 'name') ?? `Sheet${sheets.length + 1}`;
    const state = attr(tag, 'state');
    const id = prefixedAttr(tag, 'id');
    const path = rels.find((r) => r.id === id)?.target ?? `${baseDir}worksheets/sheet${sheets.length + 1}.xml`;
    // Chart sheets and dialog sheets have no cells to import.
    if (!entries.has(path) && !findCaseInsensitive(entries, path)) continue;
    sheets.push({
      name,
      hidden: state === 'hidden' || state === 'veryHidden',
      head: (count) => {
        const xml = sheetXml(path);
        const rows: SheetRow[] = [];
        for (const row of scanRows(xml, context())) {
          rows.push(row);
          if (rows.length >= count) break;
        }
        return { rows, merges: sheetMerges(path) };
      },
      open: () => openSheet(sheetXml(path), sheetMerges(path), context(), fileName),
    });
  }
  return { format, encoding: null, sheets };
}

type SheetContext = { shared: string[]; styles: NumberFormat[]; date1904: boolean };
type Relationship = { id: string; type: string; target: string };

function findCaseInsensitive(entries: Map<string, ZipEntry>, name: string): ZipEntry | undefined {
  const lower = name.toLowerCase();
  for (const [key, entry] of entries) if (key.toLowerCase() === lower) return entry;
  return undefined;
}

function parseRels(xml: string, baseDir: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const tag of startTags(xml, rootPrefix(xml, 'Relationships'), 'Relationship')) {
    const target = attr(tag, 'Target');
    if (!target || attr(tag, 'TargetMode') === 'External') continue;
    rels.push({ id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target: resolvePath(baseDir, target) });
  }
  return rels;
}

function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml, 'sst');
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const items: string[] = [];
  let pos = 0;
  for (;;) {
    const at = xml.indexOf(open, pos);
    if (at < 0) break;
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    if (xml[gt - 1] === '/') {
      items.push('');
      pos = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    items.push(itemText(xml.slice(gt + 1, end), p));
    pos = end + close.length;
  }
  return items;
}

function parseStyles(xml: string): NumberFormat[] {
  if (!xml) return [];
  const p = rootPrefix(xml, 'styleSheet');
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, p, 'numFmt')) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isFinite(id) && code !== null) custom.set(id, code);
  }
  const start = xml.indexOf(`<${p}cellXfs`);
  if (start < 0) return [];
  const end = xml.indexOf(`</${p}cellXfs>`, start);
  const formats: NumberFormat[] = [];
  for (const tag of startTags(xml, p, 'xf', start, end < 0 ? xml.length : end)) {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    formats.push(classifyFormat(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General'));
  }
  return formats;
}

function parseMerges(xml: string, fileName: string): MergeRange[] {
  const p = rootPrefix(xml, 'worksheet');
  const start = xml.indexOf(`<${p}mergeCells`);
  if (start < 0) return [];
  const end = xml.indexOf(`</${p}mergeCells>`, start);
  const merges: MergeRange[] = [];
  for (const tag of startTags(xml, p, 'mergeCell', start, end < 0 ? xml.length : end)) {
    if (merges.length >= IMPORT_LIMITS.maxMerges)
      throw limitError(
        fileName,
        'maxMerges',
        `工作表里的合并单元格超过 ${IMPORT_LIMITS.maxMerges.toLocaleString('en-US')} 处`,
        `the sheet has more than ${IMPORT_LIMITS.maxMerges.toLocaleString('en-US')} merged ranges`,
      );
    const ref = attr(tag, 'ref');
    if (!ref) continue;
    const [a, b = a] = ref.split(':') as [string, string?];
    const left = columnOfRef(a);
    const right = columnOfRef(b!);
    const top = rowOfRef(a);
    const bottom = rowOfRef(b!);
    if (left >= 0 && right >= left && top > 0 && bottom >= top) merges.push({ top, bottom, left, right });
  }
  return merges;
}

/** Header rows that are allowed on top of the data rows before `maxRows` is exceeded. */
const HEADER_ALLOWANCE = 20;

function openSheet(xml: string, merges: MergeRange[], context: SheetContext, fileName: string): OpenedSheet {
  const rowCount = countValueRows(xml, fileName);
  return { merges, rowCount, rows: () => scanRows(xml, context) };
}

/** Rows that hold a value, counted before any is read (formatted empty rows do not count). */
function countValueRows(xml: string, fileName: string): number {
  const p = rootPrefix(xml, 'worksheet');
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const valueOpen = `<${p}v>`;
  const inlineOpen = `<${p}is>`;
  let count = 0;
  let pos = 0;
  // The next <v> and <is> after the cursor, found once and reused until passed: searching
  // again from every row would rescan the rest of the sheet when one of them never occurs.
  let nextValue = -2;
  let nextInline = -2;
  for (;;) {
    const at = xml.indexOf(rowOpen, pos);
    if (at < 0) break;
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    if (xml[gt - 1] === '/') {
      pos = gt + 1;
      continue;
    }
    const end = xml.indexOf(rowClose, gt);
    if (end < 0) break;
    if (nextValue !== -1 && nextValue < gt) nextValue = xml.indexOf(valueOpen, gt);
    if (nextInline !== -1 && nextInline < gt) nextInline = xml.indexOf(inlineOpen, gt);
    if ((nextValue >= 0 && nextValue < end) || (nextInline >= 0 && nextInline < end)) count++;
    pos = end + rowClose.length;
    if (count > IMPORT_LIMITS.maxRows + HEADER_ALLOWANCE)
      throw limitError(
        fileName,
        'maxRows',
        `工作表有超过 ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} 行数据`,
        `the sheet has more than ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} data rows`,
      );
  }
  return count;
}

function* scanRows(xml: string, context: SheetContext): Generator<SheetRow> {
  const p = rootPrefix(xml, 'worksheet');
  const dataStart = xml.indexOf(`<${p}sheetData`);
  if (dataStart < 0) return;
  const dataEndAt = xml.indexOf(`</${p}sheetData>`, dataStart);
  const dataEnd = dataEndAt < 0 ? xml.length : dataEndAt;
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  let pos = dataStart;
  let lastRow = 0;
  for (;;) {
    const at = xml.indexOf(rowOpen, pos);
    if (at < 0 || at >= dataEnd) return;
    const gt = xml.indexOf('>', at);
    if (gt < 0) return;
    const tag = xml.slice(at, gt + 1);
    const r = Number(attr(tag, 'r'));
    const rowNumber = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
    lastRow = rowNumber;
    if (xml[gt - 1] === '/') {
      pos = gt + 1;
      continue;
    }
    const end = xml.indexOf(rowClose, gt);
    const rowEnd = end < 0 ? dataEnd : end;
    pos = rowEnd + rowClose.length;
    const row = readCells(xml, gt + 1, rowEnd, p, context);
    if (row) yield { row: rowNumber, ...row };
  }
}

function readCells(
  xml: string,
  from: number,
  to: number,
  p: string,
  context: SheetContext,
): { cells: CellValue[]; notes?: CellNote[] } | null {
  const cells: CellValue[] = [];
  let notes: CellNote[] | undefined;
  let any = false;
  let col = -1;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  let pos = from;
  for (;;) {
    const at = xml.indexOf(cellOpen, pos);
    if (at < 0 || at >= to) break;
    const next = xml.charCodeAt(at + cellOpen.length);
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      pos = at + cellOpen.length;
      continue;
    }
    const gt = xml.indexOf('>', at);
    if (gt < 0 || gt >= to) break;
    const tag = xml.slice(at, gt + 1);
    const ref = attr(tag, 'r');
    const refCol = ref ? columnOfRef(ref) : -1;
    col = refCol >= 0 ? refCol : col + 1;
    if (xml[gt - 1] === '/') {
      pos = gt + 1;
      continue;
    }
    const end = xml.indexOf(cellClose, gt);
    const innerEnd = end < 0 || end > to ? to : end;
    const inner = xml.slice(gt + 1, innerEnd);
    pos = innerEnd + cellClose.length;
    const read = cellValue(inner, attr(tag, 't'), attr(tag, 's'), p, context);
    if (read.note) (notes ??= []).push({ column: col, ...read.note });
    if (read.value !== null && read.value !== '') {
      cells[col] = read.value;
      any = true;
    } else if (read.note) any = true;
  }
  if (!any) return null;
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
  return notes ? { cells, notes } : { cells };
}

function between(inner: string, p: string, local: string): string | null {
  const open = `<${p}${local}`;
  const at = inner.indexOf(open);
  if (at < 0) return null;
  const gt = inner.indexOf('>', at);
  if (gt < 0 || inner[gt - 1] === '/') return '';
  const end = inner.indexOf(`</${p}${local}>`, gt);
  return end < 0 ? null : inner.slice(gt + 1, end);
}

function cellValue(
  inner: string,
  type: string | null,
  style: string | null,
  p: string,
  context: SheetContext,
): { value: CellValue; note?: Omit<CellNote, 'column'> } {
  const formula = inner.includes(`<${p}f`) ? (between(inner, p, 'f') ?? '') : null;
  if (type === 'inlineStr') {
    const is = between(inner, p, 'is');
    return { value: is === null ? '' : itemText(is, p) };
  }
  const raw = between(inner, p, 'v');
  if (formula !== null && isPictureFormula(decodeXml(formula)))
    return { value: null, note: { kind: 'picture', detail: 'DISPIMG' } };
  if (raw === null) {
    return formula !== null ? { value: null, note: { kind: 'no-value', detail: `=${decodeXml(formula)}` } } : { value: null };
  }
  switch (type) {
    case 's':
      return { value: context.shared[Number(raw)] ?? '' };
    case 'str': {
      const text = decodeXml(raw);
      if (isPictureFormula(text)) return { value: null, note: { kind: 'picture', detail: 'DISPIMG' } };
      return { value: text };
    }
    case 'b':
      return { value: raw === '1' || raw.toLowerCase() === 'true' };
    case 'e':
      return { value: null, note: { kind: 'error', detail: decodeXml(raw) } };
    case 'd': {
      const text = decodeXml(raw).trim();
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return { value: isNaN(date.getTime()) ? text : date };
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return { value: decodeXml(raw) };
      const format = context.styles[Number(style ?? 0)] ?? context.styles[0] ?? { kind: 'general' };
      return { value: numberCell(n, format, context.date1904) };
    }
  }
}
