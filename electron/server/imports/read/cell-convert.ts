import type { CellValue } from '../../../../shared/imports/cells';
import { cleanNumber, roundAsShown, serialToDate, serialToTime, type NumberFormat } from './number-format';

/**
 * A number cell as Excel shows it: a date under a date format (1900 or 1904 system), a time
 * as "09:30", a percentage as "5.5%" (so 5% is never read as 0.05 yuan or 0.05 %), an amount
 * rounded to the decimals its format shows, and otherwise the number without float noise.
 */
export function numberCell(value: number, format: NumberFormat, date1904: boolean): CellValue {
  switch (format.kind) {
    case 'date':
      return serialToDate(value, date1904) ?? cleanNumber(value);
    case 'time':
      return serialToTime(value);
    case 'percent':
      return `${cleanNumber(value * 100)}%`;
    case 'fixed':
      return roundAsShown(value, format.decimals);
    default:
      return cleanNumber(value);
  }
}

/** WPS puts pictures in cells as `=DISPIMG("ID_…",1)`; there is no value to import. */
export function isPictureFormula(text: string | null | undefined): boolean {
  return !!text && /^=?\s*(?:_xlfn\.)?DISPIMG\s*\(/i.test(text.trim());
}
