/** A rotated rectangle: centre, size along its own axes, and the angle of its width axis (radians). */
export type RotatedRect = { cx: number; cy: number; width: number; height: number; angle: number };
export type Point = { x: number; y: number };

/** Andrew's monotone chain; points given as flat [x0, y0, x1, y1, …]. */
export function convexHull(flat: readonly number[]): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < flat.length; i += 2) pts.push({ x: flat[i]!, y: flat[i + 1]! });
  pts.sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The smallest-area rectangle around a convex hull (rotating calipers: one side lies on a hull
 * edge). Normalised so `width` is the longer side and the angle lies in (−π/2, π/2]: a text
 * line's direction.
 */
export function minAreaRect(hull: readonly Point[]): RotatedRect {
  let best: RotatedRect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p.x * ux + p.y * uy;
      const v = -p.x * uy + p.y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = { cx: cu * ux - cv * uy, cy: cu * uy + cv * ux, width: maxU - minU, height: maxV - minV, angle: Math.atan2(uy, ux) };
    }
  }
  if (!best) {
    const p = hull[0] ?? { x: 0, y: 0 };
    return { cx: p.x, cy: p.y, width: 0, height: 0, angle: 0 };
  }
  return normaliseRect(best);
}

export function normaliseRect(r: RotatedRect): RotatedRect {
  let { width, height, angle } = r;
  if (height > width) {
    [width, height] = [height, width];
    angle += Math.PI / 2;
  }
  while (angle > Math.PI / 2) angle -= Math.PI;
  while (angle <= -Math.PI / 2) angle += Math.PI;
  return { cx: r.cx, cy: r.cy, width, height, angle };
}

/**
 * DBNet's "unclip": the detector marks a shrunk core of each text line; grow the box back by
 * distance = area × ratio / perimeter on every side (what PaddleOCR does with a polygon offset).
 */
export function unclip(r: RotatedRect, ratio: number): RotatedRect {
  const area = r.width * r.height;
  const perimeter = 2 * (r.width + r.height);
  const d = perimeter > 0 ? (area * ratio) / perimeter : 0;
  return { ...r, width: r.width + 2 * d, height: r.height + 2 * d };
}

export type Component = { flatHull: number[]; pixels: number; scoreSum: number; minY: number; maxY: number };

/**
 * 8-connected components of the thresholded probability map, each with its row extremes (the
 * points any convex hull vertex is among) and the sum of probabilities over its pixels.
 */
export function components(
  prob: Float32Array,
  width: number,
  height: number,
  threshold: number,
  maxComponents = 5000,
): Component[] {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const out: Component[] = [];
  for (let start = 0; start < width * height && out.length < maxComponents; start++) {
    if (label[start] !== 0 || prob[start]! <= threshold) continue;
    const id = out.length + 1;
    let top = 0;
    stack[top++] = start;
    label[start] = id;
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    let pixels = 0;
    let scoreSum = 0;
    let minY = height;
    let maxY = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      pixels++;
      scoreSum += prob[p]!;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      const lo = rowMin.get(y);
      if (lo === undefined || x < lo) rowMin.set(y, x);
      const hi = rowMax.get(y);
      if (hi === undefined || x > hi) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
          const q = ny * width + nx;
          if (label[q] === 0 && prob[q]! > threshold) {
            label[q] = id;
            stack[top++] = q;
          }
        }
      }
    }
    const flat: number[] = [];
    for (const [y, lo] of rowMin) {
      const hi = rowMax.get(y)!;
      flat.push(lo, y, lo, y + 1, hi + 1, y, hi + 1, y + 1);
    }
    out.push({ flatHull: flat, pixels, scoreSum, minY, maxY });
  }
  return out;
}
