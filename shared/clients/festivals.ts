import type { IsoDate } from '../dates';

/**
 * Lunar festivals for greetings: 春节 (正月初一), 端午 (五月初五), 中秋 (八月十五), Gregorian
 * dates 2020–2040 per the official Chinese calendar (Purple Mountain Observatory / Hong Kong
 * Observatory tables). A table, not an algorithm: 63 dates are smaller and surer than a lunar
 * calendar implementation. The test checks every date against the ICU Chinese calendar; ICU is
 * a few minutes off for the new moon of 2030-02-02 16:07 UTC (00:07 on 2030-02-03 in Beijing),
 * so 春节 2030 follows the official calendar, 2030-02-03.
 */
export const FESTIVALS = ['spring', 'dragon_boat', 'mid_autumn'] as const;
export type Festival = (typeof FESTIVALS)[number];
export const FESTIVAL_LABELS: Record<Festival, { zh: string; en: string }> = {
  spring: { zh: '春节', en: 'Spring Festival' },
  dragon_boat: { zh: '端午节', en: 'Dragon Boat Festival' },
  mid_autumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
};

export const FESTIVAL_FIRST_YEAR = 2020;
export const FESTIVAL_LAST_YEAR = 2040;

// [春节, 端午, 中秋] as MM-DD, one row per year from 2020.
const TABLE: readonly (readonly [string, string, string])[] = [
  ['01-25', '06-25', '10-01'], // 2020
  ['02-12', '06-14', '09-21'],
  ['02-01', '06-03', '09-10'],
  ['01-22', '06-22', '09-29'],
  ['02-10', '06-10', '09-17'],
  ['01-29', '05-31', '10-06'], // 2025
  ['02-17', '06-19', '09-25'],
  ['02-07', '06-09', '09-15'],
  ['01-26', '05-28', '10-03'],
  ['02-13', '06-16', '09-22'],
  ['02-03', '06-05', '09-12'], // 2030
  ['01-23', '06-24', '10-01'],
  ['02-11', '06-12', '09-19'],
  ['01-31', '06-01', '09-08'],
  ['02-19', '06-20', '09-27'],
  ['02-08', '06-10', '09-16'], // 2035
  ['01-28', '05-30', '10-04'],
  ['02-15', '06-18', '09-24'],
  ['02-04', '06-07', '09-13'],
  ['01-24', '05-27', '10-02'],
  ['02-12', '06-14', '09-20'], // 2040
];

/** The festival's date in a year, or null outside 2020–2040. */
export function festivalDate(festival: Festival, year: number): IsoDate | null {
  const row = TABLE[year - FESTIVAL_FIRST_YEAR];
  if (!row) return null;
  return `${year}-${row[FESTIVALS.indexOf(festival)]}`;
}

/** Every festival between two dates inclusive, in date order. */
export function festivalsBetween(from: IsoDate, to: IsoDate): { festival: Festival; date: IsoDate }[] {
  const out: { festival: Festival; date: IsoDate }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const festival of FESTIVALS) {
      const date = festivalDate(festival, year);
      if (date && date >= from && date <= to) out.push({ festival, date });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
