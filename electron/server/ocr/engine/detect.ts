import type { InferenceSession } from 'onnxruntime-node';
import { components, convexHull, minAreaRect, type RotatedRect, unclip } from './geometry';
import { type Raster, resize, toTensorData } from './raster';

const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

export type DetectOptions = { maxSide: number; threshold: number; boxThreshold: number; unclipRatio: number };
export const DETECT_DEFAULTS: DetectOptions = { maxSide: 1280, threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.6 };

/**
 * DBNet text detection: the page scaled so its long side is at most `maxSide` (sides multiples
 * of 32), a probability map out, one rotated rectangle per connected region (in page pixels).
 */
export async function detectLines(
  session: InferenceSession,
  page: Raster,
  o: DetectOptions = DETECT_DEFAULTS,
): Promise<RotatedRect[]> {
  const ort = await import('onnxruntime-node');
  const scale = Math.min(1, o.maxSide / Math.max(page.width, page.height));
  const w = Math.max(32, Math.round((page.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((page.height * scale) / 32) * 32);
  const input = new ort.Tensor('float32', toTensorData(resize(page, w, h), MEAN, STD), [1, 3, h, w]);
  const result = await session.run({ [session.inputNames[0]!]: input });
  const out = result[session.outputNames[0]!]!;
  const prob = out.data as Float32Array;
  const sx = page.width / w;
  const sy = page.height / h;
  const rects: RotatedRect[] = [];
  for (const c of components(prob, w, h, o.threshold)) {
    if (c.pixels < 6 || c.scoreSum / c.pixels < o.boxThreshold) continue;
    const core = minAreaRect(convexHull(c.flatHull));
    if (Math.min(core.width, core.height) < 2) continue;
    const grown = unclip(core, o.unclipRatio);
    // Back to page pixels: scale the rectangle's corners, then re-fit (x and y scale alike here,
    // up to the rounding to 32).
    const corners = rectCorners(grown).flatMap((p) => [p.x * sx, p.y * sy]);
    const r = minAreaRect(convexHull(corners));
    if (r.height < 4) continue;
    rects.push(r);
  }
  input.dispose();
  out.dispose();
  return rects;
}

export function rectCorners(r: RotatedRect): { x: number; y: number }[] {
  const ux = Math.cos(r.angle);
  const uy = Math.sin(r.angle);
  const hw = r.width / 2;
  const hh = r.height / 2;
  return [
    { x: r.cx - ux * hw + uy * hh, y: r.cy - uy * hw - ux * hh },
    { x: r.cx + ux * hw + uy * hh, y: r.cy + uy * hw - ux * hh },
    { x: r.cx + ux * hw - uy * hh, y: r.cy + uy * hw + ux * hh },
    { x: r.cx - ux * hw - uy * hh, y: r.cy - uy * hw + ux * hh },
  ];
}
