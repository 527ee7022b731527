import fs from 'node:fs';
import type { DocumentRow, DocumentSort, KindRow } from '../../../shared/contract/archive';
import { searchMatchExpression } from '../../../shared/clients/search-grams';
import { DEFAULT_TEMPLATE, templateProblems } from '../../../shared/archive/path-template';
import { todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import { writeSetting } from '../settings/settings.repository';
import { absInside, TRASH_DIR } from './archive-fs';
import { withArchiveLock } from './archive-lock';
import {
  currentTemplate,
  documentFacts,
  freePath,
  PENDING_TEMPLATE_SETTING,
  TEMPLATE_SETTING,
  templatePath,
} from './archive-paths';
import {
  DOCUMENT_SELECT,
  findDocument,
  TEXT_STATE_COLUMN,
  kindRows,
  loadKinds,
  toDocumentRow,
  writeDocumentSearch,
  type DocumentJoined,
} from './documents.repository';
import { canSeeDocument, scopeSql } from './document-scope';
import { folderRange } from './folders.service';
import { assertKindRenamable } from './kinds.service';
import { moveDocument } from './refile';

export const RETENTION_DAYS = 30;

export function docOrThrow(ctx: CallContext, id: number): DocumentJoined {
  const doc = findDocument(ctx.sqlite, id);
  if (!doc) throw notFound({ zh: '档案', en: 'Document' }, id);
  assertCanSeeDocument(ctx, doc);
  return doc;
}

/** A salesperson sees documents of their own clients and contracts, and what they filed. */
function assertCanSeeDocument(ctx: CallContext, doc: DocumentJoined): void {
  if (!canSeeDocument(ctx, doc.id)) throw notFound({ zh: '档案', en: 'Document' }, doc.id);
}

export function getDocument(ctx: CallContext, id: number): DocumentRow {
  return toDocumentRow(docOrThrow(ctx, id), loadKinds(ctx.sqlite));
}

export function listKinds(ctx: CallContext): KindRow[] {
  return kindRows(ctx.sqlite);
}

export async function saveKind(
  ctx: CallContext,
  k: { id?: number | undefined; parentId: number | null; name: string; autoPurge: boolean; draftMonths: number | null },
): Promise<KindRow[]> {
  await ctx.db.transaction().execute(async (trx) => {
    assertKindRenamable(ctx.sqlite, k);
    if (k.parentId !== null) {
      const parent = ctx.sqlite.prepare('SELECT parent_id FROM doc_kinds WHERE id = ?').get(k.parentId) as
        { parent_id: number | null } | undefined;
      if (!parent || parent.parent_id !== null)
        throw new AppError('invalid_input', {
          zh: '子目录只能建在母目录下。',
          en: 'A sub folder can only sit under a master folder.',
        });
    }
    try {
      if (k.id)
        ctx.sqlite
          .prepare('UPDATE doc_kinds SET parent_id = ?, name = ?, auto_purge = ?, draft_months = ? WHERE id = ?')
          .run(k.parentId, k.name, k.autoPurge ? 1 : 0, k.draftMonths, k.id);
      else
        ctx.sqlite
          .prepare('INSERT INTO doc_kinds (parent_id, name, sort, auto_purge, draft_months) VALUES (?, ?, 99, ?, ?)')
          .run(k.parentId, k.name, k.autoPurge ? 1 : 0, k.draftMonths);
    } catch {
      throw new AppError('conflict', { zh: `已有同名分类“${k.name}”。`, en: `A kind named “${k.name}” already exists there.` });
    }
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'archive.saveKind', entity: 'doc_kind', entityId: k.id ?? null, after: k },
      ctx.now(),
    );
  });
  return kindRows(ctx.sqlite);
}

