import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertClasses, modelPaths, readDictionary } from './engine/models';
import { recogniseFile, stopOcrWorker } from './index';
import { characterAccuracy, contractHtml, makeContract, normalise, renderPng, scan, seededRandom } from './testing/contract-page';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-ocr-'));
afterAll(() => {
  stopOcrWorker();
  fs.rmSync(dir, { recursive: true, force: true });
});

// A new contract every run (names, companies, amounts, dates); the seed is printed so a failing
// page can be made again: OCR_SEED=… npx vitest run electron/server/ocr/ocr-accuracy.test.ts
const seed = Number(process.env.OCR_SEED) || Date.now() % 1_000_000;
const contract = makeContract(seed);
const expected = contract.lines.join('\n');

describe(`OCR of a generated Chinese contract page (seed ${seed})`, () => {
  it('the recogniser dictionary has the trailing space class the model expects', () => {
    const classes = readDictionary(modelPaths().dict);
    expect(classes[0]).toBe('');
    expect(classes.at(-1)).toBe(' ');
    expect(() => assertClasses(classes, 6625)).not.toThrow();
    expect(() => assertClasses(classes.slice(0, -1), 6625)).toThrow(/6624 classes/);
  });

  it('reads a clean 150-dpi page ≥ 97 % and a rotated, noisy JPEG scan ≥ 95 %, every amount and date exact', async () => {
    const png = await renderPng(contractHtml(contract));
    const clean = path.join(dir, 'clean.png');
    fs.writeFileSync(clean, png);
    const rnd = seededRandom(seed + 1);
    const degrees = (rnd() < 0.5 ? -1 : 1) * (1 + rnd() * 2);
    const noisy = path.join(dir, 'scan.jpg');
    fs.writeFileSync(noisy, await scan(png, degrees, seed));

    for (const [file, floor] of [
      [clean, 0.97],
      [noisy, 0.95],
    ] as const) {
      const read = await recogniseFile(file);
      const accuracy = characterAccuracy(expected, read.text);
      console.log(
        `${path.basename(file)} (rotated ${degrees.toFixed(1)}° when noisy): accuracy ${(accuracy * 100).toFixed(2)} %, confidence ${(read.confidence * 100).toFixed(1)} %`,
      );
      expect(read.pages).toBe(1);
      expect(accuracy, read.text).toBeGreaterThanOrEqual(floor);
      expect(read.confidence).toBeGreaterThan(0.8);
      const got = normalise(read.text);
      for (const exact of [...contract.amounts, ...contract.dates]) expect(got, read.text).toContain(normalise(exact));
    }
  }, 300_000);
});
