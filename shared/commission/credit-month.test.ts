import { describe, expect, it } from 'vitest';
import { creditMonth } from './credit-month';

const closed = (...months: string[]) => new Set(months);

describe('creditMonth (月结: later corrections count in the next open month)', () => {
  it('is the date’s own month while that month is open', () => {
    expect(creditMonth('2026-03-15', closed())).toBe('2026-03');
    expect(creditMonth('2026-03-15', closed('2026-02', '2026-04'))).toBe('2026-03');
  });

  it('moves to the month after a closed month, on its first and last day alike', () => {
    expect(creditMonth('2026-03-01', closed('2026-03'))).toBe('2026-04');
    expect(creditMonth('2026-03-31', closed('2026-03'))).toBe('2026-04');
  });

  it('skips a run of closed months to the first open one', () => {
    expect(creditMonth('2026-03-10', closed('2026-03', '2026-04', '2026-05'))).toBe('2026-06');
  });

  it('stops at the first gap even when later months are closed', () => {
    expect(creditMonth('2026-03-10', closed('2026-03', '2026-05'))).toBe('2026-04');
  });

  it('crosses the year: a closed December counts in January', () => {
    expect(creditMonth('2026-12-31', closed('2026-12'))).toBe('2027-01');
    expect(creditMonth('2026-11-30', closed('2026-11', '2026-12'))).toBe('2027-01');
  });

  it('ignores closed months before the date and a leap day is just its month', () => {
    expect(creditMonth('2028-02-29', closed('2028-01'))).toBe('2028-02');
    expect(creditMonth('2028-02-29', closed('2028-02'))).toBe('2028-03');
  });

  it('has no month without a date (an unsigned contract)', () => {
    expect(creditMonth(null, closed('2026-03'))).toBeNull();
  });
});
