import { filePages } from './pages';
import type { Sessions } from './models';
import { recognisePage } from './page';

export type FileText = {
  text: string;
  /** Mean per-character confidence of what OCR read, 0–1 (pages with a text layer count as 1). */
  confidence: number;
  pages: number;
  /** Pages OCR read (the rest carried their own text). */
  ocrPages: number;
};

export type PageProgress = { page: number; pages: number };

/**
 * A file's text, page after page: OCR for images and image-only PDF pages, the text layer for
 * PDF pages that have one. Holds one page's pixels at a time.
 */
export async function recogniseWithSessions(
  s: Sessions,
  abs: string,
  ext: string,
  onPage: (p: PageProgress) => void = () => undefined,
  isCancelled: () => boolean = () => false,
): Promise<FileText> {
  const texts: string[] = [];
  let weighted = 0;
  let chars = 0;
  let pages = 0;
  let ocrPages = 0;
  for await (const page of filePages(abs, ext, isCancelled)) {
    if (isCancelled()) break;
    pages = page.total;
    if ('text' in page) {
      texts.push(page.text);
      const n = page.text.replace(/\s/g, '').length;
      weighted += n;
      chars += n;
    } else {
      const read = await recognisePage(s, page.image, isCancelled);
      texts.push(read.text);
      weighted += read.confidence * read.chars;
      chars += read.chars;
      ocrPages++;
    }
    onPage({ page: page.index, pages: page.total });
  }
  return { text: texts.join('\n\n'), confidence: chars ? weighted / chars : 0, pages, ocrPages };
}
