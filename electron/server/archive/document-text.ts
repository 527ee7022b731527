import fs from 'node:fs';

const TEXT_EXTS = new Set(['txt', 'csv', 'md', 'json', 'xml', 'html', 'htm']);
const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/**
 * The text a document carries, for full-text search: plain text files, .docx and PDFs (unpdf). Scans
 * and photos have none. Failures are ignored — search then finds the file by its other fields.
 */
export async function documentText(abs: string, ext: string): Promise<string> {
  try {
    const size = fs.statSync(abs).size;
    if (TEXT_EXTS.has(ext) && size <= MAX_TEXT_BYTES) return fs.readFileSync(abs, 'utf8');
    if (ext === 'docx' && size <= 20 * MAX_TEXT_BYTES) {
      // A .docx is a zip; the body text is in word/document.xml's <w:t> runs.
      const { default: JSZip } = await import('jszip');
      const xml = await (await JSZip.loadAsync(fs.readFileSync(abs))).file('word/document.xml')?.async('string');
      return (xml ?? '')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    }
    if (ext === 'pdf' && size <= 20 * MAX_TEXT_BYTES) {
      const { extractText, getDocumentProxy } = await import('unpdf');
      const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(abs)));
      const { text } = await extractText(pdf, { mergePages: true });
      return text;
    }
  } catch {
    return '';
  }
  return '';
}
