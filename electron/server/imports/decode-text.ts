import iconv from 'iconv-lite';

export type DecodedText = { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' };

/**
 * Text files as offices have them: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"),
 * and GB18030/GBK — what Excel in China writes for "CSV (逗号分隔)". Valid UTF-8 is taken as
 * UTF-8; anything else is read as GB18030, a superset of GBK and GB2312.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

/** A text file has no NUL bytes and few undecodable characters. */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return false;
  const bad = sample.match(/\ufffd/g)?.length ?? 0;
  return bad <= Math.max(2, sample.length / 200);
}