export function listDocuments(
  ctx: CallContext,
  f: {
    kindId?: number | undefined;
    clientId?: number | undefined;
    contractId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    folder?: string | undefined;
    search: string;
    trash: boolean;
    sort?: DocumentSort | undefined;
    offset: number;
    limit: number;
  },
): { rows: DocumentRow[]; total: number } {
  const scope = scopeSql(ctx);
  const where = [scope.sql, f.trash ? 'd.deleted_at IS NOT NULL' : 'd.deleted_at IS NULL'];
  const params: (string | number)[] = [...scope.params];
  if (f.kindId !== undefined) {
    where.push('(d.kind_id = ? OR d.kind_id IN (SELECT id FROM doc_kinds WHERE parent_id = ?))');
    params.push(f.kindId, f.kindId);
  }
  if (f.clientId !== undefined) {
    where.push('(d.client_id = ? OR d.id IN (SELECT document_id FROM document_links WHERE client_id = ?))');
    params.push(f.clientId, f.clientId);
  }
  if (f.contractId !== undefined) {
    where.push('(d.contract_id = ? OR d.id IN (SELECT document_id FROM document_links WHERE contract_id = ?))');
    params.push(f.contractId, f.contractId);
  }
  if (f.from) {
    where.push('d.doc_date >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('d.doc_date <= ?');
    params.push(f.to);
  }
  if (f.folder) {
    const range = folderRange(f.folder);
    where.push('d.rel_path >= ? AND d.rel_path < ?');
    params.push(range.from, range.to);
  }
  const match = f.search ? searchMatchExpression(f.search) : null;
  const joins = 'LEFT JOIN clients c ON c.id = d.client_id LEFT JOIN contracts k ON k.id = d.contract_id';
  // A text search is driven by the full-text index, newest filed first (FTS5 walks its rowids
  // backwards, no sort): a common word like 合同 matching 30k documents still pages in a
  // millisecond. Without one, documents come by date.
  const from = match ? `document_search s JOIN documents d ON d.id = s.rowid ${joins}` : `documents d ${joins}`;
  if (match) {
    where.push('s.document_search MATCH ?');
    params.push(match);
  }
  const sql = where.join(' AND ');
  // The count joins clients and contracts only when a condition (a salesperson's scope) needs them.
  const countFrom = /\b[ck]\./.test(sql) ? from : from.replace(joins, '');
  const total = ctx.sqlite
    .prepare(`SELECT count(*) FROM ${countFrom} WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
  const rows = ctx.sqlite
    .prepare(
      `SELECT d.*, c.name AS client_name, k.number AS contract_number, ${TEXT_STATE_COLUMN} FROM ${from} WHERE ${sql}
        ORDER BY ${f.sort ? documentOrder(f.sort) : match ? 's.rowid DESC' : 'd.doc_date DESC, d.id DESC'} LIMIT ? OFFSET ?`,
    )
    .all(...params, f.limit, f.offset) as DocumentJoined[];
  const kinds = loadKinds(ctx.sqlite);
  return { rows: rows.map((r) => toDocumentRow(r, kinds)), total };
}

const DOCUMENT_ORDER: Record<string, string> = {
  date: 'd.doc_date',
  title: 'd.title',
  size: 'd.size',
  kind: 'd.kind_id',
  client: 'c.name',
};

/** ORDER BY for a column the person clicked; the id breaks ties so pages never repeat a row. */
function documentOrder(sort: DocumentSort): string {
  const desc = sort.startsWith('-');
  const dir = desc ? 'DESC' : 'ASC';
  return `${DOCUMENT_ORDER[desc ? sort.slice(1) : sort] ?? 'd.doc_date'} ${dir}, d.id ${dir}`;
}

/**
 * Edit a document's kind, links, date or title: only the fields named change (an absent field
 * keeps its value; null clears a link). Its words stay (the search row is rebuilt from the
 * stored text) and its file moves to where the template now puts it — nowhere, when the edit
 * changes nothing the path is made of.
 */
export function updateDocument(
  ctx: CallContext,
  id: number,
  patch: {
    kindId?: number | null | undefined;
    clientId?: number | null | undefined;
    contractId?: number | null | undefined;
    docDate?: string | undefined;
    title?: string | undefined;
  },
): Promise<DocumentRow> {
  return withArchiveLock(async () => {
    const doc = docOrThrow(ctx, id);
    if (doc.deleted_at)
      throw new AppError('conflict', { zh: '回收站中的档案请先恢复再修改。', en: 'Restore the document before editing it.' });
    const set = {
      kind_id: patch.kindId === undefined ? doc.kind_id : patch.kindId,
      client_id: patch.clientId === undefined ? doc.client_id : patch.clientId,
      contract_id: patch.contractId === undefined ? doc.contract_id : patch.contractId,
      doc_date: patch.docDate ?? doc.doc_date,
      title: patch.title?.trim() || doc.title,
    };
    assertLinksExist(ctx, set);
    await ctx.db.transaction().execute(async (trx) => {
      ctx.sqlite
        .prepare('UPDATE documents SET kind_id = ?, client_id = ?, contract_id = ?, doc_date = ?, title = ? WHERE id = ?')
        .run(set.kind_id, set.client_id, set.contract_id, set.doc_date, set.title, id);
      writeDocumentSearch(ctx.sqlite, findDocument(ctx.sqlite, id)!);
      await writeAudit(
        trx,
        ctx.actor,
        { action: 'archive.update', entity: 'document', entityId: id, before: doc, after: set },
        ctx.now(),
      );
    });
    await refileToTemplate(ctx, id, currentTemplate(ctx.sqlite));
    return toDocumentRow(findDocument(ctx.sqlite, id)!, loadKinds(ctx.sqlite));
  });
}

/**
 * A kind, client or contract that does not exist is bad input naming the field (as every write that
 * names a missing row answers), not a foreign-key crash.
 */
function assertLinksExist(
  ctx: CallContext,
  set: { kind_id: number | null; client_id: number | null; contract_id: number | null },
): void {
  const missing = (table: string, value: number | null): boolean =>
    value !== null && !ctx.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(value);
  if (missing('doc_kinds', set.kind_id))
    throw new AppError(
      'invalid_input',
      {
        zh: `档案分类(编号 ${set.kind_id})不存在,请重新选择。`,
        en: `Document kind #${set.kind_id} does not exist; choose another.`,
      },
      { field: 'kindId' },
    );
  if (missing('clients', set.client_id))
    throw new AppError(
      'invalid_input',
      { zh: `客户(编号 ${set.client_id})不存在,请重新选择。`, en: `Client #${set.client_id} does not exist; choose another.` },
      { field: 'clientId' },
    );
  if (missing('contracts', set.contract_id))
    throw new AppError(
      'invalid_input',
      {
        zh: `合同(编号 ${set.contract_id})不存在,请重新选择。`,
        en: `Contract #${set.contract_id} does not exist; choose another.`,
      },
      { field: 'contractId' },
    );
}

