/**
 * 提成 (docs/rules.md › 指标、提成与月结): rate × min(sales, target) + rate × multiplier × max(0, sales − target),
 * computed exactly on integer fen and rounded half up to the fen once at the end.
 *
 * Rates are basis points of a percent (5 % = 500, so 0.01 % steps); the multiplier is in
 * hundredths (2× = 200). The numerators can pass 2^53 for large offices, so BigInt.
 */
export type CommissionTerms = {
  /** null: no target set — every fen of sales earns the plain rate, nothing is "above". */
  targetFen: number | null;
  rateBp: number;
  multiplierPct: number;
};

export type CommissionSplit = { withinTargetFen: number; aboveTargetFen: number; totalFen: number };

const SCALE = 10_000n * 100n;

/** Round n / d (d > 0) half up — half away from zero, so a refund's clawback mirrors a sale. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return negative ? -q : q;
}

export function commissionFor(salesFen: number, terms: CommissionTerms): CommissionSplit {
  const sales = BigInt(salesFen);
  const rate = BigInt(terms.rateBp);
  const target = terms.targetFen === null ? null : BigInt(terms.targetFen);
  const within = target === null || sales < target ? sales : target;
  const above = target === null || sales <= target ? 0n : sales - target;
  const withinNumerator = within * rate * 100n;
  const aboveNumerator = above * rate * BigInt(terms.multiplierPct);
  const total = divRoundHalfUp(withinNumerator + aboveNumerator, SCALE);
  // Rounded once: the within part is rounded, the above part is what remains, so the two parts
  // always add up to the total exactly.
  const withinFen = divRoundHalfUp(withinNumerator, SCALE);
  return { withinTargetFen: Number(withinFen), aboveTargetFen: Number(total - withinFen), totalFen: Number(total) };
}

/** 完成率 in basis points (10000 = 100 %), rounded half up; null without a positive target. */
export function attainmentBp(salesFen: number, targetFen: number | null): number | null {
  if (targetFen === null || targetFen <= 0) return null;
  return Number(divRoundHalfUp(BigInt(salesFen) * 10_000n, BigInt(targetFen)));
}

/** "5%" / "5" / "0.5%" → 500 / 500 / 50 basis points; null when it is not a rate. */
export function parseRateBp(text: string | number): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(String(text));
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

export function formatRateBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** 超额倍数 as written: 2, 2倍, 1.5, ×2 → hundredths (200, 200, 150, 200); 1–10×, else null. */
export function parseMultiplierPct(text: string): number | null {
  const m = /^\s*[×xX]?\s*(\d{1,2})(?:\.(\d{1,2}))?\s*倍?\s*$/.exec(text);
  if (!m) return null;
  const pct = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return pct >= 100 && pct <= 1000 ? pct : null;
}
