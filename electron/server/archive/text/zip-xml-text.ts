import type JSZip from 'jszip';

/** XML character references and the five named entities. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()] ?? m;
  });
}

/**
 * Text of a WordprocessingML part: only what Word shows — the <w:t> runs (not drawing offsets,
 * alignment keywords or field codes that sit in other elements), tabs and breaks as spaces,
 * one line per paragraph. Deleted text of tracked changes is <w:delText>, so it stays out.
 */
export function wordXmlText(xml: string): string {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br|cr)\b[^>]*\/>|<\/w:p>/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(m[0] === '</w:p>' ? '\n' : ' ');
  }
  return decodeXmlEntities(out.join(''));
}

/** Text of OpenDocument content: paragraphs and headings, spaces (<text:s text:c="3"/>), tabs. */
export function openDocumentXmlText(xml: string): string {
  return decodeXmlEntities(
    xml
      .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_m, n: string | undefined) => ' '.repeat(Math.min(Number(n ?? 1), 100)))
      .replace(/<text:(tab|line-break)\s*\/>/g, ' ')
      .replace(/<\/(text:p|text:h|table:table-cell)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Text of DrawingML (PowerPoint slides): <a:t> runs, one line per paragraph. */
export function drawingXmlText(xml: string): string {
  return decodeXmlEntities(
    xml
      .replace(/<\/a:p>/g, '\n')
      .replace(/<(?!\/?a:t\b)[^>]+>/g, '')
      .replace(/<\/?a:t\b[^>]*>/g, ''),
  );
}

/** A spreadsheet's words: every shared string, then each sheet's inline strings, formula strings and numbers. */
export async function xlsxText(zip: JSZip): Promise<string[]> {
  const parts: string[] = [];
  const shared = await zip.file('xl/sharedStrings.xml')?.async('string');
  if (shared) {
    // Phonetic runs (<rPh>, furigana) are not the cell's text.
    const clean = shared.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    for (const si of clean.match(/<si>[\s\S]*?<\/si>/g) ?? []) parts.push(decodeXmlEntities(si.replace(/<[^>]+>/g, '')));
  }
  for (const name of sortedParts(zip, /^xl\/worksheets\/sheet\d+\.xml$/)) {
    const xml = await zip.file(name)!.async('string');
    const cells: string[] = [];
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1] ?? '';
      const body = m[2] ?? '';
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      if (type === 's') continue; // already in the shared strings
      if (type === 'inlineStr') cells.push(decodeXmlEntities(body.replace(/<[^>]+>/g, '')));
      else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        if (v !== undefined && type !== 'b' && type !== 'e') cells.push(decodeXmlEntities(v));
      }
    }
    if (cells.length) parts.push(cells.join(' '));
  }
  return parts;
}

/** Zip entries matching `pattern`, in numeric order (sheet2 before sheet10). */
export function sortedParts(zip: JSZip, pattern: RegExp): string[] {
  return Object.keys(zip.files)
    .filter((n) => pattern.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
