import { compactText } from './normalise';

/**
 * Substring search over Chinese text without a word segmenter. Each field is indexed as its
 * overlapping two-character grams plus its last character alone: "华联超市" → 华联 联超 超市 市.
 * An FTS5 table (prefix index of 1) over these tokens answers:
 *  - a 1-character query as a prefix query ("王"*): every character starts some token;
 *  - a 2-character query (超市) as one token lookup;
 *  - a longer query as a phrase of its grams ("联超 超市"), adjacent tokens, so a true substring.
 * Fields never join: the lone last character separates one field's grams from the next.
 */
export function searchTokens(fields: readonly string[]): string {
  const tokens: string[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    const text = compactText(field);
    if (text.length === 0 || seen.has(text)) continue;
    seen.add(text);
    // Characters outside the BMP take two UTF-16 units; only then pay for splitting by code point.
    const chars = SURROGATE.test(text) ? [...text] : text;
    const n = chars.length;
    for (let i = 0; i < n; i++) tokens.push(i + 1 < n ? chars[i]! + chars[i + 1]! : chars[i]!);
  }
  return tokens.join(' ');
}
const SURROGATE = /[\ud800-\udfff]/;

/** The FTS5 MATCH expression for what a person typed, or null when nothing searchable is left. */
export function searchMatchExpression(query: string): string | null {
  const chars = [...compactText(query)];
  if (chars.length === 0) return null;
  // Tokens are letters and digits only, so quoting needs no escaping.
  if (chars.length === 1) return `"${chars[0]}"*`;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return `"${grams.join(' ')}"`;
}
