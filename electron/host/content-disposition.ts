/**
 * Characters that may not reach a saved file's name: C0/C1 controls (a CR/LF would split the
 * header), and the invisible bidirectional and separator marks that make a name display other
 * than it is — "报价\u202Efdp.exe" shows as "报价exe.pdf" (issue 14.12).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** RFC 5987 value: percent-encoded UTF-8, with the characters encodeURIComponent leaves alone too. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The name a download is saved under, with nothing in it that could mislead or break the header. */
export function safeDownloadName(name: string): string {
  const clean = name.normalize('NFC').replace(UNSAFE, '').replace(/[\\/]/g, '_').trim();
  return clean || 'download';
}

/**
 * `attachment` with both forms of the name: `filename` an ASCII stand-in for old clients,
 * `filename*` the real (cleaned) name in UTF-8.
 */
export function contentDisposition(name: string): string {
  const clean = safeDownloadName(name);
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(clean)}`;
}
