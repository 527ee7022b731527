import { parseAmountCell, parseDateCell } from '../../../shared/imports/cells';
import type { IsoDate } from '../../../shared/dates';
import type { IssueList, RowCells } from './importer';

/**
 * Readers that turn the cell kinds every import has (text, dates, amounts, choices) into the
 * values an API method takes. They only convert: a cell that cannot be read as its kind gets a
 * bilingual issue saying what to write instead. Whether the value is allowed (lengths, ranges,
 * required, negative amounts) is the method's zod schema's to say (schema-check.ts), so import
 * and the forms hold every field to one rule.
 */
export type FieldReaders<F extends string> = {
  /** Trimmed, runs of white space (line breaks in a cell) made one space; '' when empty. */
  text: (field: F) => string;
  /** 2026-03-05, 2026/3/5, 2026年3月5日 or an Excel date; null when empty or unreadable. */
  date: (field: F) => IsoDate | null;
  /** 3000, 3,000.00, ¥3,000 or a number cell, in fen; null when empty or unreadable. */
  amount: (field: F) => number | null;
  choice: <T>(field: F, parse: (text: string) => T | null, hint: { zh: string; en: string }) => T | null;
};

export function fieldReaders<F extends string>(cells: RowCells<F>, issues: IssueList<F>): FieldReaders<F> {
  return {
    text(field) {
      return cells.text(field).replace(/\s+/g, ' ');
    },
    date(field) {
      if (cells.text(field) === '') return null;
      const date = parseDateCell(cells.get(field));
      if (!date)
        issues.add(
          field,
          `"${cells.text(field)}"不是有效日期,可写 2026-03-05、2026/3/5 或 2026年3月5日`,
          `"${cells.text(field)}" is not a valid date; write e.g. 2026-03-05, 2026/3/5 or 2026年3月5日`,
        );
      return date;
    },
    amount(field) {
      if (cells.text(field) === '') return null;
      const fen = parseAmountCell(cells.get(field));
      if (fen === null)
        issues.add(
          field,
          `"${cells.text(field)}"不是有效金额,可写 3000、3,000.00 或 ¥3,000(最多两位小数)`,
          `"${cells.text(field)}" is not a valid amount; write e.g. 3000, 3,000.00 or ¥3,000 (at most two decimals)`,
        );
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
