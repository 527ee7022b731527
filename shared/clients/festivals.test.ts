import { describe, expect, it } from 'vitest';
import { FESTIVALS, FESTIVAL_FIRST_YEAR, FESTIVAL_LAST_YEAR, festivalDate, festivalsBetween } from './festivals';
import { addYears, nextOccurrence } from './reminders';

const LUNAR_DAY: Record<(typeof FESTIVALS)[number], string> = { spring: '1/1', dragon_boat: '5/5', mid_autumn: '8/15' };

describe('lunar festivals 2020–2040', () => {
  // ICU's Chinese calendar (Node ships full ICU) is an independent check of the table.
  const chinese = new Intl.DateTimeFormat('en-u-ca-chinese', { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const lunar = (iso: string): string => {
    const parts = Object.fromEntries(chinese.formatToParts(new Date(`${iso}T00:00:00Z`)).map((p) => [p.type, p.value]));
    return `${parts.month}/${parts.day}`;
  };

  it('falls on the right lunar day every year', () => {
    for (let year = FESTIVAL_FIRST_YEAR; year <= FESTIVAL_LAST_YEAR; year++) {
      for (const festival of FESTIVALS) {
        const date = festivalDate(festival, year)!;
        expect(date.startsWith(`${year}-`)).toBe(true);
        // ICU places the 2030 new moon (00:07 Beijing time on 3 Feb) a few minutes early, on 2 Feb.
        if (festival === 'spring' && year === 2030) {
          expect(date).toBe('2030-02-03');
          expect(lunar('2030-02-02')).toBe('1/1');
          continue;
        }
        expect(lunar(date), `${festival} ${year}`).toBe(LUNAR_DAY[festival]);
      }
    }
  });

  it('knows well-known dates and lists festivals in a window', () => {
    expect(festivalDate('spring', 2026)).toBe('2026-02-17');
    expect(festivalDate('mid_autumn', 2024)).toBe('2024-09-17');
    expect(festivalDate('dragon_boat', 2041)).toBeNull();
    expect(festivalsBetween('2026-01-01', '2026-12-31').map((f) => f.festival)).toEqual(['spring', 'dragon_boat', 'mid_autumn']);
    expect(festivalsBetween('2026-12-20', '2027-02-10')).toEqual([{ festival: 'spring', date: '2027-02-07' }]);
  });
});

describe('yearly dates', () => {
  it('finds the next birthday, wrapping the year and handling 29 February', () => {
    expect(nextOccurrence('1980-03-05', '2026-03-01')).toBe('2026-03-05');
    expect(nextOccurrence('03-05', '2026-03-06')).toBe('2027-03-05');
    expect(nextOccurrence('2000-02-29', '2026-02-01')).toBe('2026-02-28');
    expect(nextOccurrence('2000-02-29', '2028-02-01')).toBe('2028-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
