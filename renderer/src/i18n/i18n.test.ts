import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './translate';
import { zhCN } from './zh-CN';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('dictionaries', () => {
  it('give every key a non-empty text in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const text of [...Object.values(zhCN), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(zhCN, 'staff.editTitle', { name: '张伟' })).toBe('编辑员工:张伟');
    expect(translate(en, 'staff.deactivateTitle', { name: 'Zhang' })).toBe('Mark as left: Zhang ({code})');
  });
});