/** Move a document to where `template` puts it; returns whether it moved. */
export async function refileToTemplate(ctx: CallContext, id: number, template: string): Promise<boolean> {
  const doc = findDocument(ctx.sqlite, id)!;
  const root = ctx.archiveRoot();
  const wanted = templatePath(template, documentFacts(doc), loadKinds(ctx.sqlite), root);
  if (wanted === doc.rel_path) return false;
  const to = freePath(ctx.sqlite, root, wanted, id);
  if (to === doc.rel_path) return false;
  await moveDocument(ctx, id, doc.rel_path, to, { relPath: to });
  return true;
}

/**
 * A new path template: every document is re-filed one at a time under the archive lock. If one
 * move fails, the ones already moved go back and the old template stays.
 */
export function setTemplate(ctx: CallContext, template: string): Promise<{ template: string; moved: number; unchanged: number }> {
  const problems = templateProblems(template);
  if (problems.length)
    throw new AppError('invalid_input', { zh: problems.map((p) => p.zh).join(';'), en: problems.map((p) => p.en).join('; ') });
  return withArchiveLock(async () => {
    const before = currentTemplate(ctx.sqlite);
    await ctx.db.transaction().execute((trx) => writeSetting(trx, PENDING_TEMPLATE_SETTING, template));
    const ids = ctx.sqlite.prepare('SELECT id FROM documents WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
    const moved: { id: number; from: string }[] = [];
    try {
      for (const id of ids) {
        const from = findDocument(ctx.sqlite, id)!.rel_path;
        if (await refileToTemplate(ctx, id, template)) moved.push({ id, from });
      }
    } catch (error) {
      for (const m of moved.reverse()) {
        const now = findDocument(ctx.sqlite, m.id)!.rel_path;
        await moveDocument(ctx, m.id, now, m.from, { relPath: m.from });
      }
      await ctx.db
        .transaction()
        .execute(async () => ctx.sqlite.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_TEMPLATE_SETTING));
      throw error;
    }
    await ctx.db.transaction().execute(async (trx) => {
      await writeSetting(trx, TEMPLATE_SETTING, template);
      await trx.deleteFrom('settings').where('key', '=', PENDING_TEMPLATE_SETTING).execute();
      await writeAudit(
        trx,
        ctx.actor,
        { action: 'archive.setTemplate', entity: 'settings', before, after: { template, moved: moved.length } },
        ctx.now(),
      );
    });
    return { template, moved: moved.length, unchanged: ids.length - moved.length };
  });
}

