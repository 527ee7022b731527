import fs from 'node:fs';

/** Debian's Chromium when present (CI, this machine), else Playwright's own. */
async function withPage<T>(work: (page: import('@playwright/test').Page) => Promise<T>): Promise<T> {
  const { chromium } = await import('@playwright/test');
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    return await work(await browser.newPage());
  } finally {
    await browser.close();
  }
}

const page = (lines: readonly string[]): string =>
  `<!doctype html><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:28px;line-height:2;padding:60px;color:#111;background:#fff}</style>` +
  lines.map((l) => `<div>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div>`).join('');

/** Several PDFs with a text layer, printed by Chromium (what "print to PDF" gives), one browser for all. */
export function printedPdfs(docs: readonly (readonly string[])[]): Promise<Buffer[]> {
  return withPage(async (p) => {
    const out: Buffer[] = [];
    for (const lines of docs) {
      await p.setContent(page(lines));
      await p.evaluate('document.fonts.ready');
      out.push(await p.pdf({ format: 'A4' }));
    }
    return out;
  });
}

/** A phone-photo-like JPEG of lines of text: rendered by Chromium, slightly rotated and noisy. */
export async function photoOf(lines: readonly string[], seed: number): Promise<Buffer> {
  const png = await withPage(async (p) => {
    await p.setViewportSize({ width: 1240, height: 900 });
    await p.setContent(page(lines));
    await p.evaluate('document.fonts.ready');
    return p.screenshot({ type: 'png' });
  });
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f1efe8';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate(((seed % 2 ? 1 : -1) * 0.9 * Math.PI) / 180);
  ctx.globalCompositeOperation = 'multiply';
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height);
  let s = seed || 1;
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < data.data.length; i += 4) {
    const n = (rnd() + rnd() + rnd() - 1.5) * 20;
    for (let c = 0; c < 3; c++) data.data[i + c] = Math.max(0, Math.min(255, data.data[i + c]! + n));
  }
  ctx.putImageData(data, 0, 0);
  return canvas.encode('jpeg', 75);
}

/** Wait until `probe` gives a value (background work), failing with `what` after the timeout. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined> | T | null | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== null && got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
