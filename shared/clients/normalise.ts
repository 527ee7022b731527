/**
 * Normalisation for 撞单 (duplicate) checks and search. Office workers type the same phone or
 * company in many ways (+86, spaces, dashes, 全角 digits, 有限公司 or not); these functions map
 * every spelling of one thing to one key.
 */

/** 全角 → 半角 and compatibility forms (NFKC), ideographic space to space. */
export function toHalfWidth(text: string): string {
  // ASCII and the common CJK block are already NFKC; most text skips the (slow) normaliser.
  if (!NEEDS_NFKC.test(text)) return text;
  return text.normalize('NFKC').replace(/\u3000/g, ' ');
}
const NEEDS_NFKC = /[^\u0020-\u007e\u4e00-\u9fa5]/;

/** Letters and digits only, lower case, half width: the common ground of every spelling. */
export function compactText(text: string): string {
  const lower = toHalfWidth(text).toLowerCase();
  // Most names are already compact (CJK, digits, latin); the Unicode-class scan is the slow part.
  return ALREADY_COMPACT.test(lower) ? lower : lower.replace(/[^\p{L}\p{N}]/gu, '');
}
const ALREADY_COMPACT = /^[a-z0-9\u4e00-\u9fa5]*$/;

export type PhoneKind = 'mobile' | 'landline' | 'other';
export type NormalisedPhone = { key: string; kind: PhoneKind };

const MOBILE = /^1[3-9]\d{9}$/;
/** Extensions people write after a switchboard number: 转 801, ext. 801, #801, x801. */
const EXTENSION = /\s*(?:转|分机|ext\.?|x|#)\s*\d{1,6}\s*$/i;

/**
 * Map a phone as typed to the key duplicates are compared on: digits only, country code
 * (+86 / 0086 / 86) dropped, landlines with their 0 area code, extensions dropped (the same
 * switchboard is the same company). Returns null when it cannot be a phone number.
 */
export function normalisePhone(raw: string): NormalisedPhone | null {
  const text = toHalfWidth(raw).trim().replace(EXTENSION, '');
  if (!/^[+\d\s()\-./]+$/.test(text)) return null;
  const international = text.startsWith('+') || text.startsWith('00');
  let digits = text.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && (international || digits.length === 13)) digits = digits.slice(2);
  else if (international)
    return digits.length >= 7 && digits.length <= 15 ? { key: `00${digits.replace(/^00/, '')}`, kind: 'other' } : null;
  if (MOBILE.test(digits)) return { key: digits, kind: 'mobile' };
  // After +86 a landline is written without its leading 0 ("+86 755 1234 5678").
  if (international && /^[1-9]\d{8,10}$/.test(digits)) digits = `0${digits}`;
  if (/^0[1-9]\d{8,10}$/.test(digits)) return { key: digits, kind: 'landline' };
  // Local number without an area code (7–8 digits), or a service number such as 400/800.
  if (/^[2-9]\d{6,7}$/.test(digits)) return { key: digits, kind: 'landline' };
  if (/^[48]00\d{7}$/.test(digits)) return { key: digits, kind: 'other' };
  return null;
}

/** Split a cell that holds several phones ("138…/0755-…; 139…") into single numbers. */
export function splitPhones(cell: string): string[] {
  return toHalfWidth(cell)
    .split(/[,;/、，；|\n]+|\s{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Show a mobile as 138 0013 8000 and a landline as 0755-12345678, as people read them. */
export function formatPhoneKey(key: string): string {
  if (MOBILE.test(key)) return `${key.slice(0, 3)} ${key.slice(3, 7)} ${key.slice(7)}`;
  const area = /^(01\d|02\d|0[3-9]\d{2})(\d{7,8})$/.exec(key);
  return area ? `${area[1]}-${area[2]}` : key;
}

/** Chinese legal-form suffixes that do not tell two companies apart; longest first. */
const CHINESE_SUFFIXES = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '股份公司', '总公司', '公司'];
/** The same in English, matched as whole words at the end ("Co., Ltd.", "Inc"). */
const LATIN_SUFFIX = /[\s,.]*\b(?:co\.?,?\s*ltd|company\s+limited|limited|ltd|inc|llc|corp|corporation|co)\.?\s*$/;

/**
 * The key two company names are compared on: half width, lower case, letters and digits only,
 * legal-form suffixes removed (repeatedly: "… 有限公司 Co., Ltd."). "分公司" and branch names
 * stay, because a branch is a different client.
 */
export function companyNameKey(name: string): string {
  let text = toHalfWidth(name).toLowerCase().trim();
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(LATIN_SUFFIX, '').trim();
    const compact = compactText(text);
    // Longest suffix first; a name that is nothing but a suffix stays as it is.
    const suffix = CHINESE_SUFFIXES.find((s) => compact.endsWith(s) && !compact.endsWith(`分${s}`));
    if (suffix && suffix.length < compact.length) text = compact.slice(0, -suffix.length);
  }
  return compactText(text) || compactText(name);
}

/** A client's display name, tidied: half-width letters/digits, single spaces, trimmed. */
export function tidyName(name: string): string {
  return name
    .replace(/[\uff01-\uff5e]/g, (ch) =>
      /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch,
    )
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}
