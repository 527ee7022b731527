/**
 * "Similar names in the same region" for the possible-duplicates list. Two name keys (already
 * normalised by companyNameKey: half width, lower case, no legal-form suffix) are similar when
 * their numbers are the same — 1号店 and 2号店 are two branches, not a typo — and either one is
 * the other with a little added (阳光广告 / 阳光广告传媒) or they differ by one character
 * (华联超市 / 华连超市). Short keys are left alone: three characters say too little.
 */
export const MIN_SIMILAR_LENGTH = 4;

export function digitsOf(key: string): string {
  return key.replace(/\D+/g, ' ').trim();
}

export function areSimilarNames(a: string, b: string): boolean {
  if (a === b) return false; // the same key is a 'same name' match, not a similar one
  if (Math.min(a.length, b.length) < MIN_SIMILAR_LENGTH) return false;
  if (digitsOf(a) !== digitsOf(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short) || long.endsWith(short)) return long.length - short.length <= Math.max(4, short.length);
  return long.length - short.length <= 1 && editDistanceAtMostOne(short, long);
}

/** True when one insertion, deletion or substitution (or none) turns `a` into `b`. */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  const ca = [...a];
  const cb = [...b];
  if (Math.abs(ca.length - cb.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < ca.length && j < cb.length) {
    if (ca[i] === cb[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (ca.length > cb.length) i++;
    else if (cb.length > ca.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (ca.length - i) + (cb.length - j) <= 1;
}

/**
 * Pairs of similar names among `items` (one region's clients), without comparing every pair:
 * sorted by key, neighbours within a small window are compared (a typo late in the name keeps
 * the neighbours close; a longer name that starts with a shorter one sorts right after it), and
 * sorted again by the reversed key for typos early in the name.
 */
export function similarPairs<T extends { id: number; key: string }>(items: readonly T[], window = 4): [T, T][] {
  const pairs = new Map<string, [T, T]>();
  const scan = (sorted: readonly T[]): void => {
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < Math.min(sorted.length, i + 1 + window); j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (!areSimilarNames(a.key, b.key)) continue;
        const [x, y] = a.id < b.id ? [a, b] : [b, a];
        pairs.set(`${x.id}:${y.id}`, [x, y]);
      }
    }
  };
  scan([...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id)));
  const reversed = new Map(items.map((it) => [it, [...it.key].reverse().join('')]));
  scan(
    [...items].sort((a, b) => (reversed.get(a)! < reversed.get(b)! ? -1 : reversed.get(a)! > reversed.get(b)! ? 1 : a.id - b.id)),
  );
  return [...pairs.values()];
}
