/**
 * What a cell's number format says about its number, so values are read as Excel shows them:
 * a date, a percentage, or an amount shown with n decimals (213.23239999999998 under "0.00"
 * is the 213.23 a person sees). Built-in format ids follow Excel in a Chinese locale, where
 * 27–36 and 50–58 are the 年/月/日 and 时/分 formats (id 31 is yyyy"年"m"月"d"日").
 */
export type NumberFormat =
  | { kind: 'general' }
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'time' }
  | { kind: 'percent' }
  | { kind: 'fixed'; decimals: number };

const GENERAL: NumberFormat = { kind: 'general' };

/** Excel's built-in formats by id (zh-CN for the CJK range). */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const cache = new Map<string, NumberFormat>();

export function classifyFormat(code: string | undefined | null): NumberFormat {
  if (!code) return GENERAL;
  let found = cache.get(code);
  if (!found) {
    found = classify(code);
    if (cache.size < 10_000) cache.set(code, found);
  }
  return found;
}

function classify(code: string): NumberFormat {
  // The first section is the one positive numbers use; quoted text, escapes, colours,
  // conditions and locale tags are not placeholders.
  const first = splitSections(code)[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  const lower = bare.toLowerCase();
  if (lower.trim() === 'general' || lower.trim() === '') return GENERAL;
  if (lower.trim() === '@') return { kind: 'text' };
  if (/e[+-]/.test(lower) || /\?\/\?|#\s*\?+\/\?+/.test(lower)) return GENERAL;
  if (/[yd]|e(?![+-])/.test(lower)) return { kind: 'date' };
  if (/[hs]|am\/pm|a\/p|上午|下午/.test(lower)) return { kind: 'time' };
  // m alone is a month in a date format; without y/d it may be minutes (mm:ss) — a time.
  if (/m/.test(lower) && !/[0#?]/.test(lower)) return /:/.test(lower) ? { kind: 'time' } : { kind: 'date' };
  if (bare.includes('%')) return { kind: 'percent' };
  const dot = bare.indexOf('.');
  if (!/[0#?]/.test(bare)) return GENERAL;
  if (dot < 0) return { kind: 'fixed', decimals: 0 };
  return { kind: 'fixed', decimals: (bare.slice(dot + 1).match(/[0#?]/g) ?? []).length };
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (code[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/** Float noise away: Excel never shows more than 15 significant digits. */
export function cleanNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** The number as a format with `decimals` fixed places shows it (half away from zero, as Excel). */
export function roundAsShown(value: number, decimals: number): number {
  const clean = cleanNumber(value);
  const factor = 10 ** decimals;
  const scaled = Math.round(Math.abs(clean) * factor + 1e-9) / factor;
  return clean < 0 ? -scaled : scaled;
}

/** Excel serial day → UTC date and time; 1900 system (with its phantom 29 Feb) or 1904. */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const days = !date1904 && serial < 61 ? serial + 1 : serial;
  // Round to the millisecond: 0.5 of a day is exactly noon, not 11:59:59.999.
  return new Date(epoch + Math.round(days * 86_400_000));
}

/** A time of day from the fraction of a serial: "09:30" or "09:30:15". */
export function serialToTime(serial: number): string {
  const seconds = Math.round((((serial % 1) + 1) % 1) * 86_400) % 86_400;
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = seconds % 60;
  return ss ? `${hh}:${mm}:${String(ss).padStart(2, '0')}` : `${hh}:${mm}`;
}
