/**
 * 分成 (shared credit): a contract may credit two or more salespeople by percentage. Shares are
 * basis points of the whole (10000 = 100 %, so 33.33 % steps of 0.01 %); they add up to 10000.
 *
 * An amount is split by the largest-remainder method on integer fen, so the parts always add
 * up to the whole exactly — never a fen made or lost. Ties are broken by the larger share,
 * then the smaller staff id, so the same split comes out whatever order the parts are listed in.
 */
export const WHOLE_BP = 10_000;

export type SharePart = { staffId: number; shareBp: number };
export type ShareAmount = { staffId: number; amountFen: number };

export function splitByShares(amountFen: number, parts: readonly SharePart[]): ShareAmount[] {
  if (parts.length === 0) return [];
  const negative = amountFen < 0;
  const whole = Math.abs(amountFen);
  const totalBp = parts.reduce((sum, p) => sum + p.shareBp, 0);
  if (totalBp <= 0) throw new Error('splitByShares: shares must add up to more than zero');
  // Exact in doubles while amount × share stays below 2^53 (any real amount: ≤ 10^11 fen × 10^4);
  // BigInt beyond that. The sheet splits thousands of payments per call, so the fast path matters.
  const exact =
    whole * totalBp <= Number.MAX_SAFE_INTEGER
      ? parts.map((p, index) => {
          const numerator = whole * p.shareBp;
          return { index, part: p, floor: Math.floor(numerator / totalBp), remainder: numerator % totalBp };
        })
      : parts.map((p, index) => {
          const numerator = BigInt(whole) * BigInt(p.shareBp);
          return {
            index,
            part: p,
            floor: Number(numerator / BigInt(totalBp)),
            remainder: Number(numerator % BigInt(totalBp)),
          };
        });
  let left = whole - exact.reduce((sum, e) => sum + e.floor, 0);
  const order = [...exact].sort(
    (a, b) => b.remainder - a.remainder || b.part.shareBp - a.part.shareBp || a.part.staffId - b.part.staffId,
  );
  const extra = new Set<number>();
  for (const e of order) {
    if (left <= 0) break;
    extra.add(e.index);
    left--;
  }
  return exact.map((e) => {
    const fen = e.floor + (extra.has(e.index) ? 1 : 0);
    return { staffId: e.part.staffId, amountFen: negative && fen !== 0 ? -fen : fen };
  });
}

export type SharesProblem = { zh: string; en: string };

/** Why a list of shares cannot be saved, or null: two or more people, each > 0, adding to 100 %. */
export function sharesProblem(parts: readonly SharePart[]): SharesProblem | null {
  if (parts.length === 1)
    return {
      zh: '分成至少需要两位业务员;只记给一个人时,请直接修改合同的业务员。',
      en: 'Shared credit needs two or more people; to credit one person, change the contract’s salesperson.',
    };
  const ids = new Set(parts.map((p) => p.staffId));
  if (ids.size !== parts.length) return { zh: '同一位员工只能出现一次。', en: 'Each person may appear only once.' };
  if (parts.some((p) => !Number.isInteger(p.shareBp) || p.shareBp <= 0 || p.shareBp > WHOLE_BP))
    return { zh: '每人的比例须大于 0% 且不超过 100%。', en: 'Each share must be more than 0 % and at most 100 %.' };
  const total = parts.reduce((sum, p) => sum + p.shareBp, 0);
  if (parts.length > 0 && total !== WHOLE_BP)
    return {
      zh: `各人比例合计 ${formatShareBp(total)},须正好等于 100%。`,
      en: `The shares add up to ${formatShareBp(total)}; they must add up to exactly 100 %.`,
    };
  return null;
}

/** 6000 → "60%", 3333 → "33.33%". */
export function formatShareBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** "60" / "33.33" / "33.33%" → basis points of the whole; null when it is not a share. */
export function parseShareBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 0 && bp <= WHOLE_BP ? bp : null;
}