export function templateExample(template: string): string {
  const kinds = new Map([
    [
      3,
      {
        master: '协议合同',
        sub: '建站合同',
        record: { id: 3, parent_id: 2, name: '建站合同', auto_purge: 0, draft_months: null, sort: 1 },
      },
    ],
  ]);
  return templatePath(
    template || DEFAULT_TEMPLATE,
    {
      kindId: 3,
      clientName: '深圳华联超市有限公司',
      contractNumber: 'HT-2026-0012',
      docDate: '2026-03-05',
      title: '年度建站合同',
      originalName: '扫描件001.pdf',
      ext: 'pdf',
    },
    kinds,
    'D:\\门店档案',
  );
}

/** 删除: to the recycle area (`.trash/` in the archive), never removed at once; audited. */
export function trashDocument(ctx: CallContext, id: number, reason: string): Promise<DocumentRow> {
  return withArchiveLock(() => trashDocumentLocked(ctx, id, reason));
}

/** trashDocument for a caller that already holds the archive lock. */
export async function trashDocumentLocked(ctx: CallContext, id: number, reason: string): Promise<DocumentRow> {
  const doc = docOrThrow(ctx, id);
  if (doc.deleted_at)
    throw new AppError('conflict', { zh: '该档案已在回收站中。', en: 'The document is already in the recycle area.' });
  const trash = `${TRASH_DIR}/${id}_${doc.rel_path.split('/').pop()}`;
  await moveDocument(ctx, id, doc.rel_path, trash, { trashPath: trash, deletedAt: ctx.now().toISOString() });
  await ctx.db
    .transaction()
    .execute((trx) =>
      writeAudit(
        trx,
        ctx.actor,
        { action: 'archive.delete', entity: 'document', entityId: id, before: doc, after: { reason } },
        ctx.now(),
      ),
    );
  return toDocumentRow(findDocument(ctx.sqlite, id)!, loadKinds(ctx.sqlite));
}

