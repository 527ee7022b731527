// Draws the app icon — a red rounded square with a white 门 — as a 512×512 PNG, so the icon is
// reproducible from source without an image editor: node build/make-icon.mjs
// Strokes are capsules (segments with round ends), 4×4 supersampled for smooth edges; the PNG is
// written by hand (IHDR, one zlib-deflated IDAT, IEND) with Node's zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const RADIUS = 104; // corner radius of the rounded square
const SAMPLES = 4; // per axis

// The 门 glyph: 点 (dot), 左竖 (left vertical), 横折钩 (top stroke turning down, with a hook).
const strokes = [
  { from: [138, 86], to: [170, 120], width: 44 }, // 点
  { from: [156, 190], to: [156, 414], width: 50 }, // 左竖
  { from: [236, 134], to: [362, 134], width: 48 }, // 横
  { from: [362, 134], to: [362, 394], width: 50 }, // 折 (down)
  { from: [362, 394], to: [328, 412], width: 44 }, // 钩 (hook, left and down)
];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const inGlyph = (x, y) => strokes.some((s) => distanceToSegment(x, y, s.from, s.to) <= s.width / 2);

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS * RADIUS;
}

// A slight top-to-bottom gradient of 中国红.
const red = (y) => {
  const t = y / SIZE;
  return [Math.round(222 - 40 * t), Math.round(41 - 14 * t), Math.round(44 - 10 * t)];
};

const rowBytes = SIZE * 4 + 1;
const pixels = Buffer.alloc(SIZE * rowBytes);
for (let y = 0; y < SIZE; y++) {
  pixels[y * rowBytes] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let cover = 0;
    let white = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (!inRoundedSquare(px, py)) continue;
        cover++;
        if (inGlyph(px, py)) white++;
      }
    }
    const at = y * rowBytes + 1 + x * 4;
    if (cover === 0) continue; // transparent outside the square
    const [r, g, b] = red(y);
    const w = white / cover;
    pixels[at] = Math.round(r + (255 - r) * w);
    pixels[at + 1] = Math.round(g + (255 - g) * w);
    pixels[at + 2] = Math.round(b + (255 - b) * w);
    pixels[at + 3] = Math.round((255 * cover) / (SAMPLES * SAMPLES));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)`);
