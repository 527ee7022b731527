import type { IsoDate } from '../dates';
import { parseYuanToFen, type Fen } from '../money';

/** A cell as read from a spreadsheet: CSV gives text, .xlsx may give numbers, dates, booleans. */
export type CellValue = string | number | boolean | Date | null;

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

export function isEmptyCell(value: CellValue): boolean {
  return cellText(value) === '';
}

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Read a date as offices write it: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305 (as
 * text or typed as the number 20260305), an Excel date cell, or an Excel serial number
 * (46086). Null when it is not a real date.
 */
export function parseDateCell(value: CellValue): IsoDate | null {
  if (value === null || typeof value === 'boolean') return null;
  if (value instanceof Date) return isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) return parseDateCell(String(value));
    return excelSerialToDate(value);
  }
  const text = value.trim().replace(/\s+/g, '');
  if (!text) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ]?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Serial numbers between 1927 and 2173 only, so a stray amount is not read as a date. */
export function excelSerialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 10_000 || serial > 100_000) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Read an amount in yuan: `3000`, `3,000.00`, `¥3,000`, `3000元`, or an Excel number. Numbers
 * from Excel are binary floats; they are accepted only when they are whole fen.
 */
export function parseAmountCell(value: CellValue): Fen | null {
  if (value === null || typeof value === 'boolean' || value instanceof Date) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const fen = Math.round(value * 100);
    if (Math.abs(fen - value * 100) > 1e-6 * Math.max(1, Math.abs(value))) return null;
    return Math.abs(fen) <= 1e15 ? fen : null;
  }
  return parseYuanToFen(value);
}
