/** An RGB image, 3 bytes a pixel, rows top to bottom: what the OCR pipeline works on. */
export type Raster = { width: number; height: number; data: Uint8Array };

/** RGBA (canvas ImageData, decoders) → RGB. */
export function fromRgba(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): Raster {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 3) {
    // Transparent pixels (a PNG's empty margin) are paper, not black.
    const a = rgba[i + 3]! / 255;
    data[j] = rgba[i]! * a + 255 * (1 - a);
    data[j + 1] = rgba[i + 1]! * a + 255 * (1 - a);
    data[j + 2] = rgba[i + 2]! * a + 255 * (1 - a);
  }
  return { width, height, data };
}

/** Rotate by a multiple of 90° clockwise. */
export function rotateQuarter(img: Raster, quarters: 0 | 1 | 2 | 3): Raster {
  if (quarters === 0) return img;
  const { width: w, height: h, data } = img;
  const nw = quarters === 2 ? w : h;
  const nh = quarters === 2 ? h : w;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      if (quarters === 1) [nx, ny] = [h - 1 - y, x];
      else if (quarters === 2) [nx, ny] = [w - 1 - x, h - 1 - y];
      else [nx, ny] = [y, w - 1 - x];
      const s = (y * w + x) * 3;
      const d = (ny * nw + nx) * 3;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
    }
  return { width: nw, height: nh, data: out };
}

/** Bilinear sample of channel c at (x, y); outside the image is white paper. */
export function sample(img: Raster, x: number, y: number, c: number): number {
  const { width: w, height: h, data } = img;
  if (x < 0 || y < 0 || x > w - 1 || y > h - 1) return 255;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, w - 1);
  const y1 = Math.min(y0 + 1, h - 1);
  const fx = x - x0;
  const fy = y - y0;
  const a = data[(y0 * w + x0) * 3 + c]!;
  const b = data[(y0 * w + x1) * 3 + c]!;
  const d = data[(y1 * w + x0) * 3 + c]!;
  const e = data[(y1 * w + x1) * 3 + c]!;
  return (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
}

/**
 * Resize with area averaging when shrinking (no aliasing on thin strokes) and bilinear when
 * growing, to exactly `nw` × `nh`.
 */
export function resize(img: Raster, nw: number, nh: number): Raster {
  const out = new Uint8Array(nw * nh * 3);
  const sx = img.width / nw;
  const sy = img.height / nh;
  if (sx <= 1 && sy <= 1) {
    for (let y = 0; y < nh; y++)
      for (let x = 0; x < nw; x++)
        for (let c = 0; c < 3; c++)
          out[(y * nw + x) * 3 + c] = sample(
            img,
            Math.min((x + 0.5) * sx - 0.5, img.width - 1),
            Math.min((y + 0.5) * sy - 0.5, img.height - 1),
            c,
          );
    return { width: nw, height: nh, data: out };
  }
  const { width: w, data } = img;
  for (let y = 0; y < nh; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(img.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < nw; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(w, Math.floor((x + 1) * sx)));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let yy = y0; yy < y1; yy++)
        for (let xx = x0; xx < x1; xx++) {
          const s = (yy * w + xx) * 3;
          r += data[s]!;
          g += data[s + 1]!;
          b += data[s + 2]!;
        }
      const n = (y1 - y0) * (x1 - x0);
      const d = (y * nw + x) * 3;
      out[d] = r / n;
      out[d + 1] = g / n;
      out[d + 2] = b / n;
    }
  }
  return { width: nw, height: nh, data: out };
}

/**
 * CHW float tensor data in the channel order PaddleOCR trained on (BGR, as OpenCV reads),
 * normalised per channel: (v/255 − mean) / std. `padTo` widens with the value zero has after
 * normalisation (PaddleOCR pads the normalised image with zeros).
 */
export function toTensorData(
  img: Raster,
  mean: readonly [number, number, number],
  std: readonly [number, number, number],
  padTo = img.width,
): Float32Array {
  const { width: w, height: h, data } = img;
  const plane = padTo * h;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const s = (y * w + x) * 3;
      const d = y * padTo + x;
      // BGR: channel 0 is blue.
      out[d] = (data[s + 2]! / 255 - mean[0]) / std[0];
      out[plane + d] = (data[s + 1]! / 255 - mean[1]) / std[1];
      out[2 * plane + d] = (data[s]! / 255 - mean[2]) / std[2];
    }
  return out;
}
