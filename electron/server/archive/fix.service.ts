import fs from 'node:fs';
import { MANAGER_FIX_ACTIONS, type DocFields, type FindingKind, type FixAction } from '../../../shared/contract/archive';
import { pathKey } from '../../../shared/archive/safe-path';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { absInside, hashFile } from './archive-fs';
import { withArchiveLock } from './archive-lock';
import { currentTemplate } from './archive-paths';
import { refileToTemplate, trashDocumentLocked, updateDocument } from './archive.service';
import { findDocument } from './documents.repository';
import { findingsAt, type PathNow } from './finding-now';
import { DEFAULT_ACTION } from './findings';
import { fingerprintOf, forgetIgnored, rememberIgnored } from './ignored-findings.repository';
import { kindOfFolder, takeLooseFile } from './loose-file';

type Fix = { fixed: boolean; zh: string; en: string };
export type FixInput = {
  kind: FindingKind;
  relPath: string;
  documentId: number | null;
  action?: FixAction | undefined;
  fields?: DocFields | undefined;
};

const ACTION_NAMES: Record<FixAction, { zh: string; en: string }> = {
  file: { zh: '归档到此', en: 'file it' },
  trash: { zh: '移到回收站', en: 'move to trash' },
  relink: { zh: '重新关联', en: 'relink' },
  refile: { zh: '移到规定位置', en: 'move into place' },
  accept: { zh: '确认新内容', en: 'accept the new content' },
  ignore: { zh: '忽略', en: 'ignore' },
  unignore: { zh: '恢复提示', en: 'report again' },
};

/**
 * 档案体检 → 处理, one chosen action on one finding. The finding is looked at afresh under the
 * archive lock: a fix acts only on what the audit would report for that path now, so a stale or
 * forged finding (a filed contract's path sent as "staging") touches nothing. Whatever is removed
 * goes to the recycle area; accepting changed content and ignoring are for managers and the owner.
 */
export async function fixFinding(ctx: CallContext, input: FixInput): Promise<Fix> {
  const action = input.action ?? DEFAULT_ACTION[input.kind];
  if (!action)
    throw new AppError('invalid_input', {
      zh: '请选择处理方式:归档到此、移到回收站,或忽略。',
      en: 'Choose what to do: file it here, move it to the trash, or ignore it.',
    });
  if (MANAGER_FIX_ACTIONS.includes(action) && ctx.actor?.role !== 'owner' && ctx.actor?.role !== 'manager')
    throw new AppError(
      'forbidden',
      {
        zh: `"${ACTION_NAMES[action].zh}"需由经理或店长决定。`,
        en: `Only a manager or the owner may ${ACTION_NAMES[action].en}.`,
      },
      { action },
    );
  if (action === 'unignore') return unignore(ctx, input);
  if (input.kind === 'unlinked' && action === 'file') return completeRecord(ctx, input);
  return withArchiveLock(async () => {
    const now = await currentFinding(ctx, input, action);
    return apply(ctx, input, action, now);
  });
}

/** The finding as the audit sees it now, offering `action` — or a clear refusal. */
async function currentFinding(ctx: CallContext, input: FixInput, action: FixAction): Promise<PathNow> {
  const now = await findingsAt(ctx, input.relPath, input.kind === 'modified');
  const f = now.findings.find((x) => x.kind === input.kind && x.documentId === input.documentId);
  if (!f) throw notFixable();
  if (!f.actions.includes(action))
    throw new AppError('invalid_input', {
      zh: `这个问题不能"${ACTION_NAMES[action].zh}",可选:${f.actions.map((a) => ACTION_NAMES[a].zh).join('、')}。`,
      en: `This finding cannot be fixed by "${ACTION_NAMES[action].en}"; choose: ${f.actions.map((a) => ACTION_NAMES[a].en).join(', ')}.`,
    });
  return now;
}

