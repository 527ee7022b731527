import { parseAmountCell, parseDateCell } from '../../../shared/imports/cells';
import { DATE_RANGE, YEARLY_DATE_RANGE, type IsoDate } from '../../../shared/dates';
import type { IssueList, RowCells } from './importer';

/**
 * Readers for the cell kinds every import has (text, dates, amounts, choices). Each returns the
 * value, or records a bilingual issue naming what was wrong and what to write instead.
 */
export type FieldReaders<F extends string> = {
  text: (field: F, max: number, options?: { required?: boolean }) => string;
  /** A real date in the office range (1990–2100); `yearly` for birthdays and anniversaries (1900–2100). */
  date: (field: F, options?: { required?: boolean; yearly?: boolean }) => IsoDate | null;
  amount: (field: F, options?: { required?: boolean; allowNegative?: boolean; allowZero?: boolean }) => number | null;
  choice: <T>(field: F, parse: (text: string) => T | null, hint: { zh: string; en: string }) => T | null;
};

export function fieldReaders<F extends string>(cells: RowCells<F>, issues: IssueList<F>): FieldReaders<F> {
  const required = (field: F): void => issues.add(field, `${cells.header(field)}不能为空`, `${cells.header(field)} is required`);
  return {
    text(field, max, options = {}) {
      const value = cells.text(field).replace(/\s+/g, ' ');
      if (!value && options.required) required(field);
      if (value.length > max)
        issues.add(
          field,
          `${cells.header(field)}最多 ${max} 个字,现有 ${value.length} 个`,
          `${cells.header(field)} is at most ${max} characters; it has ${value.length}`,
        );
      return value;
    },
    date(field, options = {}) {
      const raw = cells.get(field);
      if (cells.text(field) === '') {
        if (options.required) required(field);
        return null;
      }
      const date = parseDateCell(raw);
      if (!date) {
        issues.add(
          field,
          `"${cells.text(field)}"不是有效日期,可写 2026-03-05、2026/3/5 或 2026年3月5日`,
          `"${cells.text(field)}" is not a valid date; write e.g. 2026-03-05, 2026/3/5 or 2026年3月5日`,
        );
        return null;
      }
      // The same range every contract method holds a date to (shared/contract/field-schemas.ts).
      const range = options.yearly ? YEARLY_DATE_RANGE : DATE_RANGE;
      if (date < range.min || date > range.max) {
        issues.add(
          field,
          `日期 ${date} 超出范围,应在 ${range.min} 至 ${range.max} 之间`,
          `The date ${date} is out of range; it must be between ${range.min} and ${range.max}`,
        );
        return null;
      }
      return date;
    },
    amount(field, options = {}) {
      if (cells.text(field) === '') {
        if (options.required) required(field);
        return null;
      }
      const fen = parseAmountCell(cells.get(field));
      if (fen === null) {
        issues.add(
          field,
          `"${cells.text(field)}"不是有效金额,可写 3000、3,000.00 或 ¥3,000(最多两位小数)`,
          `"${cells.text(field)}" is not a valid amount; write e.g. 3000, 3,000.00 or ¥3,000 (at most two decimals)`,
        );
        return null;
      }
      if (fen < 0 && !options.allowNegative) {
        issues.add(field, `${cells.header(field)}不能为负数`, `${cells.header(field)} cannot be negative`);
        return null;
      }
      if (fen === 0 && options.allowZero === false) {
        issues.add(field, `${cells.header(field)}不能为 0`, `${cells.header(field)} cannot be 0`);
        return null;
      }
      return fen;
    },
    choice(field, parse, hint) {
      const text = cells.text(field);
      if (!text) return null;
      const value = parse(text);
      if (value === null)
        issues.add(field, `"${text}"无法识别,可填:${hint.zh}`, `"${text}" is not recognised; use one of: ${hint.en}`);
      return value;
    },
  };
}
