import { isOcrImage } from '../../../shared/archive/text-formats';
import type { DocumentTextView, OcrQueueView, TextJobView } from '../../../shared/contract/doctext';
import { docOrThrow } from '../archive/archive.service';
import { readDocumentText, saveDocumentText } from '../archive/document-texts.repository';
import { findDocument, writeDocumentSearch } from '../archive/documents.repository';
import { capText } from '../archive/text/cap-text';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { enqueueJob, jobOf } from './text-jobs';
import { abortRunningJob, kickTextJobs, runningJob } from './text-jobs.runner';

function canOcr(ext: string): boolean {
  return isOcrImage(ext) || ext.toLowerCase() === 'pdf';
}

export function documentTextView(ctx: CallContext, id: number): DocumentTextView {
  const doc = docOrThrow(ctx, id);
  const t = readDocumentText(ctx.sqlite, id);
  const job = jobOf(ctx.sqlite, id, 'ocr');
  const ocr: TextJobView | null = job
    ? { kind: job.kind, state: job.state, page: job.page, pages: job.pages, error: job.error }
    : null;
  return {
    documentId: id,
    state: t?.state ?? null,
    source: t?.source ?? null,
    text: t?.text ?? '',
    chars: t?.text.length ?? 0,
    truncated: t?.truncated ?? false,
    confidence: t?.confidence ?? null,
    pages: t?.pages ?? null,
    updatedAt: t?.updatedAt ?? null,
    updatedBy: t?.updatedBy ?? null,
    ocr,
    canOcr: canOcr(doc.ext) && t?.state !== 'encrypted',
  };
}

/** 手工更正: the words as a person fixed them replace what OCR read; search follows at once. */
export async function correctText(ctx: CallContext, id: number, raw: string): Promise<DocumentTextView> {
  const doc = docOrThrow(ctx, id);
  if (doc.deleted_at)
    throw new AppError('conflict', { zh: '回收站中的档案请先恢复再修改。', en: 'Restore the document before editing it.' });
  const before = readDocumentText(ctx.sqlite, id);
  if (before?.state === 'encrypted')
    throw new AppError('conflict', {
      zh: '这份 PDF 已加密,无法检索内容;请先用密码打开并另存一份未加密的再归档。',
      en: 'This PDF is encrypted and cannot be searched; save an unencrypted copy and file that instead.',
    });
  const { text, truncated } = capText(raw);
  await ctx.db.transaction().execute(async (trx) => {
    saveDocumentText(
      ctx.sqlite,
      id,
      {
        state: text ? 'text' : 'none',
        source: 'manual',
        text,
        truncated,
        confidence: before?.confidence ?? null,
        pages: before?.pages ?? null,
      },
      ctx.now().toISOString(),
      ctx.actor?.code ?? 'system',
    );
    writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, id)!);
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'archive.correctText',
        entity: 'document',
        entityId: id,
        before: { source: before?.source ?? null, chars: before?.text.length ?? 0 },
        after: { chars: text.length },
      },
      ctx.now(),
    );
  });
  return documentTextView(ctx, id);
}

/** 识别 / 重新识别 one document. */
export async function enqueueOcr(ctx: CallContext, id: number): Promise<DocumentTextView> {
  const doc = docOrThrow(ctx, id);
  if (!canOcr(doc.ext))
    throw new AppError('invalid_input', {
      zh: `“${doc.original_name}”不是图片或 PDF,文字识别只读扫描件和照片。`,
      en: `“${doc.original_name}” is not an image or a PDF; OCR reads scans and photos only.`,
    });
  if (doc.deleted_at) throw new AppError('conflict', { zh: '回收站中的档案请先恢复。', en: 'Restore the document first.' });
  await ctx.db.transaction().execute(async (trx) => {
    enqueueJob(ctx.sqlite, id, 'ocr', ctx.now().toISOString());
    await writeAudit(trx, ctx.actor, { action: 'ocr.enqueue', entity: 'document', entityId: id }, ctx.now());
  });
  kickTextJobs(ctx);
  return documentTextView(ctx, id);
}

