import type { InferenceSession } from 'onnxruntime-node';
import type { RotatedRect } from './geometry';
import { assertClasses } from './models';
import { type Raster, sample, toTensorData } from './raster';

const HALF = [0.5, 0.5, 0.5] as const;
const REC_HEIGHT = 48;
const MAX_REC_WIDTH = 48 * 50;

/**
 * The line under a rotated rectangle, cut out straight and scaled to `height` pixels high (one
 * bilinear pass: crop, de-rotate and resize together). Upside down when `flip`.
 */
export function cropLine(page: Raster, r: RotatedRect, height: number, flip = false): Raster {
  const width = Math.max(1, Math.min(MAX_REC_WIDTH, Math.round((r.width / Math.max(r.height, 1)) * height)));
  const out = new Uint8Array(width * height * 3);
  const ux = Math.cos(r.angle);
  const uy = Math.sin(r.angle);
  const kx = r.width / width;
  const ky = r.height / height;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let u = (x + 0.5) * kx - r.width / 2;
      let v = (y + 0.5) * ky - r.height / 2;
      if (flip) [u, v] = [-u, -v];
      const px = r.cx + u * ux - v * uy;
      const py = r.cy + u * uy + v * ux;
      const d = (y * width + x) * 3;
      out[d] = sample(page, px, py, 0);
      out[d + 1] = sample(page, px, py, 1);
      out[d + 2] = sample(page, px, py, 2);
    }
  return { width, height, data: out };
}

/** The direction classifier: is this line upside down? (PaddleOCR's cls, 48×192 input.) */
export async function isUpsideDown(session: InferenceSession, line: Raster): Promise<boolean> {
  const ort = await import('onnxruntime-node');
  const fit = line.width > 192 ? squeezeWidth(line, 192) : line;
  const input = new ort.Tensor('float32', toTensorData(fit, HALF, HALF, 192), [1, 3, 48, 192]);
  const result = await session.run({ [session.inputNames[0]!]: input });
  const out = result[session.outputNames[0]!]!;
  const [up, down] = out.data as Float32Array;
  input.dispose();
  out.dispose();
  return down! > 0.9 && down! > up!;
}

function squeezeWidth(img: Raster, width: number): Raster {
  const out = new Uint8Array(width * img.height * 3);
  const k = img.width / width;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < width; x++)
      for (let c = 0; c < 3; c++) out[(y * width + x) * 3 + c] = sample(img, (x + 0.5) * k - 0.5, y, c);
  return { width, height: img.height, data: out };
}

export type LineText = { text: string; confidence: number; chars: number };

/** Recognise one line (48 px high): CTC greedy decoding over the model's classes. */
export async function recogniseLine(session: InferenceSession, classes: readonly string[], line: Raster): Promise<LineText> {
  const ort = await import('onnxruntime-node');
  const width = Math.max(line.width, 16);
  const input = new ort.Tensor('float32', toTensorData(line, HALF, HALF, width), [1, 3, REC_HEIGHT, width]);
  const result = await session.run({ [session.inputNames[0]!]: input });
  const out = result[session.outputNames[0]!]!;
  const [, steps, n] = out.dims as [number, number, number];
  assertClasses(classes, n);
  const probs = out.data as Float32Array;
  let text = '';
  let confidence = 0;
  let chars = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    const base = t * n;
    for (let k = 0; k < n; k++) {
      const p = probs[base + k]!;
      if (p > bestP) {
        bestP = p;
        best = k;
      }
    }
    if (best !== 0 && best !== previous) {
      text += classes[best]!;
      confidence += bestP;
      chars++;
    }
    previous = best;
  }
  input.dispose();
  out.dispose();
  return { text, confidence: chars ? confidence / chars : 0, chars };
}

export { REC_HEIGHT };
