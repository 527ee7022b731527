import { pdfjs, pdfjsDataOptions } from './pdfjs';
import { TextCollector } from './cap-text';

export type PdfText = {
  state: 'text' | 'none' | 'encrypted';
  text: string;
  truncated: boolean;
  pages: number;
  /** 1-based numbers of pages with no text layer (scanned pages): what OCR should read. */
  pagesWithoutText: number[];
};

/**
 * A page with no letter at all has no text layer: a scanned page, which OCR reads. (A page with
 * even two characters — a heading like 目录 — has its own text, and OCR would only misread it.)
 */
export const MIN_PAGE_CHARS = 1;

type TextItem = { str?: string; hasEOL?: boolean; transform?: number[] };

/** Options every pdf.js load here uses: CMaps and standard fonts from the package, no eval, no system fonts. */
export function pdfLoadOptions(data: Uint8Array): Parameters<Awaited<ReturnType<typeof pdfjs>>['getDocument']>[0] {
  return { data, ...pdfjsDataOptions(), useSystemFonts: false, verbosity: 0, stopAtErrors: false };
}

/**
 * The text layer of every page, through pdf.js with its CMaps (so iText/ReportLab/Word PDFs
 * with non-embedded Chinese fonts read), vertical text included. A PDF that needs a password
 * to open is 'encrypted' (one with only an owner password opens and is read).
 */
export async function pdfText(data: Uint8Array, isCancelled: () => boolean = () => false): Promise<PdfText> {
  const lib = await pdfjs();
  const task = lib.getDocument(pdfLoadOptions(data));
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      if ((error as { name?: string }).name === 'PasswordException')
        return { state: 'encrypted', text: '', truncated: false, pages: 0, pagesWithoutText: [] };
      throw error;
    }
    const collector = new TextCollector();
    const pagesWithoutText: number[] = [];
    for (let n = 1; n <= doc.numPages && !collector.full && !isCancelled(); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items as TextItem[]);
      if (text.replace(/\s/g, '').length < MIN_PAGE_CHARS) pagesWithoutText.push(n);
      collector.add(text);
      page.cleanup();
    }
    const { text, truncated } = collector.finish();
    return { state: text.length ? 'text' : 'none', text, truncated, pages: doc.numPages, pagesWithoutText };
  } finally {
    await task.destroy();
  }
}

/** Items joined as pdf.js lays them out: a line break where it says one ends. */
export function pageText(items: readonly TextItem[]): string {
  let out = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    out += item.str;
    if (item.hasEOL) out += '\n';
  }
  return out;
}
