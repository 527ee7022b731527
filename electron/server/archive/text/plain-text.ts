import { decodeText } from '../../imports/decode-text';

/**
 * A .txt as Notepad writes it: UTF-8 (with or without BOM), "ANSI" (GBK on a Chinese Windows)
 * and "Unicode" (UTF-16LE with a BOM). The CSV reader's detection does the BOMs, UTF-8 and
 * GB18030; UTF-16 without a BOM (other editors write it) is recognised here first by its zero
 * bytes: ASCII and most CJK punctuation put a 0x00 in every other byte.
 */
export function plainText(bytes: Buffer): string {
  const utf16 = bomlessUtf16(bytes);
  if (utf16 === 'le') return bytes.toString('utf16le');
  if (utf16 === 'be') return Buffer.from(bytes).swap16().toString('utf16le');
  return decodeText(bytes).text;
}

function bomlessUtf16(bytes: Buffer): 'le' | 'be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const n = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // Pure-CJK UTF-16 has few zero bytes, but then it also has no line breaks or digits in
  // 2,048 characters — rare in an office text. A single-byte text file has no zero bytes at all.
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.05) return 'le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.05) return 'be';
  return null;
}
