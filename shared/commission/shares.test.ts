import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShareBp, parseShareBp, sharesProblem, splitByShares, WHOLE_BP, type SharePart } from './shares';

/** Any 2–8 people with positive shares adding up to exactly 100 %. */
const shares = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }).chain((weights) => {
  // Scale arbitrary weights to basis points adding to 10000, each at least 1.
  const sum = weights.reduce((a, b) => a + b, 0);
  const bps = weights.map((w) => Math.max(1, Math.floor((w * (WHOLE_BP - weights.length)) / sum)));
  bps[0]! += WHOLE_BP - bps.reduce((a, b) => a + b, 0);
  return fc.shuffledSubarray(
    bps.map((shareBp, i) => ({ staffId: i + 1, shareBp })),
    { minLength: bps.length, maxLength: bps.length },
  );
});
const amount = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 });

describe('分成: splitting an amount by shares', () => {
  it('parts add up to the whole for any amount and any shares', () => {
    fc.assert(
      fc.property(amount, shares, (fen, parts) => {
        expect(sharesProblem(parts)).toBeNull();
        const split = splitByShares(fen, parts);
        expect(split.reduce((sum, p) => sum + p.amountFen, 0)).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('each part is its exact share rounded down or up by at most one fen', () => {
    fc.assert(
      fc.property(amount, shares, (fen, parts) => {
        for (const [i, p] of splitByShares(fen, parts).entries()) {
          const exact = (BigInt(Math.abs(fen)) * BigInt(parts[i]!.shareBp)) / BigInt(WHOLE_BP);
          const got = BigInt(Math.abs(p.amountFen));
          expect(got === exact || got === exact + 1n).toBe(true);
          if (fen !== 0) expect(Math.sign(p.amountFen) === Math.sign(fen) || p.amountFen === 0).toBe(true);
        }
      }),
    );
  });

  it('is deterministic whatever order the parts are listed in, and a refund mirrors a payment', () => {
    fc.assert(
      fc.property(amount, shares, (fen, parts) => {
        const byId = (list: { staffId: number; amountFen: number }[]) => [...list].sort((a, b) => a.staffId - b.staffId);
        const reversed = [...parts].reverse();
        expect(byId(splitByShares(fen, parts))).toEqual(byId(splitByShares(fen, reversed)));
        expect(byId(splitByShares(-fen, parts)).map((p) => p.amountFen)).toEqual(
          byId(splitByShares(fen, parts)).map((p) => (p.amountFen === 0 ? 0 : -p.amountFen)),
        );
      }),
    );
  });

  it('is exact beyond 2^53 too (the BigInt path), agreeing with BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 12n, max: 9n * 10n ** 15n }), shares, (big, parts) => {
        const fen = Number(big);
        const split = splitByShares(fen, parts);
        expect(split.reduce((sum, p) => sum + p.amountFen, 0)).toBe(fen);
        for (const [i, p] of split.entries()) {
          const exact = (BigInt(fen) * BigInt(parts[i]!.shareBp)) / BigInt(WHOLE_BP);
          expect(BigInt(p.amountFen) - exact === 0n || BigInt(p.amountFen) - exact === 1n).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the odd fen to the largest remainder, then the larger share, then the smaller staff id', () => {
    const thirds: SharePart[] = [
      { staffId: 7, shareBp: 3333 },
      { staffId: 3, shareBp: 3333 },
      { staffId: 9, shareBp: 3334 },
    ];
    // 100 fen: exact parts 33.33, 33.33, 33.34 → floors 33, 33, 33; one fen left for the largest remainder (.34).
    expect(splitByShares(100, thirds)).toEqual([
      { staffId: 7, amountFen: 33 },
      { staffId: 3, amountFen: 33 },
      { staffId: 9, amountFen: 34 },
    ]);
    // 50/50 of an odd amount: equal remainders and shares → the smaller staff id gets the fen.
    expect(
      splitByShares(101, [
        { staffId: 5, shareBp: 5000 },
        { staffId: 2, shareBp: 5000 },
      ]),
    ).toEqual([
      { staffId: 5, amountFen: 50 },
      { staffId: 2, amountFen: 51 },
    ]);
    // ¥10,000.01 at 60/40.
    expect(
      splitByShares(1_000_001, [
        { staffId: 1, shareBp: 6000 },
        { staffId: 2, shareBp: 4000 },
      ]),
    ).toEqual([
      { staffId: 1, amountFen: 600_001 },
      { staffId: 2, amountFen: 400_000 },
    ]);
  });

  it('says what is wrong with a list of shares', () => {
    expect(sharesProblem([{ staffId: 1, shareBp: 10_000 }])?.zh).toContain('至少需要两位');
    expect(
      sharesProblem([
        { staffId: 1, shareBp: 5000 },
        { staffId: 1, shareBp: 5000 },
      ])?.zh,
    ).toContain('只能出现一次');
    expect(
      sharesProblem([
        { staffId: 1, shareBp: 6000 },
        { staffId: 2, shareBp: 3000 },
      ])?.en,
    ).toContain('90%');
    expect(
      sharesProblem([
        { staffId: 1, shareBp: 10_000 },
        { staffId: 2, shareBp: 0 },
      ]),
    ).not.toBeNull();
    expect(sharesProblem([])).toBeNull();
  });

  it('reads and writes percentages as typed', () => {
    expect(parseShareBp('60')).toBe(6000);
    expect(parseShareBp('33.33%')).toBe(3333);
    expect(parseShareBp('0')).toBeNull();
    expect(parseShareBp('101')).toBeNull();
    expect(parseShareBp('abc')).toBeNull();
    expect(formatShareBp(3333)).toBe('33.33%');
    expect(formatShareBp(6000)).toBe('60%');
  });
});
