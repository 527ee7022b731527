import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../dates';
import { floorExemption, floorStatus, isBelowFloor, monthsBelowFloorInRow, type JudgedMonth } from './floor-rule';

const below: JudgedMonth = { belowFloor: true, exempt: false };
const met: JudgedMonth = { belowFloor: false, exempt: false };
const exempt: JudgedMonth = { belowFloor: false, exempt: true };

describe('floor rule', () => {
  it('counts consecutive closed below-floor months across a year boundary', () => {
    const closed = new Map([
      ['2025-11', met],
      ['2025-12', below],
      ['2026-01', below],
    ]);
    expect(monthsBelowFloorInRow(closed, '2026-01')).toBe(2);
    expect(monthsBelowFloorInRow(closed, '2025-12')).toBe(1);
    expect(monthsBelowFloorInRow(closed, '2025-11')).toBe(0);
    expect(floorStatus(2, false)).toBe('dismissal_due');
    expect(floorStatus(2, true)).toBe('warning');
    expect(floorStatus(1, false)).toBe('warning');
  });

  it('a month that is not closed breaks the run; an exempt month neither counts nor breaks it', () => {
    expect(
      monthsBelowFloorInRow(
        new Map([
          ['2026-01', below],
          ['2026-03', below],
        ]),
        '2026-03',
      ),
    ).toBe(1);
    expect(
      monthsBelowFloorInRow(
        new Map([
          ['2026-01', below],
          ['2026-02', exempt],
          ['2026-03', below],
        ]),
        '2026-03',
      ),
    ).toBe(2);
  });

  it('matches a direct count for any run of months', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(below, met, exempt), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2000, max: 2040 }),
        (run, year) => {
          const start = `${year}-11`;
          const closed = new Map(run.map((j, i) => [addMonths(start, i), j]));
          let expected = 0;
          for (const j of [...run].reverse()) {
            if (j.exempt) continue;
            if (!j.belowFloor) break;
            expected++;
          }
          expect(monthsBelowFloorInRow(closed, addMonths(start, run.length - 1))).toBe(expected);
        },
      ),
    );
  });

  it('is below the floor strictly under it, zero sales included, never when exempt', () => {
    expect(isBelowFloor(0, 1_000_000, null)).toBe(true);
    expect(isBelowFloor(999_999, 1_000_000, null)).toBe(true);
    expect(isBelowFloor(1_000_000, 1_000_000, null)).toBe(false);
    expect(isBelowFloor(0, 1_000_000, 'leave')).toBe(false);
    expect(isBelowFloor(0, null, null)).toBe(false);
  });

  it('chooses the documented exemptions', () => {
    const base = { month: '2026-03', hiredOn: '2025-01-01', leftOn: null, floorFen: 1_000_000, leaveReason: null };
    const on = { exemptFirstPartialMonth: true };
    expect(floorExemption(base, on)).toBeNull();
    expect(floorExemption({ ...base, hiredOn: '2026-03-15' }, on)).toBe('first_partial_month');
    expect(floorExemption({ ...base, hiredOn: '2026-03-01' }, on)).toBeNull();
    expect(floorExemption({ ...base, hiredOn: '2026-03-15' }, { exemptFirstPartialMonth: false })).toBeNull();
    expect(floorExemption({ ...base, floorFen: null }, on)).toBe('no_floor');
    expect(floorExemption({ ...base, leaveReason: '产假' }, on)).toBe('leave');
    expect(floorExemption({ ...base, leftOn: '2026-03-10' }, on)).toBe('last_partial_month');
  });
});
