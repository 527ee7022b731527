/**
 * Archive paths that are valid on Windows, macOS and Linux, and can never leave the archive
 * root. Every value a person typed (client name, title, original file name) becomes part of ONE
 * path component: separators and forbidden characters are replaced, never interpreted.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
// Bidirectional controls would let a name display backwards in Explorer or Finder
// ("报价\u202Efdp.exe" shows as "报价exe.pdf"); they carry no meaning in a file name, so they go.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
export const MAX_COMPONENT_BYTES = 255;
/** Windows MAX_PATH is 260 including the drive and the terminating NUL. */
export const MAX_PATH_CHARS = 259;

const encoder = new TextEncoder();
const bytesOf = (text: string): number => encoder.encode(text).length;

/** Cut to at most `max` UTF-8 bytes without splitting a character (or a surrogate pair). */
export function truncateBytes(text: string, max: number): string {
  if (bytesOf(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (bytesOf(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** One safe path component from any text: NFC, no forbidden or control characters, no reserved name. */
export function safeComponent(raw: string, maxBytes = MAX_COMPONENT_BYTES): string {
  let name = raw.normalize('NFC').replace(BIDI_CONTROLS, '').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  // Windows drops trailing dots and spaces, so "报价." and "报价" would collide.
  name = name.replace(/[. ]+$/, '');
  if (name === '' || name === '.' || name === '..') name = '_';
  const stem = name.split('.')[0]!;
  if (RESERVED.test(stem.trim())) name = `_${name}`;
  name = truncateBytes(name, maxBytes).replace(/[. ]+$/, '');
  return name === '' ? '_' : name;
}

/** A file name: the stem is shortened to fit, the extension is kept. */
export function safeFileName(stem: string, ext: string, maxBytes = MAX_COMPONENT_BYTES): string {
  const cleanExt = safeExtension(ext);
  const suffix = cleanExt ? `.${cleanExt}` : '';
  const safeStem = safeComponent(stem, maxBytes - bytesOf(suffix));
  return `${safeStem}${suffix}`;
}

/** Extensions are short ASCII letters and digits, lower case ("PDF" → "pdf"); anything else is dropped. */
export function safeExtension(ext: string): string {
  const e = ext.replace(/^\./, '').toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(e) ? e : '';
}

/** "报价.v2.PDF" → { stem: "报价.v2", ext: "pdf" }. */
export function splitFileName(name: string): { stem: string; ext: string } {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { stem: base, ext: '' };
  return { stem: base.slice(0, dot), ext: safeExtension(base.slice(dot + 1)) };
}

/** "合同.pdf", 2 → "合同_2.pdf": the n-th file that would take the same path. */
export function withCollisionSuffix(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const { stem, ext } = splitFileName(fileName);
  return safeFileName(`${truncateBytes(stem, MAX_COMPONENT_BYTES - 16)}_${n}`, ext);
}

/** The key two paths share when Windows or macOS would treat them as one file. */
export function pathKey(relPath: string): string {
  return relPath.normalize('NFC').toLowerCase();
}

/**
 * Fit a relative path under the Windows length budget for the given root: shorten the file
 * name's stem first, then the folders from the deepest, never below a few characters each.
 */
export function fitPathBudget(components: readonly string[], rootChars: number, max = MAX_PATH_CHARS): string[] {
  const parts = [...components];
  const total = (): number => rootChars + 1 + parts.join('/').length;
  const over = total() - max;
  if (over <= 0) return parts;
  const last = parts.length - 1;
  const { stem, ext } = splitFileName(parts[last]!);
  const keep = Math.max(4, [...stem].length - over);
  parts[last] = safeFileName([...stem].slice(0, keep).join(''), ext);
  for (let i = last - 1; i >= 0 && total() > max; i--) {
    const chars = [...parts[i]!];
    const cut = Math.max(4, chars.length - (total() - max));
    parts[i] = safeComponent(chars.slice(0, cut).join(''));
  }
  return parts;
}
