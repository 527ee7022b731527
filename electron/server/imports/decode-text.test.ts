import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

/** Every character GB18030 encodes in the BMP, plus a run beyond it (4-byte sequences). */
function everyCharacter(): string {
  const chars: string[] = [];
  for (let c = 0x80; c < 0x10000; c++) if (c < 0xd800 || c >= 0xe000) chars.push(String.fromCharCode(c));
  for (let c = 0x20000; c < 0x20200; c++) chars.push(String.fromCodePoint(c));
  return chars.join('');
}

// iconv-lite (GB18030-2005) reads these 18 byte pairs as private-use code points; the platform
// decoder (WHATWG, GB18030-2022) reads them as the vertical punctuation and ideographs they are.
const PRIVATE_USE_TO_STANDARD = 18;

describe('decodeText without iconv-lite', () => {
  it.each(['gbk', 'gb18030'])('reads %s text as iconv-lite did, except the 18 private-use mappings', (encoding) => {
    const bytes = iconv.encode(everyCharacter(), encoding);
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('gb18030');
    const ours = [...decoded.text];
    const theirs = [...iconv.decode(bytes, 'gb18030')];
    expect(ours).toHaveLength(theirs.length);
    const differing = ours.flatMap((ch, i) =>
      ch === theirs[i] ? [] : [{ ours: ch.codePointAt(0)!, theirs: theirs[i]!.codePointAt(0)! }],
    );
    expect(differing).toHaveLength(PRIVATE_USE_TO_STANDARD);
    for (const d of differing) {
      expect(d.theirs >= 0xe000 && d.theirs <= 0xf8ff, `iconv-lite's U+${d.theirs.toString(16)} is private use`).toBe(true);
      expect(d.ours >= 0xe000 && d.ours <= 0xf8ff, `ours, U+${d.ours.toString(16)}, is not`).toBe(false);
    }
  });

  it('reads a GBK CSV from Excel, and UTF-16 big endian with and without its BOM', () => {
    const csv = '客户名称,电话,备注\n深圳华联超市有限公司,13800000000,“老客户”·续费\n';
    expect(decodeText(iconv.encode(csv, 'gbk'))).toEqual({ text: csv, encoding: 'gb18030' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv, 'utf-16be')]))).toEqual({
      text: csv,
      encoding: 'utf-16be',
    });
    expect(decodeText(iconv.encode(csv.repeat(4), 'utf-16be'))).toEqual({ text: csv.repeat(4), encoding: 'utf-16be' });
  });
});