/**
 * 识别全部扫描件: every filed image, and every PDF whose text is missing, that has no OCR done
 * or waiting — queued in one transaction, read one at a time in the background.
 */
export async function enqueueAllScans(ctx: CallContext): Promise<{ queued: number }> {
  const at = ctx.now().toISOString();
  const queued = await ctx.db.transaction().execute(async (trx) => {
    const ids = waitingScans(ctx);
    for (const docId of ids) enqueueJob(ctx.sqlite, docId, 'ocr', at);
    await writeAudit(trx, ctx.actor, { action: 'ocr.enqueueAll', entity: 'document', after: { queued: ids.length } }, ctx.now());
    return ids.length;
  });
  kickTextJobs(ctx);
  return { queued };
}

const IMAGE_EXT_SQL = `lower(d.ext) IN ('jpg', 'jpeg', 'png', 'tif', 'tiff', 'webp', 'bmp')`;

function waitingScans(ctx: CallContext): number[] {
  return ctx.sqlite
    .prepare(
      `SELECT d.id FROM documents d LEFT JOIN document_texts t ON t.document_id = d.id
       WHERE d.deleted_at IS NULL
         AND (${IMAGE_EXT_SQL} OR (lower(d.ext) = 'pdf' AND t.state = 'none'))
         AND COALESCE(t.source, 'file') = 'file'
         AND NOT EXISTS (SELECT 1 FROM text_jobs j WHERE j.document_id = d.id AND j.kind = 'ocr' AND j.state IN ('queued', 'running', 'done'))
       ORDER BY d.id`,
    )
    .pluck()
    .all() as number[];
}

export function ocrQueue(ctx: CallContext): OcrQueueView {
  const counts = ctx.sqlite
    .prepare(`SELECT state, count(*) AS n FROM text_jobs WHERE kind = 'ocr' AND state IN ('queued', 'failed') GROUP BY state`)
    .all() as { state: string; n: number }[];
  const n = (s: string): number => counts.find((c) => c.state === s)?.n ?? 0;
  // The row, not the runner's copy: progress is written to the row page by page.
  const job = ctx.sqlite.prepare(`SELECT * FROM text_jobs WHERE state = 'running' AND kind = 'ocr' LIMIT 1`).get() as
    { document_id: number; page: number; pages: number } | undefined;
  const doc = job ? findDocument(ctx.sqlite, job.document_id) : undefined;
  return {
    queued: n('queued'),
    running: job && doc ? { documentId: doc.id, title: doc.title, page: job.page, pages: job.pages } : null,
    failed: n('failed'),
    waiting: waitingScans(ctx).length,
  };
}

/** Cancel one document's OCR, or (no id) everything queued and running. */
export async function cancelOcr(ctx: CallContext, id: number | undefined): Promise<{ cancelled: number }> {
  if (id !== undefined) docOrThrow(ctx, id);
  const at = ctx.now().toISOString();
  const cancelled = await ctx.db.transaction().execute(async (trx) => {
    const changes = ctx.sqlite
      .prepare(
        `UPDATE text_jobs SET state = 'cancelled', updated_at = ? WHERE kind = 'ocr' AND state = 'queued' ${id !== undefined ? 'AND document_id = ?' : ''}`,
      )
      .run(...(id !== undefined ? [at, id] : [at])).changes;
    await writeAudit(trx, ctx.actor, { action: 'ocr.cancel', entity: 'document', entityId: id ?? null }, ctx.now());
    return changes;
  });
  const running = runningJob(ctx);
  const stopRunning = running && running.kind === 'ocr' && (id === undefined || running.document_id === id);
  if (stopRunning) abortRunningJob(ctx, running.document_id);
  return { cancelled: cancelled + (stopRunning ? 1 : 0) };
}
