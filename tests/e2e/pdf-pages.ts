// Printed PDFs read back with pdf.js (the build unpdf ships) instead of poppler's pdftotext/pdftoppm, so
// the print tests need nothing but npm packages: text per page for assertions, and a page rendered to
// PNG through @napi-rs/canvas (prebuilt from the npm registry) for a person to look at.
import fs from 'node:fs';
import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';
import { CJK_GLYPH_ALIAS_PAIRS } from './cjk-aliases';

/** Radical/Extension A look-alikes a printed PDF reads back as → the ideograph that was printed. */
const GLYPH_ALIASES = new Map<string, string>();
{
  const chars = [...CJK_GLYPH_ALIAS_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) GLYPH_ALIASES.set(chars[i]!, chars[i + 1]!);
}
const unalias = (text: string): string => [...text].map((c) => GLYPH_ALIASES.get(c) ?? c).join('');

const bytesOf = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));

/**
 * The text of each page, in reading order (a pdf.js end-of-line becomes a newline), with the
 * characters Chromium's ToUnicode maps to look-alikes put back (see cjk-aliases.generate.ts).
 */
export async function pdfPageTexts(file: string): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(bytesOf(file)), { mergePages: false });
  return text.map(unalias);
}

/** Render one page (1-based) to a PNG file at `scale` × 72 dpi; returns the PNG's size in pixels. */
export async function renderPdfPageToPng(
  file: string,
  pageNumber: number,
  pngFile: string,
  scale = 1,
): Promise<{ width: number; height: number }> {
  const png = await renderPageAsImage(bytesOf(file), pageNumber, { canvasImport: () => import('@napi-rs/canvas'), scale });
  const bytes = Buffer.from(png);
  fs.writeFileSync(pngFile, bytes);
  // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
