import fs from 'node:fs';
import { pathKey } from '../../../shared/archive/safe-path';
import type { CallContext, OfficeContext } from '../core/context';
import path from 'node:path';
import { absInside, moveWithin, relDirOf, removeEmptyDirs, STAGING_DIR } from './archive-fs';
import {
  documentFacts,
  freePath,
  isWhereTemplateSays,
  PENDING_TEMPLATE_SETTING,
  TEMPLATE_SETTING,
  templatePath,
} from './archive-paths';
import { DOCUMENT_SELECT, loadKinds, type DocumentJoined } from './documents.repository';

/**
 * Move one document's file within the archive and record it, crash-safe: a journal row is
 * committed first; the row update and the rename share one transaction (rename last); empty
 * folders left behind are removed.
 */
export async function moveDocument(
  ctx: CallContext,
  docId: number,
  from: string,
  to: string,
  set: { relPath?: string; trashPath?: string | null; deletedAt?: string | null },
): Promise<void> {
  const root = ctx.archiveRoot();
  const journal = await ctx.db
    .transaction()
    .execute(
      async () =>
        ctx.sqlite
          .prepare(`INSERT INTO archive_journal (op, document_id, from_path, to_path, created_at) VALUES ('move', ?, ?, ?, ?)`)
          .run(docId, from, to, ctx.now().toISOString()).lastInsertRowid,
    );
  await ctx.db.transaction().execute(async () => {
    if (set.relPath !== undefined)
      ctx.sqlite
        .prepare('UPDATE documents SET rel_path = ?, path_key = ? WHERE id = ?')
        .run(set.relPath, pathKey(set.relPath), docId);
    if (set.trashPath !== undefined)
      ctx.sqlite.prepare('UPDATE documents SET trash_path = ? WHERE id = ?').run(set.trashPath, docId);
    if (set.deletedAt !== undefined)
      ctx.sqlite.prepare('UPDATE documents SET deleted_at = ? WHERE id = ?').run(set.deletedAt, docId);
    ctx.sqlite.prepare('DELETE FROM archive_journal WHERE id = ?').run(journal);
    moveWithin(root, from, to);
  });
  removeEmptyDirs(root, relDirOf(from));
}

/** Where a document's file is now: its trash path when trashed, else its path. */
export function currentFile(doc: { rel_path: string; trash_path: string | null; deleted_at: string | null }): string {
  return doc.deleted_at && doc.trash_path ? doc.trash_path : doc.rel_path;
}

/**
 * Startup: finish or undo whatever a crash interrupted. A filing whose row exists is finished
 * (the staged file renamed into place if needed); one whose row does not exist is undone (the
 * copy removed — the source was never touched). A move is settled to wherever the row says.
 */
export function recoverArchive(ctx: OfficeContext): number {
  const rows = ctx.sqlite.prepare('SELECT * FROM archive_journal ORDER BY id').all() as {
    id: number;
    op: string;
    document_id: number | null;
    from_path: string;
    to_path: string;
  }[];
  const root = ctx.archiveRoot();
  removeUnjournaledStaging(root, new Set(rows.map((r) => r.from_path)));
  finishPendingTemplate(ctx);
  if (rows.length === 0) return 0;
  const exists = (rel: string): boolean => fs.existsSync(absInside(root, rel));
  for (const j of rows) {
    if (j.op === 'file') {
      const recorded = ctx.sqlite.prepare('SELECT 1 FROM documents WHERE rel_path = ?').get(j.to_path) !== undefined;
      if (recorded && !exists(j.to_path) && exists(j.from_path)) moveWithin(root, j.from_path, j.to_path);
      if (!recorded) {
        if (exists(j.to_path) && exists(j.from_path)) fs.rmSync(absInside(root, j.to_path));
        else if (exists(j.to_path)) moveWithin(root, j.to_path, j.from_path);
        fs.rmSync(absInside(root, j.from_path), { force: true });
      }
    } else {
      const doc = ctx.sqlite.prepare('SELECT rel_path, trash_path, deleted_at FROM documents WHERE id = ?').get(j.document_id) as
        { rel_path: string; trash_path: string | null; deleted_at: string | null } | undefined;
      if (doc) {
        const want = currentFile(doc);
        const other = want === j.to_path ? j.from_path : j.to_path;
        if (!exists(want) && exists(other)) moveWithin(root, other, want);
      }
    }
    ctx.sqlite.prepare('DELETE FROM archive_journal WHERE id = ?').run(j.id);
  }
  return rows.length;
}

export function fileExists(ctx: OfficeContext, rel: string): boolean {
  return fs.existsSync(absInside(ctx.archiveRoot(), rel));
}

/** A copy into staging that never reached the journal was interrupted before anything was recorded. */
function removeUnjournaledStaging(root: string, journaled: ReadonlySet<string>): void {
  const dir = path.join(root, STAGING_DIR);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir))
    if (!journaled.has(`${STAGING_DIR}/${name}`)) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * A template change a crash interrupted: the new template was recorded as pending before the
 * first move, so startup finishes moving every document to it, then makes it current.
 */
function finishPendingTemplate(ctx: OfficeContext): void {
  const pending = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(PENDING_TEMPLATE_SETTING) as
    { value: string } | undefined;
  if (!pending) return;
  const template = JSON.parse(pending.value) as string;
  const root = ctx.archiveRoot();
  const kinds = loadKinds(ctx.sqlite);
  const docs = ctx.sqlite.prepare(`${DOCUMENT_SELECT} WHERE d.deleted_at IS NULL ORDER BY d.id`).all() as DocumentJoined[];
  for (const doc of docs) {
    const wanted = templatePath(template, documentFacts(doc), kinds, root);
    if (isWhereTemplateSays(doc.rel_path, wanted)) continue;
    const to = freePath(ctx.sqlite, root, wanted, doc.id);
    ctx.sqlite.transaction(() => {
      ctx.sqlite.prepare('UPDATE documents SET rel_path = ?, path_key = ? WHERE id = ?').run(to, pathKey(to), doc.id);
      moveWithin(root, doc.rel_path, to);
    }).immediate();
    removeEmptyDirs(root, relDirOf(doc.rel_path));
  }
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)`)
      .run(TEMPLATE_SETTING, JSON.stringify(template));
    ctx.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_TEMPLATE_SETTING);
  }).immediate();
}
