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

const CLS_WIDTH = 192;
const CLS_WINDOWS = 3;

/**
 * The direction classifier: is this line upside down? PaddleOCR's cls model sees 48×192 px,
 * about four characters. Squeezing a whole long line into 192 px (what PaddleOCR's own
 * preprocessing does) leaves characters 8× too narrow for a 1,500 px line, and the model then
 * guesses: on a clean page it called one upright line "upside down" with 0.97 and the line was
 * lost. So the model is shown up to three windows of the line at its true scale (start, middle,
 * end; one batch) and their probabilities are averaged.
 */
export async function isUpsideDown(session: InferenceSession, line: Raster): Promise<boolean> {
  const ort = await import('onnxruntime-node');
  const windows = classifierWindows(line);
  const plane = 3 * 48 * CLS_WIDTH;
  const data = new Float32Array(windows.length * plane);
  windows.forEach((w, i) => data.set(toTensorData(w, HALF, HALF, CLS_WIDTH), i * plane));
  const input = new ort.Tensor('float32', data, [windows.length, 3, 48, CLS_WIDTH]);
  const result = await session.run({ [session.inputNames[0]!]: input });
  const out = result[session.outputNames[0]!]!;
  const probs = out.data as Float32Array;
  let up = 0;
  let down = 0;
  for (let i = 0; i < windows.length; i++) {
    up += probs[2 * i]! / windows.length;
    down += probs[2 * i + 1]! / windows.length;
  }
  input.dispose();
  out.dispose();
  return down > 0.9 && down > up;
}

/** Up to CLS_WINDOWS 192-px-wide slices of a 48-px-high line, evenly spread; a short line is itself (padded by the caller). */
export function classifierWindows(line: Raster): Raster[] {
  if (line.width <= CLS_WIDTH) return [line];
  const n = Math.min(CLS_WINDOWS, Math.ceil(line.width / CLS_WIDTH));
  const out: Raster[] = [];
  for (let i = 0; i < n; i++) {
    const x0 = Math.round((i * (line.width - CLS_WIDTH)) / (n - 1));
    const data = new Uint8Array(CLS_WIDTH * line.height * 3);
    for (let y = 0; y < line.height; y++)
      data.set(line.data.subarray((y * line.width + x0) * 3, (y * line.width + x0 + CLS_WIDTH) * 3), y * CLS_WIDTH * 3);
    out.push({ width: CLS_WIDTH, height: line.height, data });
  }
  return out;
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
