import { detectLines } from './detect';
import type { RotatedRect } from './geometry';
import type { Sessions } from './models';
import { type Raster, rotateQuarter } from './raster';
import { cropLine, isUpsideDown, recogniseLine, REC_HEIGHT } from './recognise';

export type PageText = { text: string; confidence: number; chars: number; lines: number };

/**
 * One page: find the text lines, read each, put them in reading order. A page photographed
 * sideways (most lines run vertically) is turned a quarter first; one upside down (most lines
 * flipped by the direction classifier) is turned half — then lines come out in order.
 */
export async function recognisePage(s: Sessions, page: Raster, isCancelled: () => boolean = () => false): Promise<PageText> {
  let image = page;
  let rects = await detectLines(s.det, image);
  const vertical = rects.filter((r) => Math.abs(r.angle) > Math.PI / 4 && r.width > 2 * r.height).length;
  const horizontal = rects.filter((r) => Math.abs(r.angle) <= Math.PI / 4 && r.width > 2 * r.height).length;
  if (vertical > horizontal * 2 && vertical >= 3) {
    image = rotateQuarter(image, 1);
    rects = await detectLines(s.det, image);
  }
  let lines = await readLines(s, image, rects, isCancelled);
  if (lines.length >= 3 && lines.filter((l) => l.flipped).length > lines.length / 2) {
    image = rotateQuarter(image, 2);
    // Detected again, not the old boxes turned: DBNet was trained on upright text, and boxes
    // found upside down split a line and read a speck as a character (seed 367496: 99.4 % vs 100 %).
    lines = await readLines(s, image, await detectLines(s.det, image), isCancelled);
  }
  return assemble(lines);
}

type ReadLine = { rect: RotatedRect; text: string; confidence: number; chars: number; flipped: boolean };

async function readLines(s: Sessions, image: Raster, rects: RotatedRect[], isCancelled: () => boolean): Promise<ReadLine[]> {
  const out: ReadLine[] = [];
  for (const rect of rects) {
    if (isCancelled()) break;
    // A box much taller than wide is a vertical line of characters: read it turned.
    const r =
      rect.height > rect.width * 1.5
        ? { ...rect, width: rect.height, height: rect.width, angle: rect.angle + Math.PI / 2 }
        : rect;
    let crop = cropLine(image, r, REC_HEIGHT);
    const flipped = await isUpsideDown(s.cls, crop);
    if (flipped) crop = cropLine(image, r, REC_HEIGHT, true);
    const read = await recogniseLine(s.rec, s.classes, crop);
    if (read.text.trim()) out.push({ rect, flipped, ...read });
  }
  return out;
}

/**
 * Reading order on a page that may be a little skewed: centres turned by the page's median
 * line angle, grouped into rows by vertical overlap, each row left to right. Pieces of one row
 * join with a space only where the gap is wider than a character.
 */
export function assemble(lines: readonly { rect: RotatedRect; text: string; confidence: number; chars: number }[]): PageText {
  if (lines.length === 0) return { text: '', confidence: 0, chars: 0, lines: 0 };
  const angles = lines.map((l) => l.rect.angle).sort((a, b) => a - b);
  const skew = angles[Math.floor(angles.length / 2)]!;
  const cos = Math.cos(-skew);
  const sin = Math.sin(-skew);
  const placed = lines
    .map((l) => ({ ...l, x: l.rect.cx * cos - l.rect.cy * sin, y: l.rect.cx * sin + l.rect.cy * cos }))
    .sort((a, b) => a.y - b.y);
  const rows: (typeof placed)[] = [];
  for (const l of placed) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && ref && Math.abs(l.y - ref.y) < Math.min(l.rect.height, ref.rect.height) * 0.5) row.push(l);
    else rows.push([l]);
  }
  let confidence = 0;
  let chars = 0;
  const text = rows
    .map((row) => {
      row.sort((a, b) => a.x - b.x);
      let s = '';
      row.forEach((l, i) => {
        confidence += l.confidence * l.chars;
        chars += l.chars;
        if (i > 0) {
          const prev = row[i - 1]!;
          const gap = l.x - l.rect.width / 2 - (prev.x + prev.rect.width / 2);
          if (gap > l.rect.height) s += ' ';
        }
        s += l.text;
      });
      return s;
    })
    .join('\n');
  return { text, confidence: chars ? confidence / chars : 0, chars, lines: lines.length };
}
