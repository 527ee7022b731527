import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyNameKey, formatPhoneKey, normalisePhone, splitPhones } from './normalise';

describe('phone normalisation for 撞单', () => {
  it.each([
    ['13800138000', '13800138000', 'mobile'],
    ['+86 138 0013 8000', '13800138000', 'mobile'],
    ['0086-138-0013-8000', '13800138000', 'mobile'],
    ['86 13800138000', '13800138000', 'mobile'],
    ['１３８００１３８０００', '13800138000', 'mobile'],
    ['(0755) 1234-5678', '075512345678', 'landline'],
    ['0755-12345678 转 801', '075512345678', 'landline'],
    ['+86 755 1234 5678', '075512345678', 'landline'],
    ['+86-10-87654321', '01087654321', 'landline'],
    ['010-8765 4321', '01087654321', 'landline'],
    ['87654321', '87654321', 'landline'],
    ['400-123-4567', '4001234567', 'other'],
    ['+852 2123 4567', '0085221234567', 'other'],
  ])('%s → %s (%s)', (raw, key, kind) => {
    expect(normalisePhone(raw)).toEqual({ key, kind });
  });

  it.each(['', '123', 'abc', '138001380001234567', '1380013800a', '2345'])('rejects %j', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('maps every way of writing one mobile to one key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.constantFrom('', '+86 ', '+86-', '0086 ', '86'),
        fc.constantFrom('', ' ', '-'),
        (second, rest, prefix, sep) => {
          const digits = `1${second}${String(rest).padStart(9, '0')}`;
          const written = prefix + [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)].join(sep);
          expect(normalisePhone(written)?.key).toBe(digits);
        },
      ),
    );
  });

  it('splits a cell with several phones and formats keys for people', () => {
    expect(splitPhones('13800138000/0755-12345678；13900139000')).toEqual(['13800138000', '0755-12345678', '13900139000']);
    expect(formatPhoneKey('13800138000')).toBe('138 0013 8000');
    expect(formatPhoneKey('075512345678')).toBe('0755-12345678');
    expect(formatPhoneKey('01087654321')).toBe('010-87654321');
  });
});

describe('company name key for 撞单', () => {
  it('treats 全角/半角, spaces and legal-form suffixes as the same company', () => {
    const key = companyNameKey('深圳华联超市有限公司');
    for (const variant of [
      '深圳华联超市',
      ' 深圳 华联超市 有限公司 ',
      '深圳华联超市有限责任公司',
      '深圳华联超市股份有限公司',
      '深圳华联超市（有限公司）',
      '深圳华联超市公司',
    ]) {
      expect(companyNameKey(variant)).toBe(key);
    }
    expect(companyNameKey('ＡＢＣ Trading Co., Ltd.')).toBe(companyNameKey('abc trading'));
    expect(companyNameKey('Costco')).toBe('costco');
  });

  it('keeps branches and different names apart', () => {
    expect(companyNameKey('华联超市深圳分公司')).not.toBe(companyNameKey('华联超市'));
    expect(companyNameKey('华联超市')).not.toBe(companyNameKey('华润超市'));
    expect(companyNameKey('有限公司')).toBe('有限公司');
  });
});
