import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuanString, formatFen, parseYuanToFen } from './money';

describe('money', () => {
  it.each([
    ['3000', 300000],
    ['3,000.00', 300000],
    ['¥3,000', 300000],
    ['￥3000.5', 300050],
    ['0.01', 1],
    ['-12.3', -1230],
    [' 1，234.56 元', 123456],
  ])('parses %s as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen);
  });

  it.each(['', 'abc', '1.234', '三千', '1e5', '--1', '12.'])('rejects %j', (text) => {
    expect(parseYuanToFen(text)).toBeNull();
  });

  it('formats with separators and two decimals', () => {
    expect(formatFen(123456789)).toBe('1,234,567.89');
    expect(formatFen(-5, { symbol: true })).toBe('-¥0.05');
  });

  it('round-trips every fen amount through the yuan string exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuanToFen(fenToYuanString(fen))).toBe(fen);
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
      }),
    );
  });
});
