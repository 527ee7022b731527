import { todayLocal, type IsoDate } from './dates';

/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' strings. Days are office calendar days, never 24-hour
 * spans: a cooldown of one day that starts at 23:50 ends at the next midnight. The arithmetic
 * runs in UTC on purpose — a date string has no time zone, so no daylight-saving hour can shift it.
 */
const DAY_MS = 24 * 3600_000;

function utcMs(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

// The pool job and the aging report turn tens of thousands of dates into day numbers and back;
// offices have a few thousand distinct dates, so both directions are remembered.
const dayNumbers = new Map<IsoDate, number>();
const datesOfDays = new Map<number, IsoDate>();

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.round(utcMs(date) / DAY_MS);
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

/** The calendar date of a day number. */
export function dateOfDay(n: number): IsoDate {
  let date = datesOfDays.get(n);
  if (date === undefined) {
    date = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (datesOfDays.size > 100_000) datesOfDays.clear();
    datesOfDays.set(n, date);
  }
  return date;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day n months later, clamped to the month's end (01-31 + 1 month = 02-28/29). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Monday to Sunday of the week holding `date` (本周, as Chinese calendars count it). */
export function weekBounds(date: IsoDate): { first: IsoDate; last: IsoDate } {
  const weekday = new Date(utcMs(date)).getUTCDay(); // 0 = Sunday
  const first = addDays(date, -((weekday + 6) % 7));
  return { first, last: addDays(first, 6) };
}

/** The office's calendar date of an ISO-8601 timestamp (the process's local time zone). */
export function localDateOf(timestamp: string): IsoDate {
  return todayLocal(new Date(timestamp));
}

/** The instant the office's calendar day `date` begins, as an ISO-8601 UTC timestamp. */
export function startOfLocalDay(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
}
