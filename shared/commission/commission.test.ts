import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attainmentBp, commissionFor, divRoundHalfUp, formatRateBp, parseRateBp } from './commission';

const fen = fc.integer({ min: 0, max: 10_000_000_000 });
const terms = fc.record({
  targetFen: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
  rateBp: fc.integer({ min: 0, max: 10_000 }),
  multiplierPct: fc.integer({ min: 100, max: 500 }),
});

describe('commission', () => {
  it('is the manual example: target 30,000, 5 %, sales 40,000 → 1,500 + 1,000 = 2,500 元', () => {
    expect(commissionFor(4_000_000, { targetFen: 3_000_000, rateBp: 500, multiplierPct: 200 })).toEqual({
      withinTargetFen: 150_000,
      aboveTargetFen: 100_000,
      totalFen: 250_000,
    });
  });

  it('handles exactly at target, target ± 1 fen and zero sales', () => {
    const t = { targetFen: 3_000_000, rateBp: 500, multiplierPct: 200 };
    expect(commissionFor(3_000_000, t)).toEqual({ withinTargetFen: 150_000, aboveTargetFen: 0, totalFen: 150_000 });
    // 2,999,999 × 5 % = 149,999.95 → 150,000 (half up once).
    expect(commissionFor(2_999_999, t)).toEqual({ withinTargetFen: 150_000, aboveTargetFen: 0, totalFen: 150_000 });
    // 1 fen above: 150,000 + 0.1 → 150,000.1 → 150,000 total; the parts still add up.
    expect(commissionFor(3_000_001, t)).toEqual({ withinTargetFen: 150_000, aboveTargetFen: 0, totalFen: 150_000 });
    expect(commissionFor(3_000_005, t).totalFen).toBe(150_001);
    expect(commissionFor(0, t)).toEqual({ withinTargetFen: 0, aboveTargetFen: 0, totalFen: 0 });
  });

  it('rounds once at the end, not per part', () => {
    // within 0.5 fen + above 0.5 fen = 1 fen; rounding each part first would give 2.
    const split = commissionFor(11, { targetFen: 10, rateBp: 500, multiplierPct: 100 });
    expect(split.totalFen).toBe(1);
    expect(split.withinTargetFen + split.aboveTargetFen).toBe(1);
  });

  it('parts always add up to the total, and the total is the exact value rounded half up', () => {
    fc.assert(
      fc.property(fen, terms, (sales, t) => {
        const s = commissionFor(sales, t);
        expect(s.withinTargetFen + s.aboveTargetFen).toBe(s.totalFen);
        const within = t.targetFen === null ? sales : Math.min(sales, t.targetFen);
        const above = t.targetFen === null ? 0 : Math.max(0, sales - t.targetFen);
        const exact = BigInt(within) * BigInt(t.rateBp) * 100n + BigInt(above) * BigInt(t.rateBp) * BigInt(t.multiplierPct);
        expect(BigInt(s.totalFen)).toBe(divRoundHalfUp(exact, 1_000_000n));
      }),
    );
  });

  it('is monotonic in sales', () => {
    fc.assert(
      fc.property(fen, fen, terms, (a, b, t) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(commissionFor(lo, t).totalFen).toBeLessThanOrEqual(commissionFor(hi, t).totalFen);
      }),
    );
  });

  it('the multiplied part is exactly the excess: sales = target + x gives rate × multiplier × x above', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (target, x) => {
        const t = { targetFen: target, rateBp: 500, multiplierPct: 200 };
        const at = commissionFor(target, t);
        const past = commissionFor(target + x, t);
        // 5 % × 2 = 10 %: the excess earns x / 10, within one fen of rounding.
        expect(Math.abs(past.totalFen - at.totalFen - x / 10)).toBeLessThanOrEqual(1);
        expect(past.withinTargetFen).toBe(at.withinTargetFen);
      }),
    );
  });

  it('claws back a refund month symmetrically', () => {
    const t = { targetFen: 3_000_000, rateBp: 500, multiplierPct: 200 };
    expect(commissionFor(-100_001, t).totalFen).toBe(-commissionFor(100_001, { ...t, targetFen: null }).totalFen);
  });

  it('computes attainment and reads rates the way managers write them', () => {
    expect(attainmentBp(4_000_000, 3_000_000)).toBe(13_333);
    expect(attainmentBp(1, null)).toBeNull();
    expect(parseRateBp('5%')).toBe(500);
    expect(parseRateBp('0.5')).toBe(50);
    expect(parseRateBp(' 12.25 % ')).toBe(1225);
    expect(parseRateBp('abc')).toBeNull();
    expect(parseRateBp('101')).toBeNull();
    expect(formatRateBp(500)).toBe('5%');
    expect(formatRateBp(1225)).toBe('12.25%');
  });
});
