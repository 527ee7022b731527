import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type { DocFields, DuplicateChoice, FilingResult } from '../../../shared/contract/archive';
import { pathKey, splitFileName } from '../../../shared/archive/safe-path';
import { todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { absInside, hashFile, moveWithin, releaseStaging, stageStream } from './archive-fs';
import { limitsOf } from '../core/upload';
import { withArchiveLock } from './archive-lock';
import { assertCanSeeClient } from '../clients/client-scope';
import { assertCanSeeContract } from '../contracts/contract-scope';
import { canSeeDocument } from './document-scope';
import { currentTemplate, freePath, templatePath } from './archive-paths';
import { saveDocumentText } from './document-texts.repository';
import { findByHash, findDocument, loadKinds, toDocumentRow, writeDocumentSearch } from './documents.repository';
import { extractDocumentText } from './text/extract-text';
import { afterFiled } from '../ocr/text-jobs.runner';

export type FilingOptions = {
  originalName: string;
  fields: DocFields;
  onDuplicate: DuplicateChoice;
  signal?: AbortSignal;
  /** The size the source announced, checked against the disk's free margin before reading. */
  expectedBytes?: number | null;
};

/**
 * Client and contract names for the path, checking they exist and that the caller may see them
 * (a bad id, or one outside the caller's scope, is the same clear not_found — never a name).
 */
export function linkNames(
  ctx: CallContext,
  fields: DocFields,
): { clientName: string; contractNumber: string; clientId: number | null } {
  let clientId = fields.clientId;
  let contractNumber = '';
  if (fields.contractId !== null) {
    const k = ctx.sqlite
      .prepare(
        'SELECT k.number, k.client_id, k.staff_id, c.owner_staff_id AS client_owner_id FROM contracts k JOIN clients c ON c.id = k.client_id WHERE k.id = ?',
      )
      .get(fields.contractId) as
      { number: string; client_id: number; staff_id: number | null; client_owner_id: number | null } | undefined;
    assertCanSeeContract(ctx.actor, k as Parameters<typeof assertCanSeeContract>[1], fields.contractId);
    contractNumber = k!.number;
    clientId ??= k!.client_id;
  }
  let clientName = '';
  if (clientId !== null) {
    const c = ctx.sqlite.prepare('SELECT name, owner_staff_id FROM clients WHERE id = ?').get(clientId) as
      { name: string; owner_staff_id: number | null } | undefined;
    if (!c) throw new AppError('not_found', { zh: `客户(编号 ${clientId})不存在。`, en: `Client #${clientId} does not exist.` });
    assertCanSeeClient(ctx.actor, { id: clientId, owner_staff_id: c.owner_staff_id });
    clientName = c.name;
  }
  if (fields.kindId !== null && !ctx.sqlite.prepare('SELECT 1 FROM doc_kinds WHERE id = ?').get(fields.kindId))
    throw new AppError('not_found', {
      zh: `档案分类(编号 ${fields.kindId})不存在。`,
      en: `Document kind #${fields.kindId} does not exist.`,
    });
  return { clientName, contractNumber, clientId };
}

/**
 * 归档: copy into staging while hashing, then one transaction that records the document and
 * renames the file into its place. A journal row written first lets startup finish or undo a
 * filing a crash interrupted. Same content already filed → ask (conflict), skip, link, or keep both.
 */
export async function fileStream(ctx: CallContext, source: Readable, options: FilingOptions): Promise<FilingResult> {
  const root = ctx.archiveRoot();
  // Before a byte is copied: a client or contract that does not exist (or is not the caller's) is refused at once.
  linkNames(ctx, options.fields);
  const staged = await stageStream(root, source, options.signal, {
    limits: limitsOf(ctx.limits),
    expectedBytes: options.expectedBytes ?? null,
  }).catch((error: unknown) => {
    throw options.signal?.aborted || (error as { code?: string }).code === 'ECONNRESET'
      ? interrupted()
      : diskError(error, { root, fileName: options.originalName });
  });
  // The copy needs no lock (a 2 GB upload must not hold up everyone's filing); recording it does.
  try {
    // Names again under the lock: the client may have gone while the bytes were arriving.
    return await withArchiveLock(() => recordStaged(ctx, root, staged, linkNames(ctx, options.fields), options));
  } catch (error) {
    fs.rmSync(absInside(root, staged.stagedRel), { force: true });
    throw error;
  } finally {
    releaseStaging(staged.stagedRel);
  }
}

async function recordStaged(
  ctx: CallContext,
  root: string,
  staged: { stagedRel: string; sha256: string; size: number },
  names: ReturnType<typeof linkNames>,
  options: FilingOptions,
): Promise<FilingResult> {
  const dropStaged = (): void => fs.rmSync(absInside(root, staged.stagedRel), { force: true });
  // An empty file is a failed scan or copy, never a document: refuse it rather than file nothing.
  if (staged.size === 0) {
    dropStaged();
    throw new AppError('invalid_input', {
      zh: `“${options.originalName}”是空文件(0 字节),没有归档。可能是扫描或复制没有成功,请检查原文件后重新归档。`,
      en: `“${options.originalName}” is empty (0 bytes) and was not filed. The scan or copy probably failed; check the original and file it again.`,
    });
  }
  const kinds = loadKinds(ctx.sqlite);
  const existing = findByHash(ctx.sqlite, staged.sha256);
  if (existing && options.onDuplicate !== 'keep') {
    dropStaged();
    // Another person's document is neither shown nor linked to: its record stays theirs.
    if (!canSeeDocument(ctx, existing.id))
      throw new AppError('conflict', {
        zh: '同样内容的文件已经由他人归档(你无权查看那份档案)。如确需再存一份,请选择"两份都保留"。',
        en: 'A file with the same content is already filed in a document you may not see. Choose "keep both" to store another copy.',
      });
    const row = toDocumentRow(existing, kinds);
    if (options.onDuplicate === 'ask')
      throw new AppError(
        'conflict',
        {
          zh: `同样内容的文件已经归档:${existing.rel_path}(${existing.title})。请选择:跳过、在此处关联,或两份都保留。`,
          en: `A file with the same content is already filed: ${existing.rel_path} (${existing.title}). Choose: skip, link it here too, or keep both.`,
        },
        { duplicate: row },
      );
    if (options.onDuplicate === 'link' && (names.clientId !== null || options.fields.contractId !== null)) {
      await ctx.db.transaction().execute(async (trx) => {
        ctx.sqlite
          .prepare('INSERT OR IGNORE INTO document_links (document_id, client_id, contract_id, linked_at) VALUES (?, ?, ?, ?)')
          .run(existing.id, names.clientId, options.fields.contractId, ctx.now().toISOString());
        await writeAudit(
          trx,
          ctx.actor,
          { action: 'archive.link', entity: 'document', entityId: existing.id, after: options.fields },
          ctx.now(),
        );
      });
    }
    return { outcome: options.onDuplicate === 'skip' ? 'skipped' : 'linked', existing: row };
  }

  const { stem, ext } = splitFileName(options.originalName);
  const facts = {
    kindId: options.fields.kindId,
    clientName: names.clientName,
    contractNumber: names.contractNumber,
    docDate: options.fields.docDate ?? todayLocal(ctx.now()),
    title: options.fields.title?.trim() || stem,
    originalName: options.originalName,
    ext,
  };
  const extracted = await extractDocumentText(absInside(root, staged.stagedRel), ext);
  try {
    const rel = freePath(ctx.sqlite, root, templatePath(currentTemplate(ctx.sqlite), facts, kinds, root), null);
    // Committed before anything moves: after a crash, startup sees what was under way.
    const journal = await ctx.db
      .transaction()
      .execute(
        async () =>
          ctx.sqlite
            .prepare(`INSERT INTO archive_journal (op, from_path, to_path, created_at) VALUES ('file', ?, ?, ?)`)
            .run(staged.stagedRel, rel, ctx.now().toISOString()).lastInsertRowid,
      );
    const id = await ctx.db.transaction().execute(async (trx) => {
      const docId = Number(
        ctx.sqlite
          .prepare(
            `INSERT INTO documents (kind_id, client_id, contract_id, doc_date, title, original_name, ext, size, sha256, rel_path, path_key, filed_by, filed_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            facts.kindId,
            names.clientId,
            options.fields.contractId,
            facts.docDate,
            facts.title,
            options.originalName,
            ext,
            staged.size,
            staged.sha256,
            rel,
            pathKey(rel),
            ctx.actor?.code ?? 'system',
            ctx.now().toISOString(),
          ).lastInsertRowid,
      );
      const { needsOcr, ...text } = extracted;
      saveDocumentText(
        ctx.sqlite,
        docId,
        { ...text, source: 'file', confidence: null },
        ctx.now().toISOString(),
        ctx.actor?.code ?? 'system',
      );
      writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, docId)!);
      // Scans, photos and PDFs with image-only pages go to the OCR queue (same transaction).
      if (needsOcr) afterFiled(ctx, docId);
      await writeAudit(
        trx,
        ctx.actor,
        { action: 'archive.file', entity: 'document', entityId: docId, after: { rel, ...options.fields } },
        ctx.now(),
      );
      ctx.sqlite.prepare('DELETE FROM archive_journal WHERE id = ?').run(journal);
      // Last step inside the transaction: if the rename fails, the row (and the journal's
      // removal) roll back with it.
      moveWithin(root, staged.stagedRel, rel);
      return docId;
    });
    return { outcome: 'filed', document: toDocumentRow(findDocument(ctx.sqlite, id)!, kinds) };
  } catch (error) {
    dropStaged();
    await ctx.db
      .transaction()
      .execute(async () =>
        ctx.sqlite.prepare(`DELETE FROM archive_journal WHERE op = 'file' AND from_path = ?`).run(staged.stagedRel),
      );
    throw diskError(error, { root, fileName: options.originalName });
  }
}

/**
 * File a file from this computer (desktop app and CLI only — over HTTP a browser must upload
 * it). With `move`, the source is removed only after the stored copy's hash matches.
 */
export async function fileLocal(
  ctx: CallContext,
  input: { sourcePath: string; fields: DocFields; move: boolean; onDuplicate: DuplicateChoice },
): Promise<FilingResult> {
  if (ctx.actor && ctx.actor.via !== 'cli' && ctx.actor.via !== 'ipc' && ctx.actor.via !== 'test')
    throw new AppError('forbidden', {
      zh: '浏览器模式请上传文件,不能直接读取服务器上的路径。',
      en: 'In browser mode upload the file; server paths cannot be read.',
    });
  const stat = fs.statSync(input.sourcePath, { throwIfNoEntry: false });
  if (!stat?.isFile())
    throw new AppError('not_found', { zh: `找不到文件 ${input.sourcePath}。`, en: `File not found: ${input.sourcePath}.` });
  // 1 MiB reads: a big file goes through in fewer, larger chunks (near cp speed); a small file
  // gets a buffer its own size, so a batch of scans does not churn 1 MiB buffers.
  const highWaterMark = Math.max(16 * 1024, Math.min(1 << 20, stat.size));
  // Opened now (not when first read), so a refusal before the copy has only a descriptor to close.
  const source = fs.createReadStream('', { fd: fs.openSync(input.sourcePath, 'r'), highWaterMark });
  // Refused before the copy (a client out of scope, no room on the disk): the file is let go at once.
  const result = await fileStream(ctx, source, {
    originalName: input.sourcePath.split(/[\\/]/).pop()!,
    fields: input.fields,
    onDuplicate: input.onDuplicate,
    expectedBytes: stat.size,
  }).finally(() => source.destroy());
  if (input.move && result.outcome === 'filed') {
    const stored = await hashFile(absInside(ctx.archiveRoot(), result.document.relPath));
    if (stored === result.document.sha256) fs.rmSync(input.sourcePath);
  }
  return result;
}

/** The sender went away before the last byte: nothing was kept (the staged copy is gone). */
function interrupted(): AppError {
  return new AppError('unavailable', {
    zh: '上传在完成前中断了,文件没有归档,也没有留下半个文件。请重新上传。',
    en: 'The upload was cut off before it finished; the file was not filed and nothing half-written was kept. Upload it again.',
  });
}

/**
 * A full disk or a folder that cannot be written is said as such — in both languages, naming
 * the file and the archive folder when the caller knows them — not as a bare errno.
 */
export function diskError(error: unknown, where?: { root: string; fileName: string }): unknown {
  const code = (error as { code?: string }).code;
  const file = where ? `“${where.fileName}”` : '文件';
  const fileEn = where ? `“${where.fileName}”` : 'the file';
  if (code === 'ENOSPC')
    return new AppError(
      'unavailable',
      {
        zh: `${where ? `档案文件夹 ${where.root} 所在的` : ''}磁盘空间已满,${file}没有归档。请清理磁盘后重试;档案中没有留下半个文件。`,
        en: `The disk${where ? ` holding the archive folder ${where.root}` : ''} is full; ${fileEn} was not filed. Free some space and retry; nothing half-written was kept.`,
      },
      { errno: code },
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError(
      'unavailable',
      {
        zh: `档案文件夹${where ? ` ${where.root} ` : ''}不可写,${file}没有归档。请检查文件夹权限或是否只读。`,
        en: `The archive folder${where ? ` ${where.root}` : ''} cannot be written; ${fileEn} was not filed. Check its permissions or whether it is read-only.`,
      },
      { errno: code },
    );
  return error;
}
