import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToDate, daysBetween, weekBounds } from './calendar';

describe('calendar days', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
    expect(daysBetween('2026-12-01', '2026-11-01')).toBe(-30);
  });

  it('adds months keeping the day, clamped to the month end', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('weeks run Monday to Sunday', () => {
    expect(weekBounds('2026-11-27')).toEqual({ first: '2026-11-23', last: '2026-11-29' }); // a Friday
    expect(weekBounds('2026-11-29')).toEqual({ first: '2026-11-23', last: '2026-11-29' }); // Sunday
    expect(weekBounds('2026-11-30')).toEqual({ first: '2026-11-30', last: '2026-12-06' }); // Monday
  });
});
