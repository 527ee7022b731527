import type BetterSqlite3 from 'better-sqlite3';
import { absInside } from '../archive/archive-fs';
import { readDocumentText, saveDocumentText } from '../archive/document-texts.repository';
import { findDocument, writeDocumentSearch } from '../archive/documents.repository';
import { capText } from '../archive/text/cap-text';
import { extractDocumentText } from '../archive/text/extract-text';
import type { OfficeContext } from '../core/context';
import { recogniseFileWithProgress } from './index';
import { claimNextJob, enqueueJob, finishJob, requeueInterrupted, setJobProgress, type TextJob } from './text-jobs';

/** `wake`: a job was queued while the runner was between claims; look once more before stopping. */
type Runner = { running: boolean; wake: boolean; current: { job: TextJob; abort: AbortController } | null; stopped: boolean };

/** One queue runner per open office (keyed by its connection). */
const runners = new WeakMap<BetterSqlite3.Database, Runner>();

/**
 * Jobs run only in an office whose queue was started (the app, `office serve`, a test that
 * asks): the CLI and other one-shot users just queue, and the next app start does the work.
 */
function startedRunner(ctx: OfficeContext): Runner | null {
  return runners.get(ctx.sqlite) ?? null;
}

/**
 * When the app or `office serve` starts: jobs a crash or a quit interrupted go back to the
 * queue, and the queue runs. (The CLI files and queues, but leaves the running to the app.)
 */
export function startTextJobs(ctx: OfficeContext): void {
  let r = runners.get(ctx.sqlite);
  if (!r) {
    r = { running: false, wake: false, current: null, stopped: false };
    runners.set(ctx.sqlite, r);
  }
  r.stopped = false;
  void (async () => {
    await ctx.healthChecked;
    if (ctx.health && !ctx.health.ok) return;
    await write(ctx, () => requeueInterrupted(ctx.sqlite, ctx.now().toISOString()));
    kickTextJobs(ctx);
  })();
}

/** Stop taking jobs (the office is closing); a running OCR is cancelled and stays queued for next time. */
/** Whether the queue was started (and not stopped) on this connection — an in-place restore carries it over. */
export function textJobsStarted(sqlite: BetterSqlite3.Database): boolean {
  const r = runners.get(sqlite);
  return !!r && !r.stopped;
}

export function stopTextJobs(sqlite: BetterSqlite3.Database): void {
  const r = runners.get(sqlite);
  if (!r) return;
  r.stopped = true;
  r.current?.abort.abort();
}

/**
 * Filing's hook: a scan, photo or PDF with image-only pages was just filed (inside the filing
 * transaction). Its OCR job is queued with the document, and the queue runs once that commits.
 */
export function afterFiled(ctx: OfficeContext, documentId: number): void {
  enqueueJob(ctx.sqlite, documentId, 'ocr', ctx.now().toISOString());
  setImmediate(() => kickTextJobs(ctx));
}

/** Run queued jobs one at a time until none is left. Idempotent: a running queue just carries on. */
export function kickTextJobs(ctx: OfficeContext): void {
  const r = startedRunner(ctx);
  if (!r || r.stopped) return;
  r.wake = true;
  if (r.running) return;
  r.running = true;
  // A write after the office closed fails; the job stays 'running' in the file and the next
  // start puts it back in the queue (requeueInterrupted), exactly as after a crash.
  void drain(ctx, r)
    .catch(() => undefined)
    .finally(() => {
      r.running = false;
    });
}