async function apply(ctx: CallContext, input: FixInput, action: FixAction, now: PathNow): Promise<Fix> {
  const f = now.findings.find((x) => x.kind === input.kind && x.documentId === input.documentId)!;
  switch (action) {
    case 'file': {
      const doc = await takeLooseFile(ctx, now.rel, {
        to: 'filed',
        fields: input.fields ?? { kindId: kindOfFolder(ctx, now.rel), clientId: null, contractId: null },
      });
      return { fixed: true, zh: `已归档到 ${doc.relPath}`, en: `Filed at ${doc.relPath}` };
    }
    case 'trash': {
      if (now.doc && !now.file) {
        await trashLostRecord(ctx, now.doc.id, `档案体检:${f.zh} / audit: ${f.en}`);
        return {
          fixed: true,
          zh: '记录已移到回收站(文件早已不见,没有可移动的文件)。',
          en: 'The record was moved to the recycle area (its file was already gone; there was no file to move).',
        };
      }
      if (now.doc) {
        await trashDocumentLocked(ctx, now.doc.id, `档案体检:${f.zh} / audit: ${f.en}`);
        return {
          fixed: true,
          zh: '已移到回收站,可在"回收站"中恢复。',
          en: 'Moved to the recycle area; it can be restored from there.',
        };
      }
      await takeLooseFile(ctx, now.rel, { to: 'trash', reason: `档案体检:${f.zh} / audit: ${f.en}` });
      return {
        fixed: true,
        zh: '文件已移到回收站,可在"回收站"中恢复。',
        en: 'The file was moved to the recycle area; it can be restored from there.',
      };
    }
    case 'relink':
      return relink(ctx, now.doc!.id, f.candidatePath!);
    case 'refile':
      await refileToTemplate(ctx, now.doc!.id, currentTemplate(ctx.sqlite));
      return { fixed: true, zh: '已移动到模板规定的位置。', en: 'Moved to where the template puts it.' };
    case 'accept':
      return accept(ctx, now.doc!.id);
    case 'ignore':
      await ctx.db.transaction().execute(async (trx) => {
        rememberIgnored(ctx.sqlite, f, fingerprintOf(now.file, now.doc), ctx.actor, ctx.now());
        await writeAudit(
          trx,
          ctx.actor,
          { action: 'archive.ignoreFinding', entity: 'file', entityId: f.relPath, after: { kind: f.kind } },
          ctx.now(),
        );
      });
      return {
        fixed: true,
        zh: '已忽略;文件或记录有变化时会再次提示。',
        en: 'Ignored; it is reported again if the file or its record changes.',
      };
    default:
      throw notFixable();
  }
}

/** A record whose file is lost goes to the recycle area on its own: deleted, with no trash file (purge removes it). */
async function trashLostRecord(ctx: CallContext, id: number, reason: string): Promise<void> {
  const doc = findDocument(ctx.sqlite, id)!;
  await ctx.db.transaction().execute(async (trx) => {
    ctx.sqlite.prepare('UPDATE documents SET deleted_at = ?, trash_path = NULL WHERE id = ?').run(ctx.now().toISOString(), id);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'archive.delete', entity: 'document', entityId: id, before: doc, after: { reason, fileLost: true } },
      ctx.now(),
    );
  });
}

/** A missing record follows its file, found elsewhere by content; then the file goes where the template puts it. */
async function relink(ctx: CallContext, id: number, candidate: string): Promise<Fix> {
  const doc = findDocument(ctx.sqlite, id)!;
  await ctx.db.transaction().execute(async (trx) => {
    ctx.sqlite.prepare('UPDATE documents SET rel_path = ?, path_key = ? WHERE id = ?').run(candidate, pathKey(candidate), id);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'archive.relink', entity: 'document', entityId: id, before: doc.rel_path, after: candidate },
      ctx.now(),
    );
  });
  await refileToTemplate(ctx, id, currentTemplate(ctx.sqlite));
  return { fixed: true, zh: `已按内容重新关联:${candidate}`, en: `Relinked by content: ${candidate}` };
}

/** The file's new content becomes the recorded one (its checksum and size). */
async function accept(ctx: CallContext, id: number): Promise<Fix> {
  const doc = findDocument(ctx.sqlite, id)!;
  const abs = absInside(ctx.archiveRoot(), doc.rel_path);
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
  return { fixed: true, zh: '已确认文件的新内容并记录新校验值。', en: 'The new content was accepted and its checksum recorded.' };
}

/** An unlinked record gets its kind/client/contract/date (archive.update's rules; the file moves with it). */
async function completeRecord(ctx: CallContext, input: FixInput): Promise<Fix> {
  if (!input.fields || (input.fields.kindId === null && input.fields.clientId === null && input.fields.contractId === null))
    throw new AppError('invalid_input', {
      zh: '请至少选择分类、客户或合同之一。',
      en: 'Choose at least a kind, a client or a contract.',
    });
  const id = await withArchiveLock(async () => (await currentFinding(ctx, input, 'file')).doc!.id);
  const doc = await updateDocument(ctx, id, input.fields);
  return { fixed: true, zh: `已补充档案信息:${doc.relPath}`, en: `The document's details were completed: ${doc.relPath}` };
}

async function unignore(ctx: CallContext, input: FixInput): Promise<Fix> {
  const forgotten = await ctx.db.transaction().execute(async (trx) => {
    const gone = forgetIgnored(ctx.sqlite, input.kind, input.relPath);
    if (gone)
      await writeAudit(
        trx,
        ctx.actor,
        { action: 'archive.unignoreFinding', entity: 'file', entityId: input.relPath, after: { kind: input.kind } },
        ctx.now(),
      );
    return gone;
  });
  if (!forgotten) throw notFixable();
  return { fixed: true, zh: '已恢复提示。', en: 'It will be reported again.' };
}

function notFixable(): never {
  throw new AppError('not_found', {
    zh: '这个问题现在已经不存在了(或不属于这个文件),没有做任何改动。请重新体检。',
    en: 'This finding does not apply to that file now; nothing was changed. Run the check again.',
  });
}
