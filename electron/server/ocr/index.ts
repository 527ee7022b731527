/**
 * OCR for the rest of the office core: read the words of a scan, a photo or a PDF without a
 * text layer — offline, Chinese and English (PaddleOCR PP-OCRv4 mobile on ONNX Runtime), in a
 * worker process so the caller's event loop never stalls. PDF pages that carry text are read
 * from their text layer, not OCR'd.
 *
 *   const { text, confidence, pages } = await recogniseFile('/path/扫描件.jpg');
 *
 * Formats: jpg/jpeg, png, webp, bmp, gif, tif/tiff (every frame), pdf. Abort with `signal`.
 */
import path from 'node:path';
import { OcrWorker, type RecogniseJob, type WorkerResult } from './worker-client';

let shared: OcrWorker | null = null;

/** The process-wide OCR worker (started on first use, ended when idle). */
export function ocrWorker(): OcrWorker {
  shared ??= new OcrWorker();
  return shared;
}

export async function recogniseFile(
  absPath: string,
  opts?: { signal?: AbortSignal },
): Promise<{ text: string; confidence: number; pages: number }> {
  const r = await recogniseFileWithProgress(absPath, { signal: opts?.signal });
  return { text: r.text, confidence: r.confidence, pages: r.pages };
}

/** As recogniseFile, with a report after each page and the worker's memory figures (the queue uses this). */
export function recogniseFileWithProgress(absPath: string, job: RecogniseJob & { ext?: string } = {}): Promise<WorkerResult> {
  const ext = job.ext ?? path.extname(absPath).slice(1).toLowerCase();
  return ocrWorker().recognise(path.resolve(absPath), ext, job);
}

/** Stop the worker now (office closing, tests). */
export function stopOcrWorker(): void {
  shared?.stop();
  shared = null;
}