/** Resolves when the started queue has nothing left to do (tests, the bench). */
export async function textJobsIdle(ctx: OfficeContext, timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = startedRunner(ctx);
    const queued = ctx.sqlite
      .prepare(`SELECT count(*) FROM text_jobs WHERE state IN ('queued', 'running')`)
      .pluck()
      .get() as number;
    if (!r?.running && queued === 0) return;
    if (!r?.running && queued > 0 && r && !r.stopped) kickTextJobs(ctx);
    if (Date.now() > until) throw new Error('text jobs still running');
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Cancel a document's running job (a queued one is simply marked cancelled by the service). */
export function abortRunningJob(ctx: OfficeContext, documentId: number): boolean {
  const r = runners.get(ctx.sqlite);
  if (r?.current?.job.document_id !== documentId) return false;
  r.current.abort.abort();
  return true;
}

/** The job being worked on now, if any. */
export function runningJob(ctx: OfficeContext): TextJob | null {
  return runners.get(ctx.sqlite)?.current?.job ?? null;
}

async function drain(ctx: OfficeContext, r: Runner): Promise<void> {
  while (!r.stopped && ctx.sqlite.open) {
    if (ctx.health && !ctx.health.ok) return;
    r.wake = false;
    const job = await write(ctx, () => claimNextJob(ctx.sqlite, ctx.now().toISOString()));
    if (!job) {
      if (r.wake) continue;
      return;
    }
    const abort = new AbortController();
    r.current = { job, abort };
    try {
      await runJob(ctx, job, abort.signal);
      await write(ctx, () => finishJob(ctx.sqlite, job.id, 'done', null, ctx.now().toISOString()));
    } catch (error) {
      if (!ctx.sqlite.open) return;
      const cancelled = abort.signal.aborted;
      // Closing the office leaves the job queued for the next start; a person's cancel ends it.
      const state = cancelled && r.stopped ? null : cancelled ? 'cancelled' : 'failed';
      await write(ctx, () => {
        if (state)
          finishJob(
            ctx.sqlite,
            job.id,
            state,
            cancelled ? null : (error as Error).message.slice(0, 500),
            ctx.now().toISOString(),
          );
        else ctx.sqlite.prepare(`UPDATE text_jobs SET state = 'queued', page = 0 WHERE id = ?`).run(job.id);
      });
    } finally {
      r.current = null;
    }
  }
}

async function runJob(ctx: OfficeContext, job: TextJob, signal: AbortSignal): Promise<void> {
  const doc = findDocument(ctx.sqlite, job.document_id);
  // Trashed since it was queued: nothing to read (restore queues nothing; 重新识别 does).
  if (!doc || doc.deleted_at) return;
  const abs = absInside(ctx.archiveRoot(), doc.rel_path);
  const at = (): string => ctx.now().toISOString();
  if (job.kind === 'extract') {
    const { needsOcr, ...text } = await extractDocumentText(abs, doc.ext);
    await write(ctx, () => {
      // Words a person typed or OCR read are not replaced by a re-read of the file.
      const stored = readDocumentText(ctx.sqlite, doc.id);
      if (stored && stored.source !== 'file') return;
      saveDocumentText(ctx.sqlite, doc.id, { ...text, source: 'file', confidence: null }, at(), 'system');
      writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, doc.id)!);
      if (needsOcr) enqueueJob(ctx.sqlite, doc.id, 'ocr', at());
    });
    return;
  }
  const result = await recogniseFileWithProgress(abs, {
    ext: doc.ext,
    signal,
    onPage: (p) => void write(ctx, () => setJobProgress(ctx.sqlite, job.id, p.page, p.pages, at())).catch(() => undefined),
  });
  const { text, truncated } = capText(result.text);
  await write(ctx, () => {
    saveDocumentText(
      ctx.sqlite,
      doc.id,
      {
        state: text ? 'text' : 'none',
        source: 'ocr',
        text,
        truncated,
        confidence: result.ocrPages ? result.confidence : null,
        pages: result.pages,
      },
      at(),
      'ocr',
    );
    writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, doc.id)!);
  });
}

/** Every write in its own short transaction (the connection is shared with the office's calls). */
function write<T>(ctx: OfficeContext, fn: () => T): Promise<T> {
  return ctx.db.transaction().execute(async () => fn());
}
