/** A calendar date in the office's local time, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A month, 'YYYY-MM'. */
export type Month = string;

export const ISO_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True when the string is a real calendar date (2026-02-30 is not). */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The dates an office works with: 1990-01-01 … 2100-12-31. Anything outside is a typing slip
 * (9999-12-31, 0001-01-01) that would only break date arithmetic later (a renewal of a contract
 * ending 9999-12-31 would start in the year 10000), so every schema refuses it at the door.
 */
export const DATE_RANGE = { min: '1990-01-01', max: '2100-12-31' } as const;
export const MONTH_RANGE = { min: '1990-01', max: '2100-12' } as const;
/** Birthdays and company anniversaries reach further back than an office's own records. */
export const YEARLY_DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** A real calendar date inside DATE_RANGE. */
export function isOfficeDate(value: string): boolean {
  return isRealDate(value) && value >= DATE_RANGE.min && value <= DATE_RANGE.max;
}

/** Today's date in local time, as the office sees it. */
export function todayLocal(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

/** Shift a month by n (negative goes back), across year boundaries. */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}
