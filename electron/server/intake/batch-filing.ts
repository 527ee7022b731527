import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathKey, splitFileName } from '../../../shared/archive/safe-path';
import { absInside, moveWithin, STAGING_DIR } from '../archive/archive-fs';
import { currentTemplate, freePath, templatePath } from '../archive/archive-paths';
import { saveDocumentText } from '../archive/document-texts.repository';
import { findByHash, findDocument, loadKinds, writeDocumentSearch } from '../archive/documents.repository';
import { diskError } from '../archive/filing.service';
import { extractDocumentText } from '../archive/text/extract-text';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext } from '../core/context';
import { afterFiled } from '../ocr/text-jobs.runner';

export type BatchItem = { abs: string; originalName: string; clientId: number | null; kindId: number | null; docDate: string };
export type BatchOutcome =
  | { outcome: 'filed'; documentId: number; relPath: string }
  | { outcome: 'duplicate'; existingPath: string }
  | { outcome: 'failed'; error: unknown };

/** Copy into staging while hashing; not yet fsynced (the batch fsyncs all its copies together). */
function stageCopy(root: string, abs: string): { stagedRel: string; sha256: string; size: number } {
  const bytes = fs.readFileSync(abs);
  const stagedRel = `${STAGING_DIR}/${randomUUID()}`;
  fs.writeFileSync(path.join(root, stagedRel), bytes, { flag: 'wx' });
  return { stagedRel, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

/**
 * fsync every copy, several in flight at once: the file system commits concurrent fsyncs in
 * one journal commit, where one after another each waits for its own.
 */
async function fsyncAll(files: readonly string[], inFlight = 16): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const handle = await fs.promises.open(files[next++]!, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, files.length) }, worker));
}

/**
 * 归档 a batch of small files with the archive's own rules (same paths, text, search, OCR queue,
 * journal) but the durability work grouped: every copy is written, then all are fsynced, then
 * ONE transaction records the batch's journal and ONE records the documents and renames the
 * files. A crash leaves each file whole-or-absent exactly as single filing does: startup's
 * recovery finishes or undoes every journal row on its own. If a rename fails mid-batch, the
 * renames already made are undone before the transaction rolls back.
 */
