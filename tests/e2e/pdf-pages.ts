// Printed PDFs read back with pdf.js (pdfjs-dist's legacy build, the one for Node) instead of poppler's
// pdftotext/pdftoppm, so the print tests need nothing but npm packages: text per page for assertions,
// and a page rendered to PNG through @napi-rs/canvas (prebuilt from the npm registry) for a person to look at.
import fs from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { CJK_GLYPH_ALIAS_PAIRS } from './cjk-aliases';

/** Radical/Extension A look-alikes a printed PDF reads back as → the ideograph that was printed. */
const GLYPH_ALIASES = new Map<string, string>();
{
  const chars = [...CJK_GLYPH_ALIAS_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) GLYPH_ALIASES.set(chars[i]!, chars[i + 1]!);
}
const unalias = (text: string): string => [...text].map((c) => GLYPH_ALIASES.get(c) ?? c).join('');

async function openPdf(file: string) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The loading task, not the document, is what releases pdf.js's worker-side state.
  return getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false });
}

/**
 * The text of each page, in reading order (a pdf.js end-of-line becomes a newline), with the
 * characters Chromium's ToUnicode maps to look-alikes put back (see cjk-aliases.generate.ts).
 */
export async function pdfPageTexts(file: string): Promise<string[]> {
  const task = await openPdf(file);
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(unalias(text));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Render one page (1-based) to a PNG file at `scale` × 72 dpi; returns the PNG's size in pixels. */
export async function renderPdfPageToPng(
  file: string,
  pageNumber: number,
  pngFile: string,
  scale = 1,
): Promise<{ width: number; height: number }> {
  const task = await openPdf(file);
  try {
    const page = await (await task.promise).getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // pdf.js's types name the DOM canvas; @napi-rs/canvas implements the same 2D API in Node.
    type RenderParameters = Parameters<typeof page.render>[0];
    await page.render({ canvas, canvasContext: context, viewport } as unknown as RenderParameters).promise;
    fs.writeFileSync(pngFile, canvas.toBuffer('image/png'));
    return { width: canvas.width, height: canvas.height };
  } finally {
    await task.destroy();
  }
}
