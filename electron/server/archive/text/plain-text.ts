import { decodeText } from '../../imports/decode-text';

/**
 * A .txt as Notepad writes it: UTF-8 (with or without BOM), "ANSI" (GBK on a Chinese Windows)
 * and "Unicode" (UTF-16LE with a BOM). The CSV reader's detection does the BOMs, UTF-8 and
 * GB18030; UTF-16 without a BOM (other editors write it) is recognised here first.
 */
export function plainText(bytes: Buffer): string {
  const utf16 = bomlessUtf16(bytes);
  if (utf16 === 'le') return bytes.toString('utf16le');
  if (utf16 === 'be') return Buffer.from(bytes).swap16().toString('utf16le');
  return decodeText(bytes).text;
}

/**
 * UTF-16 without a BOM, by the high byte of each 16-bit unit: 0x00 for ASCII, 0x4E–0x9F for
 * CJK ideographs, 0x30 for CJK punctuation, 0xFF for full-width forms, 0x20 for general
 * punctuation. In GBK text, bytes at every other position are lead bytes (0xB0–0xF7 for
 * common characters) and trail bytes (0xA1–0xFE) — almost never in those ranges.
 */
function bomlessUtf16(bytes: Buffer): 'le' | 'be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const n = Math.min(bytes.length, 8192);
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (isUtf16HighByte(bytes[i + 1]!)) oddHigh++;
    if (isUtf16HighByte(bytes[i]!)) evenHigh++;
  }
  const units = Math.floor(n / 2);
  // Plain ASCII (valid UTF-8, no zero bytes) never gets here as UTF-16: 0x00 must be the high byte.
  const zeros = bytes.subarray(0, n).filter((b) => b === 0).length;
  if (zeros === 0 && isUtf8(bytes)) return null;
  if (oddHigh > units * 0.9 && evenHigh < units * 0.6) return 'le';
  if (evenHigh > units * 0.9 && oddHigh < units * 0.6) return 'be';
  return null;
}

function isUtf16HighByte(b: number): boolean {
  return b === 0x00 || b === 0x20 || b === 0x30 || b === 0xff || (b >= 0x4e && b <= 0x9f);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
