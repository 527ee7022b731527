import { describe, expect, it } from 'vitest';
import { chartsAnimate, yuanAxisTick } from './chartFormat';

describe('chart axes', () => {
  it('write large yuan in 万 for Chinese readers and in k / M for English ones', () => {
    expect(yuanAxisTick(30000)).toBe('3万');
    expect(yuanAxisTick(15000, 'zh-CN')).toBe('1.5万');
    expect(yuanAxisTick(7500)).toBe('7500');
    expect(yuanAxisTick(30000, 'en')).toBe('30k');
    expect(yuanAxisTick(2_500_000, 'en')).toBe('2.5M');
    expect(yuanAxisTick(750, 'en')).toBe('750');
    for (const v of [0, 999, 12_345, 9_999_999]) expect(yuanAxisTick(v, 'en')).not.toContain('万');
  });
});

describe('chartsAnimate: the system setting for less motion is respected', () => {
  const withMedia = (reduce: boolean | undefined, run: () => void) => {
    const g = globalThis as { matchMedia?: unknown };
    const before = g.matchMedia;
    g.matchMedia = reduce === undefined ? undefined : (q: string) => ({ matches: reduce && q.includes('reduce') });
    try {
      run();
    } finally {
      g.matchMedia = before;
    }
  };
  it('animates by default and where matchMedia is missing', () => {
    withMedia(false, () => expect(chartsAnimate()).toBe(true));
    withMedia(undefined, () => expect(chartsAnimate()).toBe(true));
  });
  it('draws at once when the person asked for reduced motion', () => {
    withMedia(true, () => expect(chartsAnimate()).toBe(false));
  });
});