export function restoreDocument(ctx: CallContext, id: number): Promise<DocumentRow> {
  return withArchiveLock(async () => {
    const doc = docOrThrow(ctx, id);
    if (!doc.deleted_at)
      throw new AppError('conflict', { zh: '该档案不在回收站中。', en: 'The document is not in the recycle area.' });
    // A record whose file was already lost (档案体检 → 文件不见了 → 移到回收站) has nothing to put back.
    if (!doc.trash_path)
      throw new AppError('conflict', {
        zh: '这份档案的文件在移入回收站前就已不见,无法恢复;可从备份找回文件,或彻底删除这条记录。',
        en: "This document's file was already gone when it was moved to the recycle area, so it cannot be restored; recover the file from a backup, or purge the record.",
      });
    const to = freePath(ctx.sqlite, ctx.archiveRoot(), doc.rel_path, id);
    await moveDocument(ctx, id, doc.trash_path, to, { relPath: to, trashPath: null, deletedAt: null });
    await ctx.db
      .transaction()
      .execute((trx) =>
        writeAudit(trx, ctx.actor, { action: 'archive.restore', entity: 'document', entityId: id, after: { to } }, ctx.now()),
      );
    return toDocumentRow(findDocument(ctx.sqlite, id)!, loadKinds(ctx.sqlite));
  });
}

/**
 * 定期清理 proposals — nothing is removed here: trashed documents past the retention period of
 * kinds that allow it (contracts never), and drafts (稿件) older than their kind's months.
 */
export function cleanupProposals(ctx: CallContext): { purgeDue: DocumentRow[]; draftsOld: DocumentRow[]; retentionDays: number } {
  const cutoff = new Date(ctx.now().getTime() - RETENTION_DAYS * 86_400_000).toISOString();
  const kinds = loadKinds(ctx.sqlite);
  const purgeDue = ctx.sqlite
    .prepare(
      `${DOCUMENT_SELECT} WHERE d.deleted_at IS NOT NULL AND d.deleted_at < ? AND COALESCE((SELECT auto_purge FROM doc_kinds WHERE id = d.kind_id), 1) = 1 ORDER BY d.deleted_at`,
    )
    .all(cutoff) as DocumentJoined[];
  // The office's calendar day (doc_date is local), not UTC's.
  const today = todayLocal(ctx.now());
  const draftsOld = ctx.sqlite
    .prepare(
      `${DOCUMENT_SELECT} JOIN doc_kinds dk ON dk.id = d.kind_id
       WHERE d.deleted_at IS NULL AND dk.draft_months IS NOT NULL AND d.doc_date < date(?, '-' || dk.draft_months || ' months') ORDER BY d.doc_date`,
    )
    .all(today) as DocumentJoined[];
  return {
    purgeDue: purgeDue.map((d) => toDocumentRow(d, kinds)),
    draftsOld: draftsOld.map((d) => toDocumentRow(d, kinds)),
    retentionDays: RETENTION_DAYS,
  };
}

/** Remove trashed documents for good (owner only; each one audited). Contracts' kinds refuse. */
export function purgeDocuments(ctx: CallContext, ids: readonly number[]): Promise<{ purged: number }> {
  return withArchiveLock(async () => {
    const root = ctx.archiveRoot();
    let purged = 0;
    for (const id of ids) {
      const doc = docOrThrow(ctx, id);
      if (!doc.deleted_at)
        throw new AppError('conflict', {
          zh: `档案 ${doc.title} 不在回收站中,不能彻底删除。`,
          en: `Document ${doc.title} is not in the recycle area; it cannot be purged.`,
        });
      await ctx.db.transaction().execute(async (trx) => {
        ctx.sqlite.prepare('DELETE FROM document_search WHERE rowid = ?').run(id);
        ctx.sqlite.prepare('DELETE FROM document_links WHERE document_id = ?').run(id);
        ctx.sqlite.prepare('DELETE FROM documents WHERE id = ?').run(id);
        await writeAudit(trx, ctx.actor, { action: 'archive.purge', entity: 'document', entityId: id, before: doc }, ctx.now());
        // A record trashed after its file was lost has no trash file.
        if (doc.trash_path) fs.rmSync(absInside(root, doc.trash_path), { force: true });
      });
      purged++;
    }
    return { purged };
  });
}
