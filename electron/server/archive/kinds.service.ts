import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { DocKindsTable } from '../db/schema';
import type { KindRow } from '../../../shared/contract/archive';
import { writeAudit } from '../audit/audit.repository';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import { kindRows } from './documents.repository';

type KindRecord = Pick<Selectable<DocKindsTable>, 'id' | 'parent_id' | 'name'>;

function kindOrThrow(sqlite: BetterSqlite3.Database, id: number): KindRecord {
  const kind = sqlite.prepare('SELECT id, parent_id, name FROM doc_kinds WHERE id = ?').get(id) as KindRecord | undefined;
  if (!kind) throw notFound({ zh: '档案分类', en: 'Document kind' }, id);
  return kind;
}

/** Documents filed under the kind or any of its sub folders, the recycle area included. */
function documentsUnder(sqlite: BetterSqlite3.Database, id: number): number {
  return sqlite
    .prepare('SELECT count(*) FROM documents WHERE kind_id = ? OR kind_id IN (SELECT id FROM doc_kinds WHERE parent_id = ?)')
    .pluck()
    .get(id, id) as number;
}

/**
 * A kind's name (or its place under another master folder) is part of every file path filed
 * under it, so it changes only while no document is filed there — otherwise the folder on disk
 * and the name in the app would disagree. Its cleanup settings can change at any time.
 */
export function assertKindRenamable(
  sqlite: BetterSqlite3.Database,
  k: { id?: number | undefined; parentId: number | null; name: string },
): void {
  if (!k.id) return;
  const before = kindOrThrow(sqlite, k.id);
  if (before.name === k.name && before.parent_id === k.parentId) return;
  if (k.parentId === k.id)
    throw new AppError('invalid_input', { zh: '分类不能放在自己下面。', en: 'A kind cannot sit under itself.' });
  const hasChildren = sqlite.prepare('SELECT 1 FROM doc_kinds WHERE parent_id = ?').get(k.id) !== undefined;
  if (hasChildren && k.parentId !== null)
    throw new AppError('invalid_input', {
      zh: `“${before.name}”下面还有子目录,不能把它改成子目录。`,
      en: `“${before.name}” has sub folders, so it cannot become a sub folder itself.`,
    });
  const n = documentsUnder(sqlite, k.id);
  if (n > 0)
    throw new AppError('conflict', {
      zh: `“${before.name}”下已有 ${n} 份档案,改名或移动会让文件夹和记录对不上。可以新建一个分类,把档案改到新分类后再删除这个。`,
      en: `${n} documents are filed under “${before.name}”; renaming or moving it would split the folders from the records. Add a new kind, move the documents to it, then delete this one.`,
    });
}

/** 删除分类: only an empty kind (no documents, trashed ones included, and no sub folders). */
export async function deleteKind(ctx: CallContext, id: number): Promise<KindRow[]> {
  await ctx.db.transaction().execute(async (trx) => {
    const kind = kindOrThrow(ctx.sqlite, id);
    const children = ctx.sqlite.prepare('SELECT count(*) FROM doc_kinds WHERE parent_id = ?').pluck().get(id) as number;
    if (children > 0)
      throw new AppError('conflict', {
        zh: `“${kind.name}”下面还有 ${children} 个子目录,请先删除子目录。`,
        en: `“${kind.name}” still has ${children} sub folders; delete those first.`,
      });
    const n = documentsUnder(ctx.sqlite, id);
    if (n > 0)
      throw new AppError('conflict', {
        zh: `“${kind.name}”下还有 ${n} 份档案(含回收站),不能删除。请先把这些档案改到其他分类。`,
        en: `${n} documents (the recycle area included) are filed under “${kind.name}”; move them to another kind first.`,
      });
    ctx.sqlite.prepare('DELETE FROM doc_kinds WHERE id = ?').run(id);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'archive.deleteKind', entity: 'doc_kind', entityId: id, before: { name: kind.name, parentId: kind.parent_id } },
      ctx.now(),
    );
  });
  return kindRows(ctx.sqlite);
}
