import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionFor } from './commission';
import {
  describeTiers,
  formatRatePpm,
  manualTiers,
  MAX_TIER_RATE_PPM,
  parseRatePpm,
  parseTierFromBp,
  tieredCommission,
  tiersProblem,
  type Tier,
} from './tiers';

const sales = fc.integer({ min: -1_000_000_000, max: 10_000_000_000 });
const target = fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null });
/** Any valid tier list: first at 0, strictly increasing starts, rates 0–100 %. */
const tiers: fc.Arbitrary<Tier[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 9 })
  .chain((starts) =>
    fc
      .array(fc.integer({ min: 0, max: MAX_TIER_RATE_PPM }), { minLength: starts.length + 1, maxLength: starts.length + 1 })
      .map((rates) => [0, ...[...starts].sort((a, b) => a - b)].map((fromBp, i) => ({ fromBp, ratePpm: rates[i]! }))),
  );

/** The exact commission as a fraction ×1e10, for checking rounding. */
function exactScaled(s: number, t: number | null, list: readonly Tier[]): bigint {
  const S = BigInt(s) * 10_000n;
  if (t === null || S <= 0n) return BigInt(list[0]!.ratePpm) * S;
  let sum = 0n;
  list.forEach((tier, i) => {
    const low = BigInt(t) * BigInt(tier.fromBp);
    const high = list[i + 1] ? BigInt(t) * BigInt(list[i + 1]!.fromBp) : S;
    const top = S < high ? S : high;
    if (top > low) sum += BigInt(tier.ratePpm) * (top - low);
  });
  return sum;
}

describe('阶梯提成', () => {
  it('equals the manual rule under the preset, fen for fen, within and above target', () => {
    fc.assert(
      fc.property(
        sales,
        target,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 100, max: 1000 }),
        (s, t, rateBp, multiplierPct) => {
          expect(tieredCommission(s, t, manualTiers(rateBp, multiplierPct))).toEqual(
            commissionFor(s, { targetFen: t, rateBp, multiplierPct }),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is monotone: more sales never earn less', () => {
    fc.assert(
      fc.property(sales, fc.integer({ min: 0, max: 1_000_000_000 }), target, tiers, (s, more, t, list) => {
        expect(tieredCommission(s + more, t, list).totalFen).toBeGreaterThanOrEqual(tieredCommission(s, t, list).totalFen);
      }),
      { numRuns: 2000 },
    );
  });

  it('is continuous at every boundary: one fen more changes commission by at most one fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000_000_000 }), tiers, fc.integer({ min: -2, max: 2 }), (t, list, offset) => {
        for (const tier of list) {
          // The boundary in fen, and its neighbours: exact boundaries and ± a fen or two.
          const boundary = Math.floor((t * tier.fromBp) / 10_000) + offset;
          const here = tieredCommission(boundary, t, list).totalFen;
          const next = tieredCommission(boundary + 1, t, list).totalFen;
          expect(next - here).toBeGreaterThanOrEqual(0);
          expect(next - here).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is the exact value rounded half up once, and the parts add up', () => {
    fc.assert(
      fc.property(sales, target, tiers, (s, t, list) => {
        const split = tieredCommission(s, t, list);
        expect(split.withinTargetFen + split.aboveTargetFen).toBe(split.totalFen);
        const scaled = exactScaled(s, t, list);
        const diff = BigInt(split.totalFen) * 10_000_000_000n - scaled;
        // |rounded − exact| ≤ ½ fen.
        expect(diff <= 5_000_000_000n && diff >= -5_000_000_000n).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('pays each bracket exactly at its boundaries: the issue’s example', () => {
    const example: Tier[] = [
      { fromBp: 0, ratePpm: 50_000 },
      { fromBp: 10_000, ratePpm: 80_000 },
      { fromBp: 15_000, ratePpm: 100_000 },
    ];
    const t = 3_000_000; // target ¥30,000
    expect(tieredCommission(3_000_000, t, example)).toEqual({ withinTargetFen: 150_000, aboveTargetFen: 0, totalFen: 150_000 });
    // ¥45,000 = 150 %: 1,500 + 15,000 × 8 % = 2,700.
    expect(tieredCommission(4_500_000, t, example).totalFen).toBe(270_000);
    // ¥50,000: 2,700 + 5,000 × 10 % = 3,200; within target 1,500.
    expect(tieredCommission(5_000_000, t, example)).toEqual({
      withinTargetFen: 150_000,
      aboveTargetFen: 170_000,
      totalFen: 320_000,
    });
    // Without a target every fen earns the first rate.
    expect(tieredCommission(5_000_000, null, example).totalFen).toBe(250_000);
  });

  it('checks a tier list and reads rates and starts as typed', () => {
    expect(tiersProblem(manualTiers(500, 200))).toBeNull();
    expect(tiersProblem([])).not.toBeNull();
    expect(tiersProblem([{ fromBp: 100, ratePpm: 1 }])?.zh).toContain('0%');
    expect(
      tiersProblem([
        { fromBp: 0, ratePpm: 1 },
        { fromBp: 0, ratePpm: 2 },
      ])?.en,
    ).toContain('above');
    expect(tiersProblem([{ fromBp: 0, ratePpm: 1_000_001 }])).not.toBeNull();
    expect(parseRatePpm('5')).toBe(50_000);
    expect(parseRatePpm('4.995%')).toBe(49_950);
    expect(parseRatePpm('101')).toBeNull();
    expect(parseTierFromBp('150%')).toBe(15_000);
    expect(formatRatePpm(49_950)).toBe('4.995%');
  });

  it('says the tiers in words', () => {
    const words = describeTiers([
      { fromBp: 0, ratePpm: 50_000 },
      { fromBp: 10_000, ratePpm: 80_000 },
      { fromBp: 15_000, ratePpm: 100_000 },
    ]);
    expect(words.zh).toBe('目标的 0%–100% 按 5%,100%–150% 按 8%,150% 以上按 10%');
    expect(words.en).toBe('0%–100% at 5%, 100%–150% at 8%, above 150% at 10% of target');
  });
});
