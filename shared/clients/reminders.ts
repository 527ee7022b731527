import type { IsoDate } from '../dates';

/** Days between two 'YYYY-MM-DD' dates (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Add whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return md === '02-29' && !isLeapYear(y) ? `${y}-02-28` : `${y}-${md}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The next time a yearly date (a birthday 'YYYY-MM-DD' or 'MM-DD') comes round on or after
 * `from`. A 29 February birthday is greeted on 28 February in a common year.
 */
export function nextOccurrence(yearly: string, from: IsoDate): IsoDate {
  const md = yearly.length === 5 ? yearly : yearly.slice(5);
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const candidate = md === '02-29' && !isLeapYear(y) ? `${y}-02-28` : `${y}-${md}`;
    if (candidate >= from) return candidate;
  }
  return `${year + 1}-${md}`;
}

/** Whole years since a date, on a given day (the anniversary number: "成立 5 周年"). */
export function yearsSince(start: string, on: IsoDate): number | null {
  if (start.length !== 10) return null;
  return Number(on.slice(0, 4)) - Number(start.slice(0, 4));
}
