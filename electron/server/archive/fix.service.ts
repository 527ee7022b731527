import fs from 'node:fs';
import type { FindingKind } from '../../../shared/contract/archive';
import { pathKey } from '../../../shared/archive/safe-path';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { absInside, hashFile } from './archive-fs';
import { withArchiveLock } from './archive-lock';
import { currentTemplate } from './archive-paths';
import { refileToTemplate, trashDocument } from './archive.service';
import { fileStream } from './filing.service';
import { findDocument } from './documents.repository';

type Fix = { fixed: boolean; zh: string; en: string };

/** The fix each finding offers (档案体检 → 处理). Each is audited; nothing is removed without a trace. */
export async function fixFinding(
  ctx: CallContext,
  f: { kind: FindingKind; relPath: string; documentId: number | null },
): Promise<Fix> {
  const root = ctx.archiveRoot();
  // A finding about a loose file names a file that is there now; a folder, or a path that is
  // gone (fixed already, or never a finding), is "no longer applies" — not an internal error.
  if (
    (f.kind === 'unrecorded' || f.kind === 'staging' || (f.kind === 'empty' && f.documentId === null)) &&
    !isFileNow(root, f.relPath)
  )
    notFixable();
  switch (f.kind) {
    case 'unrecorded': {
      // File it: the file is already inside the archive, so it is filed and the loose copy removed.
      const abs = absInside(root, f.relPath);
      const top = f.relPath.split('/')[0] ?? '';
      const kind = ctx.sqlite.prepare('SELECT id FROM doc_kinds WHERE parent_id IS NULL AND name = ?').get(top) as
        { id: number } | undefined;
      const result = await withArchiveLock(() =>
        fileStream(ctx, fs.createReadStream(abs), {
          originalName: f.relPath.split('/').pop()!,
          fields: { kindId: kind?.id ?? null, clientId: null, contractId: null },
          onDuplicate: 'skip',
        }),
      );
      fs.rmSync(abs);
      return result.outcome === 'filed'
        ? { fixed: true, zh: `已归档到 ${result.document.relPath}`, en: `Filed at ${result.document.relPath}` }
        : {
            fixed: true,
            zh: `同样内容已归档为 ${result.existing.relPath},多余的副本已删除`,
            en: `Already filed as ${result.existing.relPath}; the extra copy was removed`,
          };
    }
    case 'missing': {
      const doc = f.documentId === null ? undefined : findDocument(ctx.sqlite, f.documentId);
      if (!doc) return notFixable();
      const report = await import('./audit.service').then((m) => m.auditArchive(ctx, false));
      const candidate = report.findings.find((x) => x.kind === 'missing' && x.documentId === doc.id)?.candidatePath;
      if (!candidate)
        return {
          fixed: false,
          zh: '找不到同样内容的文件。请从备份恢复该文件,或将记录删除到回收站。',
          en: 'No file with the same content was found. Restore it from a backup, or move the record to the recycle area.',
        };
      // Relink by hash: the record follows the file, then the file goes back where the template puts it.
      await withArchiveLock(async () => {
        await ctx.db.transaction().execute(async (trx) => {
          ctx.sqlite
            .prepare('UPDATE documents SET rel_path = ?, path_key = ? WHERE id = ?')
            .run(candidate, pathKey(candidate), doc.id);
          await writeAudit(
            trx,
            ctx.actor,
            { action: 'archive.relink', entity: 'document', entityId: doc.id, before: doc.rel_path, after: candidate },
            ctx.now(),
          );
        });
        await refileToTemplate(ctx, doc.id, currentTemplate(ctx.sqlite));
      });
      return { fixed: true, zh: `已按内容重新关联:${candidate}`, en: `Relinked by content: ${candidate}` };
    }
    case 'modified': {
      const doc = f.documentId === null ? undefined : findDocument(ctx.sqlite, f.documentId);
      if (!doc) return notFixable();
      const abs = absInside(root, doc.rel_path);
      const sha = await hashFile(abs);
      const size = fs.statSync(abs).size;
      await ctx.db.transaction().execute(async (trx) => {
        ctx.sqlite.prepare('UPDATE documents SET sha256 = ?, size = ? WHERE id = ?').run(sha, size, doc.id);
        await writeAudit(
          trx,
          ctx.actor,
          {
            action: 'archive.acceptChange',
            entity: 'document',
            entityId: doc.id,
            before: { sha256: doc.sha256, size: doc.size },
            after: { sha256: sha, size },
          },
          ctx.now(),
        );
      });
      return {
        fixed: true,
        zh: '已确认文件的新内容并记录新校验值。',
        en: 'The new content was accepted and its checksum recorded.',
      };
    }
    case 'misplaced': {
      if (f.documentId === null) return notFixable();
      await withArchiveLock(() => refileToTemplate(ctx, f.documentId!, currentTemplate(ctx.sqlite)));
      return { fixed: true, zh: '已移动到模板规定的位置。', en: 'Moved to where the template puts it.' };
    }
    case 'empty':
      if (f.documentId !== null) {
        await trashDocument(ctx, f.documentId, '档案体检:空文件 / audit: empty file');
        return { fixed: true, zh: '空文件已移到回收站。', en: 'The empty file was moved to the recycle area.' };
      }
      fs.rmSync(absInside(root, f.relPath));
      await ctx.db
        .transaction()
        .execute((trx) =>
          writeAudit(trx, ctx.actor, { action: 'archive.removeEmpty', entity: 'file', entityId: f.relPath }, ctx.now()),
        );
      return { fixed: true, zh: '未登记的空文件已删除。', en: 'The unrecorded empty file was removed.' };
    case 'staging':
      fs.rmSync(absInside(root, f.relPath), { force: true });
      await ctx.db
        .transaction()
        .execute((trx) =>
          writeAudit(trx, ctx.actor, { action: 'archive.removeStaging', entity: 'file', entityId: f.relPath }, ctx.now()),
        );
      return { fixed: true, zh: '临时文件已删除。', en: 'The temporary file was removed.' };
    case 'unlinked':
      return {
        fixed: false,
        zh: '请在档案列表中编辑这份档案,选择分类和客户或合同。',
        en: 'Edit the document in the list and choose its kind and client or contract.',
      };
  }
}

function isFileNow(root: string, relPath: string): boolean {
  try {
    return fs.lstatSync(absInside(root, relPath)).isFile();
  } catch {
    return false;
  }
}

function notFixable(): never {
  throw new AppError('not_found', '这个问题已经不存在了,请重新体检。', 'This finding no longer applies; run the check again.');
}
