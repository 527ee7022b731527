import { addMonths, type IsoDate, type Month } from '../dates';

/** First and last calendar day of a month, for BETWEEN on 'YYYY-MM-DD' text. */
export function monthBounds(month: Month): { first: IsoDate; last: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** The `count` months ending with `last`, oldest first: the trend charts' x axis. */
export function monthsEndingWith(last: Month, count: number): Month[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}
