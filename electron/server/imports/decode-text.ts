// The platform's WHATWG decoders (ICU) — no decoding library. decode-text.test.ts shows they read
// every GBK/GB18030 character as iconv-lite did, except 18 that iconv-lite maps to private-use
// code points and TextDecoder to the real vertical punctuation (GB18030-2022).
const GB18030 = new TextDecoder('gb18030');
const UTF16BE = new TextDecoder('utf-16be');

export type DecodedText = { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' };

/**
 * Text files as offices have them: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text",
 * with or without its BOM), and GB18030/GBK — what Excel in China writes for "CSV (逗号分隔)".
 * Valid UTF-8 is taken as UTF-8; anything else is read as GB18030, a superset of GBK and GB2312.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: UTF16BE.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 === 'le') return { text: bytes.toString('utf16le'), encoding: 'utf-16le' };
  if (utf16 === 'be') return { text: UTF16BE.decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: GB18030.decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * UTF-16 without a BOM: table text is mostly ASCII (digits, separators, line ends), so every
 * other byte is zero — the high bytes in little endian, the low ones in big endian. Chinese
 * text alone has few zero bytes, so the test also accepts a sample whose code units decode
 * to CJK, separators and line ends only.
 */
function utf16WithoutBom(bytes: Buffer): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'be';
  if (zeroOdd + zeroEven > 0 && looksLikeUtf16(bytes.subarray(0, n).toString('utf16le'))) return 'le';
  return null;
}

function looksLikeUtf16(text: string): boolean {
  let good = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0x20 && c < 0x7f) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef)
    )
      good++;
  }
  return good >= text.length * 0.95;
}

/** A text file has no NUL bytes and few undecodable characters. */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return false;
  const bad = sample.match(/\ufffd/g)?.length ?? 0;
  return bad <= Math.max(2, sample.length / 200);
}
