/**
 * The little of XML the OOXML reader needs, done with indexOf on the part's text rather than
 * a DOM or SAX parser: a 100k-row worksheet is 35 MB of very regular markup, and scanning it
 * this way takes about a second where building objects for it took five (see docs/imports.md).
 */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities and Excel's `_xHHHH_` escapes (used for control characters) decoded. */
export function decodeXml(text: string): string {
  // XML reads a line break written as CR LF (or CR) as LF; a CR written as &#13; stays.
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name] ?? whole;
    });
  }
  if (out.includes('_x')) out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** An attribute of a start tag (`<c r="A1" t="s">`), decoded; `name` may carry a prefix. */
export function attr(tag: string, name: string): string | null {
  const key = ` ${name}=`;
  let at = tag.indexOf(key);
  if (at < 0) {
    const alt = `\t${name}=`;
    at = tag.indexOf(alt);
    if (at < 0) {
      const nl = `\n${name}=`;
      at = tag.indexOf(nl);
      if (at < 0) return null;
    }
  }
  const quote = tag[at + key.length];
  if (quote !== '"' && quote !== "'") return null;
  const end = tag.indexOf(quote, at + key.length + 1);
  if (end < 0) return null;
  const raw = tag.slice(at + key.length + 1, end);
  return raw.includes('&') ? decodeXml(raw) : raw;
}

/** An attribute whatever its namespace prefix (`r:id`, `ns1:id`), but not `sheetId`. */
export function prefixedAttr(tag: string, local: string): string | null {
  const m = new RegExp(`\\s[A-Za-z_][\\w.-]*:${local}=(["'])(.*?)\\1`).exec(tag);
  return m ? decodeXml(m[2]!) : null;
}

/** The prefix of the document's root element: '' for `<worksheet`, 'x:' for `<x:worksheet`. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** Every start tag `<p:local …>` between `from` and `to`, in order. */
export function* startTags(xml: string, prefix: string, local: string, from = 0, to = xml.length): Generator<string> {
  const open = `<${prefix}${local}`;
  let pos = from;
  for (;;) {
    const at = xml.indexOf(open, pos);
    if (at < 0 || at >= to) return;
    const next = xml.charCodeAt(at + open.length);
    // `<c` must not match `<col`, `<cfRule`: the name ends at a space, '>' or '/'.
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      pos = at + open.length;
      continue;
    }
    const end = xml.indexOf('>', at);
    if (end < 0) return;
    yield xml.slice(at, end + 1);
    pos = end + 1;
  }
}

/** The text of every `<t>` inside a shared-string or inline-string item, phonetic runs left out. */
export function itemText(inner: string, prefix: string): string {
  let body = inner;
  const rph = `<${prefix}rPh`;
  if (body.includes(rph)) body = body.replace(new RegExp(`<${prefix}rPh\\b[\\s\\S]*?</${prefix}rPh>`, 'g'), '');
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  let text = '';
  let pos = 0;
  for (;;) {
    const at = body.indexOf(open, pos);
    if (at < 0) break;
    const next = body.charCodeAt(at + open.length);
    if (next !== 62 && next !== 32 && next !== 47) {
      pos = at + open.length;
      continue;
    }
    const gt = body.indexOf('>', at);
    if (gt < 0) break;
    if (body[gt - 1] === '/') {
      pos = gt + 1;
      continue;
    }
    const end = body.indexOf(close, gt);
    if (end < 0) break;
    text += body.slice(gt + 1, end);
    pos = end + close.length;
  }
  return decodeXml(text);
}

/** Column letters of a cell reference → index from 0 (`B7` → 1); -1 when there are none. */
export function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** The row number of a cell reference (`B7` → 7), or NaN. */
export function rowOfRef(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : NaN;
}
