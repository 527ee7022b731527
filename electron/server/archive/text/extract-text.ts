import fs from 'node:fs';
import { isOcrImage, isTextFormat, type TextState } from '../../../../shared/archive/text-formats';
import { capText } from './cap-text';
import { docText } from './doc-text';
import { pdfText } from './pdf-text';
import { plainText } from './plain-text';
import { rtfText } from './rtf-text';
import { drawingXmlText, openDocumentXmlText, sortedParts, wordXmlText, xlsxText } from './zip-xml-text';

export type ExtractedText = {
  state: TextState;
  text: string;
  truncated: boolean;
  pages: number | null;
  /** For a PDF: pages without a text layer (OCR reads those). Images: every page. */
  needsOcr: boolean;
};

/** Bigger files are not opened for their words (a 300 MB scan PDF is OCR's business, page by page). */
export const MAX_EXTRACT_BYTES = 100 * 1024 * 1024;

const PLAIN = new Set(['txt', 'csv', 'md', 'json', 'xml', 'html', 'htm']);

/**
 * The words a filed document carries, for full-text search, and why there are none when there
 * are none. Never throws: an unreadable file is 'failed' and is still found by its other fields.
 */
export async function extractDocumentText(abs: string, rawExt: string): Promise<ExtractedText> {
  const ext = rawExt.toLowerCase();
  if (isOcrImage(ext)) return { state: 'none', text: '', truncated: false, pages: null, needsOcr: true };
  if (!isTextFormat(ext)) return { state: 'unsupported', text: '', truncated: false, pages: null, needsOcr: false };
  try {
    const size = fs.statSync(abs).size;
    if (size > MAX_EXTRACT_BYTES) return { state: 'failed', text: '', truncated: false, pages: null, needsOcr: false };
    if (ext === 'pdf') {
      const bytes = fs.readFileSync(abs);
      // Not a PDF at all (a renamed file): no need to start pdf.js to learn that.
      if (!bytes.subarray(0, 1024).includes('%PDF-'))
        return { state: 'failed', text: '', truncated: false, pages: null, needsOcr: false };
      const pdf = await pdfText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
      return {
        state: pdf.state,
        text: pdf.text,
        truncated: pdf.truncated,
        pages: pdf.pages,
        needsOcr: pdf.state !== 'encrypted' && pdf.pagesWithoutText.length > 0,
      };
    }
    const parts = await formatText(abs, ext);
    const { text, truncated } = capText(parts.join('\n'));
    return { state: text ? 'text' : 'none', text, truncated, pages: null, needsOcr: false };
  } catch (error) {
    if (isEncryptedOffice(error)) return { state: 'encrypted', text: '', truncated: false, pages: null, needsOcr: false };
    return { state: 'failed', text: '', truncated: false, pages: null, needsOcr: false };
  }
}

async function formatText(abs: string, ext: string): Promise<string[]> {
  if (PLAIN.has(ext)) {
    const text = plainText(fs.readFileSync(abs));
    return [ext === 'html' || ext === 'htm' || ext === 'xml' ? text.replace(/<[^>]+>/g, ' ') : text];
  }
  if (ext === 'rtf') return [rtfText(fs.readFileSync(abs))];
  if (ext === 'doc') return docText(abs);
  const bytes = fs.readFileSync(abs);
  // A password-protected Office file is an OLE container, not a zip.
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw Object.assign(new Error('encrypted office file'), { encryptedOffice: true });
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const read = async (pattern: RegExp, toText: (xml: string) => string): Promise<string[]> =>
    Promise.all(sortedParts(zip, pattern).map(async (name) => toText(await zip.file(name)!.async('string'))));
  if (ext === 'docx')
    return [
      ...(await read(/^word\/document\.xml$/, wordXmlText)),
      ...(await read(/^word\/(header|footer)\d*\.xml$/, wordXmlText)),
      ...(await read(/^word\/(footnotes|endnotes|comments)\.xml$/, wordXmlText)),
    ];
  if (ext === 'odt' || ext === 'ods') return read(/^(content|styles)\.xml$/, openDocumentXmlText);
  if (ext === 'xlsx') return xlsxText(zip);
  if (ext === 'pptx') return read(/^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/, drawingXmlText);
  return [];
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function isEncryptedOffice(error: unknown): boolean {
  return (error as { encryptedOffice?: boolean }).encryptedOffice === true;
}
