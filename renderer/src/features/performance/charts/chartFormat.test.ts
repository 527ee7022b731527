import { describe, expect, it } from 'vitest';
import { yuanAxisTick } from './chartFormat';

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
