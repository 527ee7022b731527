import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, isRealDate } from './dates';

describe('dates', () => {
  it('knows real calendar dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026/03/01')).toBe(false);
  });

  it('adds months across year boundaries and back again', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -500, max: 500 }),
        (y, m, n) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          expect(addMonths(addMonths(month, n), -n)).toBe(month);
        },
      ),
    );
  });
});
