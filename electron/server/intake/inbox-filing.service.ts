import fs from 'node:fs';
import path from 'node:path';
import type { DocFields } from '../../../shared/contract/archive';
import type { InboxItemView } from '../../../shared/contract/intake';
import { absInside, hashFile } from '../archive/archive-fs';
import { saveDocumentText } from '../archive/document-texts.repository';
import { findDocument, writeDocumentSearch } from '../archive/documents.repository';
import { fileStream } from '../archive/filing.service';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { itemById, toItemView, type InboxItemRow } from './inbox.repository';
import { readInboxSettings } from './inbox-settings';

function itemOrThrow(ctx: CallContext, id: number): InboxItemRow {
  const item = itemById(ctx.sqlite, id);
  if (!item) throw new AppError('not_found', { zh: `收件箱中没有编号 ${id} 的文件。`, en: `There is no inbox file #${id}.` });
  return item;
}

/**
 * 归档 one inbox file with the fields a clerk confirmed (or the inbox proposed): through the
 * archive's own filing (staging, hash, journal, one transaction). The original leaves the inbox
 * only after the archive's copy is in place and its hash matches; content already filed is
 * linked, not stored twice. OCR's words go with it, so it is searchable at once.
 */
export async function fileInboxItem(ctx: CallContext, id: number, fields: DocFields): Promise<InboxItemView> {
  const item = itemOrThrow(ctx, id);
  if (item.state === 'filed')
    throw new AppError('conflict', { zh: `${item.file_name} 已经归档。`, en: `${item.file_name} is already filed.` });
  if (item.state !== 'proposed' && item.state !== 'failed')
    throw new AppError('conflict', {
      zh: `${item.file_name} 还在读取中,请稍候再归档。`,
      en: `${item.file_name} is still being read; file it in a moment.`,
    });
  const { folder } = await readInboxSettings(ctx);
  const abs = folder ? path.join(folder, item.file_name) : '';
  const stat = abs ? fs.statSync(abs, { throwIfNoEntry: false }) : undefined;
  if (!stat?.isFile())
    throw new AppError('not_found', {
      zh: `收件箱中已找不到 ${item.file_name}(可能已被移走)。刷新列表即可。`,
      en: `${item.file_name} is no longer in the inbox (moved away?). Refresh the list.`,
    });
  if (stat.size === 0)
    throw new AppError('invalid_input', {
      zh: `${item.file_name} 是空文件,无法归档。`,
      en: `${item.file_name} is empty and cannot be filed.`,
    });
  if (stat.size !== item.size || Math.trunc(stat.mtimeMs) !== item.mtime_ms)
    throw new AppError('conflict', {
      zh: `${item.file_name} 在读取后又被改动过,将重新读取;请稍后再归档。`,
      en: `${item.file_name} changed after it was read; it will be read again. File it in a moment.`,
    });

  const result = await fileStream(
    ctx,
    fs.createReadStream(abs, { highWaterMark: Math.max(16 * 1024, Math.min(1 << 20, stat.size)) }),
    {
      originalName: item.file_name,
      fields,
      onDuplicate: 'link',
    },
  );
  const documentId = result.outcome === 'filed' ? result.document.id : result.existing.id;
  if (result.outcome === 'filed') {
    const stored = await hashFile(absInside(ctx.archiveRoot(), result.document.relPath));
    if (stored !== result.document.sha256)
      throw new AppError('unavailable', {
        zh: `归档副本校验不符,原件 ${item.file_name} 保留在收件箱中。请检查磁盘后重试。`,
        en: `The archived copy did not verify; the original ${item.file_name} stays in the inbox. Check the disk and retry.`,
      });
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (result.outcome === 'filed' && item.text_source === 'ocr') {
      // Already read by OCR while it waited: keep those words and drop the OCR job filing queued.
      saveDocumentText(
        ctx.sqlite,
        documentId,
        {
          state: item.text ? 'text' : 'none',
          source: 'ocr',
          text: item.text,
          truncated: false,
          confidence: item.confidence,
          pages: item.pages,
        },
        at,
        'ocr',
      );
      writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, documentId)!);
      ctx.sqlite
        .prepare(
          `UPDATE text_jobs SET state = 'done', updated_at = ? WHERE document_id = ? AND kind = 'ocr' AND state = 'queued'`,
        )
        .run(at, documentId);
    }
    ctx.sqlite
      .prepare(
        `UPDATE inbox_items SET state = 'filed', document_id = ?, client_id = ?, contract_id = ?, kind_id = ?, doc_date = ?,
           filed_by = ?, error_zh = NULL, error_en = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(
        documentId,
        fields.clientId,
        fields.contractId,
        fields.kindId,
        fields.docDate ?? item.doc_date,
        ctx.actor?.code ?? 'system',
        at,
        id,
      );
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'inbox.file',
        entity: 'inbox_item',
        entityId: id,
        after: { fileName: item.file_name, documentId, outcome: result.outcome },
      },
      ctx.now(),
    );
  });
  // The archive holds it (filed, or the same content already there): the original may go.
  fs.rmSync(abs, { force: true });
  return toItemView(ctx.sqlite, itemOrThrow(ctx, id));
}

/** 重新读取: a failed (or any waiting) file goes back to the reading queue. */
export async function retryInboxItem(ctx: CallContext, id: number): Promise<InboxItemView> {
  const item = itemOrThrow(ctx, id);
  if (item.state === 'filed')
    throw new AppError('conflict', { zh: `${item.file_name} 已经归档。`, en: `${item.file_name} is already filed.` });
  await ctx.db
    .transaction()
    .execute(async () =>
      ctx.sqlite
        .prepare(`UPDATE inbox_items SET state = 'settling', error_zh = NULL, error_en = NULL, updated_at = ? WHERE id = ?`)
        .run(ctx.now().toISOString(), id),
    );
  return toItemView(ctx.sqlite, itemOrThrow(ctx, id));
}
