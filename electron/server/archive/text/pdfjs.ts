import { createRequire } from 'node:module';
import path from 'node:path';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfjsModule> | null = null;

/** pdf.js's legacy build (the one meant for Node), loaded once on first use. */
export function pdfjs(): Promise<PdfjsModule> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

/**
 * Where pdfjs-dist keeps the CMaps (GBK-EUC-H, UniGB-UCS2-H, 90ms-RKSJ-H…) and the standard
 * font data. PDFs written by iText, ReportLab (STSong-Light) or Word with non-embedded SimSun
 * name a CMap instead of carrying the font: without these, pdf.js maps their codes to nothing
 * and the page yields no text at all. Both folders ship inside the pdfjs-dist package.
 */
function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

export function pdfjsDataOptions(): { cMapUrl: string; cMapPacked: true; standardFontDataUrl: string } {
  const dir = packageDir();
  // In Node, pdf.js reads these with fs when they are plain paths; a trailing separator is required.
  return {
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
  };
}
