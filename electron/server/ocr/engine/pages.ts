import fs from 'node:fs';
import { createRequire } from 'node:module';
import { MIN_PAGE_CHARS, pageText, pdfLoadOptions } from '../../archive/text/pdf-text';
import { pdfjs } from '../../archive/text/pdfjs';
import { fromRgba, type Raster } from './raster';

/** One page of a file: an image to read, or the text its PDF page already carries. */
export type FilePage = { index: number; total: number } & ({ image: Raster } | { text: string });

/** Scans are read at about 150 dpi: enough for 10-pt Chinese, a quarter of 300 dpi's memory. */
export const OCR_DPI = 150;
/** Larger pages (posters, 600-dpi scans, 50-megapixel photos) are scaled down to this many pixels. */
export const MAX_PAGE_PIXELS = 2480 * 3508;

/**
 * The pages of a file, one at a time (only one page's pixels are ever held): every frame of a
 * TIFF, the single picture of a JPEG/PNG/WebP/BMP, and each page of a PDF — a page with a text
 * layer gives its text, a page without one is rendered at 150 dpi for OCR.
 */
export async function* filePages(abs: string, ext: string, isCancelled: () => boolean = () => false): AsyncGenerator<FilePage> {
  const kind = ext.toLowerCase();
  if (kind === 'pdf') {
    yield* pdfPages(abs, isCancelled);
    return;
  }
  const bytes = fs.readFileSync(abs);
  if (kind === 'tif' || kind === 'tiff') {
    yield* tiffPages(bytes);
    return;
  }
  yield { index: 1, total: 1, image: await decodeImage(bytes) };
}

/** JPEG, PNG, WebP, GIF, BMP through Skia (@napi-rs/canvas), EXIF orientation applied, scaled to the pixel cap. */
export async function decodeImage(bytes: Buffer): Promise<Raster> {
  const { loadImage, createCanvas } = await import('@napi-rs/canvas');
  const img = await loadImage(bytes);
  const scale = Math.min(1, Math.sqrt(MAX_PAGE_PIXELS / (img.width * img.height)));
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  return fromRgba(w, h, ctx.getImageData(0, 0, w, h).data);
}

function* tiffPages(bytes: Buffer): Generator<FilePage> {
  // utif2 is CommonJS; loaded lazily so only TIFF work pays for it.
  const UTIF = requireUtif();
  const ifds = UTIF.decode(bytes).filter((ifd) => ifd['t256'] !== undefined);
  for (let i = 0; i < ifds.length; i++) {
    const ifd = ifds[i]!;
    UTIF.decodeImage(bytes, ifd);
    yield { index: i + 1, total: ifds.length, image: capPixels(fromRgba(ifd.width, ifd.height, UTIF.toRGBA8(ifd))) };
    ifd.data = new Uint8Array(0); // let the decoded frame go before the next
  }
}

function requireUtif(): typeof import('utif2') {
  return createRequire(import.meta.url)('utif2') as typeof import('utif2');
}

function capPixels(img: Raster): Raster {
  if (img.width * img.height <= MAX_PAGE_PIXELS) return img;
  const scale = Math.sqrt(MAX_PAGE_PIXELS / (img.width * img.height));
  const w = Math.round(img.width * scale);
  const h = Math.round(img.height * scale);
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const s =
        (Math.min(img.height - 1, Math.floor(y / scale)) * img.width + Math.min(img.width - 1, Math.floor(x / scale))) * 3;
      out.set(img.data.subarray(s, s + 3), (y * w + x) * 3);
    }
  return { width: w, height: h, data: out };
}

async function* pdfPages(abs: string, isCancelled: () => boolean): AsyncGenerator<FilePage> {
  const lib = await pdfjs();
  const task = lib.getDocument(pdfLoadOptions(new Uint8Array(fs.readFileSync(abs))));
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages && !isCancelled(); n++) {
      const page = await doc.getPage(n);
      const text = pageText((await page.getTextContent()).items as { str?: string; hasEOL?: boolean }[]);
      if (text.replace(/\s/g, '').length >= MIN_PAGE_CHARS) {
        yield { index: n, total: doc.numPages, text };
      } else {
        yield { index: n, total: doc.numPages, image: await renderPdfPage(page) };
      }
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Awaited<ReturnType<typeof pdfjs>>['getDocument']>['promise']>['getPage']>>;

async function renderPdfPage(page: PdfPage): Promise<Raster> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const base = page.getViewport({ scale: 1 });
  let scale = OCR_DPI / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > MAX_PAGE_PIXELS) scale *= Math.sqrt(MAX_PAGE_PIXELS / pixels);
  const viewport = page.getViewport({ scale });
  const w = Math.ceil(viewport.width);
  const h = Math.ceil(viewport.height);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  type RenderParams = Parameters<PdfPage['render']>[0];
  await page.render({
    canvasContext: ctx as unknown as RenderParams['canvasContext'],
    canvas: canvas as unknown as RenderParams['canvas'],
    viewport,
  }).promise;
  return fromRgba(w, h, ctx.getImageData(0, 0, w, h).data);
}
