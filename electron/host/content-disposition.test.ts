import { describe, expect, it } from 'vitest';
import { contentDisposition, safeDownloadName } from './content-disposition';

/** Every character a download name must not carry (the same set the host strips). */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe('download names (issue 14.12)', () => {
  it('drop bidirectional, invisible and control characters from both filename and filename*', () => {
    const hostile = [
      '报价\u202Efdp.exe',
      'a\u202Db\u202Ac\u202Bd\u202Ce.pdf',
      '\u2066x\u2067y\u2068z\u2069.pdf',
      '\u200E\u200F\u061Cname\uFEFF.pdf',
      'line\r\nSet-Cookie: x=1.pdf',
      'tab\tbell\u0007del\u007Fc1\u0085.pdf',
      'sep\u2028\u2029.pdf',
    ];
    for (const name of hostile) {
      const header = contentDisposition(name);
      expect(header, name).not.toMatch(UNSAFE);
      const star = decodeURIComponent(header.split("UTF-8''")[1]!);
      expect(star, name).not.toMatch(UNSAFE);
      expect(star).toBe(safeDownloadName(name));
    }
    expect(safeDownloadName('报价\u202Efdp.exe')).toBe('报价fdp.exe');
  });

  it('keeps Chinese names in filename*, gives old clients an ASCII stand-in, and never breaks the header', () => {
    const header = contentDisposition('2026年"合同";100%.pdf');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/);
    expect(header.split('filename="')[1]!.split('"')[0]).not.toMatch(/["\\;%]/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('2026年"合同";100%.pdf');
    expect(safeDownloadName('a/b\\c.pdf')).toBe('a_b_c.pdf');
    expect(safeDownloadName('\u202E\u0000 ')).toBe('download');
  });
});
