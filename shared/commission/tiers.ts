import { divRoundHalfUp, type CommissionSplit } from './commission';

/**
 * 阶梯提成: brackets of attainment, each slice of sales at its own rate — like tax brackets, so
 * commission never jumps at a boundary and more sales never earn less. E.g. 0–100 % of target at
 * 5 %, 100–150 % at 8 %, above 150 % at 10 %.
 *
 * `fromBp` is where a bracket starts, in basis points of the target (10000 = 100 %); the first
 * starts at 0. `ratePpm` is the bracket's rate in parts per million of sales (5 % = 50000), fine
 * enough that the manual's rule (rate up to target, rate × multiplier above) is itself a tier
 * list — its preset — and gives exactly the same fen.
 */
export type Tier = { fromBp: number; ratePpm: number };

export const MAX_TIERS = 10;
/** Brackets may start up to 1000 % of target. */
export const MAX_TIER_FROM_BP = 100_000;
/** A rate is at most 100 % of sales. */
export const MAX_TIER_RATE_PPM = 1_000_000;

const BOUNDARY_SCALE = 10_000n; // fromBp
const RATE_SCALE = 1_000_000n; // ratePpm

/** The manual's rule as tiers: rate up to the target, rate × multiplier above it. */
export function manualTiers(rateBp: number, multiplierPct: number): Tier[] {
  return [
    { fromBp: 0, ratePpm: rateBp * 100 },
    { fromBp: 10_000, ratePpm: rateBp * multiplierPct },
  ];
}

/**
 * Commission under tiers, exact on integer fen and rounded half up once (the within-target part
 * is rounded, the above-target part is the rest, as in `commissionFor`). Without a target, every
 * fen earns the first bracket's rate. Negative sales (refunds over payments) earn the first
 * bracket's rate, negative.
 */
export function tieredCommission(salesFen: number, targetFen: number | null, tiers: readonly Tier[]): CommissionSplit {
  if (tiers.length === 0) return { withinTargetFen: 0, aboveTargetFen: 0, totalFen: 0 };
  const sales = BigInt(salesFen) * BOUNDARY_SCALE;
  const total = numeratorFor(sales, targetFen, tiers);
  const withinSales = targetFen === null || BigInt(salesFen) < BigInt(targetFen) ? sales : BigInt(targetFen) * BOUNDARY_SCALE;
  const within = numeratorFor(withinSales, targetFen, tiers);
  const scale = BOUNDARY_SCALE * RATE_SCALE;
  const totalFen = divRoundHalfUp(total, scale);
  const withinFen = divRoundHalfUp(within, scale);
  return { withinTargetFen: Number(withinFen), aboveTargetFen: Number(totalFen - withinFen), totalFen: Number(totalFen) };
}

/** Σ rate × (the slice of `scaledSales` inside each bracket), with sales scaled by 10000. */
function numeratorFor(scaledSales: bigint, targetFen: number | null, tiers: readonly Tier[]): bigint {
  const first = BigInt(tiers[0]!.ratePpm);
  if (targetFen === null || scaledSales <= 0n) return first * scaledSales;
  const target = BigInt(targetFen);
  let sum = 0n;
  for (let i = 0; i < tiers.length; i++) {
    const low = target * BigInt(tiers[i]!.fromBp);
    if (scaledSales <= low) break;
    const next = tiers[i + 1];
    const high = next ? target * BigInt(next.fromBp) : null;
    const top = high === null || scaledSales < high ? scaledSales : high;
    sum += BigInt(tiers[i]!.ratePpm) * (top - low);
  }
  return sum;
}

export type TiersProblem = { zh: string; en: string };

/** Why a tier list cannot be saved, or null. */
export function tiersProblem(tiers: readonly Tier[]): TiersProblem | null {
  if (tiers.length === 0 || tiers.length > MAX_TIERS)
    return { zh: `阶梯须有 1–${MAX_TIERS} 档。`, en: `Tiers need 1–${MAX_TIERS} brackets.` };
  if (tiers[0]!.fromBp !== 0) return { zh: '第一档须从目标的 0% 开始。', en: 'The first bracket must start at 0 % of target.' };
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i]!;
    if (!Number.isInteger(t.fromBp) || t.fromBp < 0 || t.fromBp > MAX_TIER_FROM_BP)
      return {
        zh: `第 ${i + 1} 档的起点须在目标的 0%–1000% 之间。`,
        en: `Bracket ${i + 1} must start between 0 % and 1000 % of target.`,
      };
    if (!Number.isInteger(t.ratePpm) || t.ratePpm < 0 || t.ratePpm > MAX_TIER_RATE_PPM)
      return { zh: `第 ${i + 1} 档的提成比例须在 0%–100% 之间。`, en: `Bracket ${i + 1}'s rate must be 0 %–100 %.` };
    if (i > 0 && t.fromBp <= tiers[i - 1]!.fromBp)
      return {
        zh: `第 ${i + 1} 档的起点须高于第 ${i} 档。`,
        en: `Bracket ${i + 1} must start above bracket ${i}.`,
      };
  }
  return null;
}

/** 5% → 50000 ppm; "4.995" → 49950; up to four decimals; null when not a rate of 0–100 %. */
export function parseRatePpm(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,4}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const ppm = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return ppm <= MAX_TIER_RATE_PPM ? ppm : null;
}

/** "150" / "150%" → 15000 basis points of target; null when not 0–1000 %. */
export function parseTierFromBp(text: string): number | null {
  const m = /^\s*(\d{1,4})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= MAX_TIER_FROM_BP ? bp : null;
}

export function formatRatePpm(ppm: number): string {
  return `${(ppm / 10_000).toFixed(4).replace(/\.?0+$/, '')}%`;
}

export function formatTierBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** The tiers in words for the sheet's rules note: 目标的 0%–100% 按 5%,100%–150% 按 8%,150% 以上按 10%. */
export function describeTiers(tiers: readonly Tier[]): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  tiers.forEach((t, i) => {
    const next = tiers[i + 1];
    const rate = formatRatePpm(t.ratePpm);
    if (next) {
      zh.push(`${formatTierBp(t.fromBp)}–${formatTierBp(next.fromBp)} 按 ${rate}`);
      en.push(`${formatTierBp(t.fromBp)}–${formatTierBp(next.fromBp)} at ${rate}`);
    } else {
      zh.push(`${formatTierBp(t.fromBp)} 以上按 ${rate}`);
      en.push(`above ${formatTierBp(t.fromBp)} at ${rate}`);
    }
  });
  return { zh: `目标的 ${zh.join(',')}`, en: `${en.join(', ')} of target` };
}
