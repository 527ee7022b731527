import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filePages } from '../../../electron/server/ocr/engine/pages';
import { ocrWorker, recogniseFileWithProgress, stopOcrWorker } from '../../../electron/server/ocr/index';
import { ocrThreads } from '../../../electron/server/ocr/worker-client';
import { contractHtml, makeContract, renderPng, scan, scannedPdf } from '../../../electron/server/ocr/testing/contract-page';
import { round, type BenchResult, type BenchSuite } from '../harness';

/**
 * OCR (issue 17.1) on scanned A4 pages at 150 dpi — a PDF of rotated, noisy JPEG pages, made
 * fresh by this run. Wall time per page once the worker is warm, against rasterising the same
 * pages (pdf.js + @napi-rs/canvas, the first step OCR must take anyway); the worker's peak RSS
 * against a bare Node child process.
 */
export const ocrBench: BenchSuite = {
  name: 'ocr',
  async run({ size, log }) {
    const pages = size === 'large' ? 4 : 2;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-bench-ocr-'));
    try {
      const jpegs: Buffer[] = [];
      for (let i = 0; i < pages; i++)
        jpegs.push(await scan(await renderPng(contractHtml(makeContract(1000 + i))), i % 2 ? -1.5 : 1, i));
      const pdf = path.join(dir, 'scan.pdf');
      fs.writeFileSync(pdf, await scannedPdf(jpegs));

      // Baseline: rasterise every page at 150 dpi (best of two).
      let rasterMs = Infinity;
      for (let r = 0; r < 2; r++) {
        const t0 = performance.now();
        for await (const p of filePages(pdf, 'pdf')) if (!('image' in p)) throw new Error('expected an image page');
        rasterMs = Math.min(rasterMs, performance.now() - t0);
      }
      const rasterPerPage = rasterMs / pages / 1000;

      // Warm the worker (model load) on one page, then time the whole file.
      fs.writeFileSync(path.join(dir, 'warm.jpg'), jpegs[0]!);
      await recogniseFileWithProgress(path.join(dir, 'warm.jpg'));
      const t0 = performance.now();
      const result = await recogniseFileWithProgress(pdf);
      const ocrPerPage = (performance.now() - t0) / pages / 1000;
      log(
        `OCR ${pages} pages with ${ocrThreads()} thread(s): ${ocrPerPage.toFixed(2)} s/page, confidence ${(result.confidence * 100).toFixed(1)} %`,
      );
      const peakMb = ocrWorker().peakRssBytes / 1024 / 1024;
      const bareMb = (await bareChildRss()) / 1024 / 1024;
      return [
        {
          name: 'OCR, scanned A4 at 150 dpi (per page, warm worker)',
          unit: 's',
          value: round(ocrPerPage, 2),
          baselineName: 'rasterise the page at 150 dpi',
          baseline: round(rasterPerPage, 3),
          ratio: round(ocrPerPage / rasterPerPage, 1),
          goal: '≤ 10 s per page (2 cores)',
          met: ocrPerPage <= 10,
        },
        {
          name: 'OCR worker peak RSS',
          unit: 'MB',
          value: round(peakMb, 0),
          baselineName: 'idle Node child, same loader',
          baseline: round(bareMb, 0),
          ratio: round(peakMb / bareMb, 1),
          goal: '≤ 1,536 MB',
          met: peakMb <= 1536,
        },
      ] satisfies BenchResult[];
    } finally {
      stopOcrWorker();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Peak RSS of a Node child that does nothing (with the environment's loader, e.g. tsx, as the worker has): what any worker process costs. */
function bareChildRss(): Promise<number> {
  const kb = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS))'], {
    encoding: 'utf8',
  });
  return Promise.resolve(Number(kb) * 1024);
}
