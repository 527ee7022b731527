import { describe, expect, it } from 'vitest';
import { companyNameKey } from './normalise';
import { areSimilarNames, editDistanceAtMostOne, similarPairs } from './similar-names';

const key = companyNameKey;

describe('similar names', () => {
  it('a typo or an added word is similar; another branch number or a short name is not', () => {
    expect(areSimilarNames(key('华联超市朝阳店'), key('华连超市朝阳店'))).toBe(true);
    expect(areSimilarNames(key('阳光广告有限公司'), key('阳光广告传媒'))).toBe(true);
    expect(areSimilarNames(key('华联超市1号店'), key('华联超市2号店'))).toBe(false);
    expect(areSimilarNames(key('华联'), key('华连'))).toBe(false);
    expect(areSimilarNames(key('阳光广告'), key('阳光广告'))).toBe(false);
    expect(areSimilarNames(key('蓝天建材商行'), key('白云物流配送'))).toBe(false);
  });

  it('edit distance at most one', () => {
    expect(editDistanceAtMostOne('abcd', 'abxd')).toBe(true);
    expect(editDistanceAtMostOne('abcd', 'abd')).toBe(true);
    expect(editDistanceAtMostOne('abcd', 'axxd')).toBe(false);
  });

  it('finds pairs among many names, typos early and late', () => {
    const names = [
      '阳光广告传媒',
      '星星建材商行',
      '阳光广告',
      '月亮物流公司',
      '开心饭店连锁',
      '开心饭店连琐',
      '东湖建材商行',
      '东胡建材商行',
    ];
    const items = names.map((n, i) => ({ id: i + 1, key: key(n) }));
    const pairs = similarPairs(items).map(([a, b]) => [a.id, b.id]);
    expect(pairs).toContainEqual([1, 3]);
    expect(pairs).toContainEqual([5, 6]);
    expect(pairs).toContainEqual([7, 8]);
    expect(pairs).not.toContainEqual([2, 7]);
  });
});
