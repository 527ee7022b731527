import fs from 'node:fs';
import type { DocFields, DocumentRow } from '../../../shared/contract/archive';
import { pathKey, splitFileName, withCollisionSuffix } from '../../../shared/archive/safe-path';
import { todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { absInside, hashFile, moveWithin, relDirOf, removeEmptyDirs, TRASH_DIR } from './archive-fs';
import { currentTemplate, freePath, templatePath } from './archive-paths';
import { saveDocumentText } from './document-texts.repository';
import { extractDocumentText } from './text/extract-text';
import { afterFiled } from '../ocr/text-jobs.runner';
import { findByHash, findDocument, loadKinds, toDocumentRow, writeDocumentSearch } from './documents.repository';
import { diskError, linkNames } from './filing.service';
import { fileExists } from './refile';

export type LooseTarget = { to: 'filed'; fields: DocFields } | { to: 'trash'; reason: string };

/**
 * Take a file found loose in the archive folder (not recorded) into the records, moving it — never
 * copying and deleting: 'filed' records it with the given kind/client/contract/date and moves it
 * where the template puts it; 'trash' records it as a document already in the recycle area, so it
 * is listed there and can be restored like any other (nothing found loose is ever deleted for good).
 *
 * Crash-safe like every archive move: the record and a journal row are committed first, then the
 * rename happens as the last step of a second transaction; startup finishes a move a crash cut off.
 * Call under the archive lock, after checking the path is a loose file now.
 */
export async function takeLooseFile(ctx: CallContext, rel: string, target: LooseTarget): Promise<DocumentRow> {
  const root = ctx.archiveRoot();
  const abs = absInside(root, rel);
  const size = fs.statSync(abs).size;
  const sha256 = await hashFile(abs);
  const fields: DocFields =
    target.to === 'filed' ? target.fields : { kindId: kindOfFolder(ctx, rel), clientId: null, contractId: null };
  if (target.to === 'filed') {
    const existing = findByHash(ctx.sqlite, sha256);
    if (existing && fileExists(ctx, existing.rel_path))
      throw new AppError(
        'conflict',
        {
          zh: `同样内容已经归档为 ${existing.rel_path}(${existing.title}),这个文件是多余的副本。如不需要,请选择"移到回收站"。`,
          en: `The same content is already filed as ${existing.rel_path} (${existing.title}); this file is an extra copy. Choose "move to trash" if it is not needed.`,
        },
        { duplicateOf: existing.id },
      );
  }
  const names = linkNames(ctx, fields);
  const originalName = rel.split('/').pop()!;
  const { stem, ext } = splitFileName(originalName);
  const kinds = loadKinds(ctx.sqlite);
  const docDate = fields.docDate ?? todayLocal(ctx.now());
  const title = fields.title?.trim() || stem;
  const wanted =
    target.to === 'filed'
      ? templatePath(
          currentTemplate(ctx.sqlite),
          {
            kindId: fields.kindId,
            clientName: names.clientName,
            contractNumber: names.contractNumber,
            docDate,
            title,
            originalName,
            ext,
          },
          kinds,
          root,
        )
      : rel;
  const filedAt =
    target.to === 'trash'
      ? // In the recycle area the record keeps where the file was, so a restore puts it back there.
        freeRecordPath(ctx, rel)
      : pathKey(wanted) === pathKey(rel)
        ? // Already where the template puts it: recorded in place (it is the file on disk there).
          freeRecordPath(ctx, rel)
        : freePath(ctx.sqlite, root, wanted, null);
  const extracted = await extractDocumentText(abs, ext);
  const now = ctx.now().toISOString();
  const { id, dest, journal } = await ctx.db.transaction().execute(async () => {
    const docId = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO documents (kind_id, client_id, contract_id, doc_date, title, original_name, ext, size, sha256, rel_path, path_key, filed_by, filed_at, deleted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          fields.kindId,
          names.clientId,
          fields.contractId,
          docDate,
          title,
          originalName,
          ext,
          size,
          sha256,
          filedAt,
          pathKey(filedAt),
          ctx.actor?.code ?? 'system',
          now,
          target.to === 'trash' ? now : null,
        ).lastInsertRowid,
    );
    const to = target.to === 'trash' ? `${TRASH_DIR}/${docId}_${originalName}` : filedAt;
    if (target.to === 'trash') ctx.sqlite.prepare('UPDATE documents SET trash_path = ? WHERE id = ?').run(to, docId);
    const { needsOcr, ...text } = extracted;
    saveDocumentText(ctx.sqlite, docId, { ...text, source: 'file', confidence: null }, now, ctx.actor?.code ?? 'system');
    writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, docId)!);
    // A scan taken in from the archive folder is read like one filed by hand (same transaction).
    if (needsOcr && target.to === 'filed') afterFiled(ctx, docId);
    const journalId = ctx.sqlite
      .prepare(`INSERT INTO archive_journal (op, document_id, from_path, to_path, created_at) VALUES ('move', ?, ?, ?, ?)`)
      .run(docId, rel, to, now).lastInsertRowid;
    return { id: docId, dest: to, journal: journalId };
  });
  try {
    await ctx.db.transaction().execute(async (trx) => {
      ctx.sqlite.prepare('DELETE FROM archive_journal WHERE id = ?').run(journal);
      await writeAudit(
        trx,
        ctx.actor,
        {
          action: target.to === 'filed' ? 'archive.fileFound' : 'archive.trashFound',
          entity: 'document',
          entityId: id,
          after: { from: rel, to: dest, ...(target.to === 'trash' ? { reason: target.reason } : fields) },
        },
        ctx.now(),
      );
      // Last: if the rename fails, the journal row and the audit entry stay as they were.
      if (dest !== rel) moveWithin(root, rel, dest);
    });
  } catch (error) {
    // The file never moved: the record written for it goes again.
    await ctx.db.transaction().execute(async () => {
      ctx.sqlite.prepare('DELETE FROM document_search WHERE rowid = ?').run(id);
      ctx.sqlite.prepare('DELETE FROM documents WHERE id = ?').run(id);
      ctx.sqlite.prepare('DELETE FROM archive_journal WHERE id = ?').run(journal);
    });
    throw diskError(error);
  }
  removeEmptyDirs(root, relDirOf(rel));
  return toDocumentRow(findDocument(ctx.sqlite, id)!, loadKinds(ctx.sqlite));
}

/** The 母目录 a loose file sits in, as its kind (a scan dropped into 协议合同/ is a contract). */
export function kindOfFolder(ctx: CallContext, rel: string): number | null {
  const top = rel.split('/')[0] ?? '';
  const kind = ctx.sqlite.prepare('SELECT id FROM doc_kinds WHERE parent_id IS NULL AND name = ?').get(top) as
    { id: number } | undefined;
  return kind?.id ?? null;
}

/** `rel`, or its first _2, _3… variant no record holds (the file itself is about to leave `rel`). */
function freeRecordPath(ctx: CallContext, rel: string): string {
  const taken = ctx.sqlite.prepare('SELECT 1 FROM documents WHERE path_key = ?');
  const dir = relDirOf(rel);
  const name = rel.slice(dir ? dir.length + 1 : 0);
  for (let n = 1; ; n++) {
    const candidate = dir ? `${dir}/${withCollisionSuffix(name, n)}` : withCollisionSuffix(name, n);
    if (!taken.get(pathKey(candidate))) return candidate;
  }
}