export async function fileBatch(ctx: CallContext, items: readonly BatchItem[]): Promise<BatchOutcome[]> {
  const root = ctx.archiveRoot();
  fs.mkdirSync(path.join(root, STAGING_DIR), { recursive: true });
  const kinds = loadKinds(ctx.sqlite);
  const template = currentTemplate(ctx.sqlite);
  const clientName = new Map<number, string>();
  const nameOf = (id: number | null): string => {
    if (id === null) return '';
    if (!clientName.has(id))
      clientName.set(
        id,
        (ctx.sqlite.prepare('SELECT name FROM clients WHERE id = ?').pluck().get(id) as string | undefined) ?? '',
      );
    return clientName.get(id)!;
  };
  const out: BatchOutcome[] = new Array(items.length);
  type Staged = { i: number; stagedRel: string; sha256: string; size: number };
  const staged: Staged[] = [];
  const seen = new Map<string, number>();
  const twins: { i: number; of: number }[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const s = stageCopy(root, items[i]!.abs);
      const existing = findByHash(ctx.sqlite, s.sha256);
      const twin = seen.get(s.sha256);
      if (existing || twin !== undefined) {
        fs.rmSync(path.join(root, s.stagedRel), { force: true });
        if (existing) out[i] = { outcome: 'duplicate', existingPath: existing.rel_path };
        else twins.push({ i, of: twin! });
        continue;
      }
      seen.set(s.sha256, i);
      staged.push({ i, ...s });
    } catch (error) {
      out[i] = { outcome: 'failed', error: diskError(error) };
    }
  }
  const drop = (): void => staged.forEach((s) => fs.rmSync(path.join(root, s.stagedRel), { force: true }));
  try {
    await fsyncAll(staged.map((s) => path.join(root, s.stagedRel)));
    const texts = await Promise.all(
      staged.map((s) => extractDocumentText(absInside(root, s.stagedRel), splitFileName(items[s.i]!.originalName).ext)),
    );
    const at = ctx.now().toISOString();
    const by = ctx.actor?.code ?? 'system';
    // Paths chosen and journalled first (one commit), so startup knows what was under way.
    const planned = await ctx.db.transaction().execute(async () => {
      const taken = new Set<string>();
      return staged.map((s) => {
        const item = items[s.i]!;
        const { stem, ext } = splitFileName(item.originalName);
        const facts = {
          kindId: item.kindId,
          clientName: nameOf(item.clientId),
          contractNumber: '',
          docDate: item.docDate,
          title: stem,
          originalName: item.originalName,
          ext,
        };
        const wanted = templatePath(template, facts, kinds, root);
        let rel = freePath(ctx.sqlite, root, wanted, null);
        // Two of this batch wanting the same free name: the later one takes the next free suffix.
        for (let n = 2; taken.has(pathKey(rel)); n++) {
          const dot = wanted.lastIndexOf('.');
          const suffixed =
            dot > wanted.lastIndexOf('/') ? `${wanted.slice(0, dot)}(${n})${wanted.slice(dot)}` : `${wanted}(${n})`;
          rel = freePath(ctx.sqlite, root, suffixed, null);
        }
        taken.add(pathKey(rel));
        const journal = ctx.sqlite
          .prepare(`INSERT INTO archive_journal (op, from_path, to_path, created_at) VALUES ('file', ?, ?, ?)`)
          .run(s.stagedRel, rel, at).lastInsertRowid;
        return { ...s, rel, journal, facts, ext };
      });
    });
    const moved: { from: string; to: string }[] = [];
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const insert = ctx.sqlite.prepare(
          `INSERT INTO documents (kind_id, client_id, contract_id, doc_date, title, original_name, ext, size, sha256, rel_path, path_key, filed_by, filed_at)
           VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        for (let k = 0; k < planned.length; k++) {
          const p = planned[k]!;
          const item = items[p.i]!;
          const docId = Number(
            insert.run(
              item.kindId,
              item.clientId,
              item.docDate,
              p.facts.title,
              item.originalName,
              p.ext,
              p.size,
              p.sha256,
              p.rel,
              pathKey(p.rel),
              by,
              at,
            ).lastInsertRowid,
          );
          const { needsOcr, ...text } = texts[k]!;
          saveDocumentText(ctx.sqlite, docId, { ...text, source: 'file', confidence: null }, at, by);
          writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, docId)!);
          if (needsOcr) afterFiled(ctx, docId);
          await writeAudit(
            trx,
            ctx.actor,
            {
              action: 'archive.file',
              entity: 'document',
              entityId: docId,
              after: { rel: p.rel, clientId: item.clientId, kindId: item.kindId, docDate: item.docDate },
            },
            ctx.now(),
          );
          ctx.sqlite.prepare('DELETE FROM archive_journal WHERE id = ?').run(p.journal);
          moveWithin(root, p.stagedRel, p.rel);
          moved.push({ from: p.stagedRel, to: p.rel });
          out[p.i] = { outcome: 'filed', documentId: docId, relPath: p.rel };
        }
      });
    } catch (error) {
      // The rows rolled back: put every file already renamed back into staging, then drop it.
      for (const m of moved.reverse()) if (fs.existsSync(absInside(root, m.to))) moveWithin(root, m.to, m.from);
      await ctx.db.transaction().execute(async () => {
        for (const p of planned) ctx.sqlite.prepare('DELETE FROM archive_journal WHERE id = ?').run(p.journal);
      });
      throw error;
    }
  } catch (error) {
    drop();
    for (const s of staged) out[s.i] = { outcome: 'failed', error: diskError(error) };
  }
  // The same content twice in one batch: the second is a duplicate of wherever the first went.
  for (const t of twins) {
    const first = out[t.of]!;
    out[t.i] = first.outcome === 'filed' ? { outcome: 'duplicate', existingPath: first.relPath } : first;
  }
  return out;
}
