import type { InboxRuleRow, InboxView } from '../../../shared/contract/intake';
import { safeRegex, type MatchAlgorithm } from '../../../shared/intake/match';
import { loadKinds } from '../archive/documents.repository';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { writeSetting } from '../settings/settings.repository';
import { ruleRows, toItemView, type InboxItemRow } from './inbox.repository';
import {
  assertUsableFolder,
  folderProblem,
  INBOX_AUTOFILE_SETTING,
  INBOX_FOLDER_SETTING,
  readInboxSettings,
} from './inbox-settings';

export async function inboxView(ctx: CallContext): Promise<InboxView> {
  const { folder, autoFile } = await readInboxSettings(ctx);
  const kinds = loadKinds(ctx.sqlite);
  const waiting = ctx.sqlite.prepare(`SELECT * FROM inbox_items WHERE state <> 'filed' ORDER BY id`).all() as InboxItemRow[];
  const filed = ctx.sqlite
    .prepare(`SELECT * FROM inbox_items WHERE state = 'filed' ORDER BY updated_at DESC, id DESC LIMIT 20`)
    .all() as InboxItemRow[];
  return {
    folder,
    autoFile,
    folderProblem: folder ? folderProblem(folder) : null,
    waiting: waiting.map((r) => toItemView(ctx.sqlite, r, kinds)),
    filed: filed.map((r) => toItemView(ctx.sqlite, r, kinds)),
  };
}

export async function configureInbox(ctx: CallContext, input: { folder: string | null; autoFile: boolean }): Promise<InboxView> {
  const before = await readInboxSettings(ctx);
  const folder = input.folder === null ? null : assertUsableFolder(ctx, input.folder);
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, INBOX_FOLDER_SETTING, folder);
    await writeSetting(trx, INBOX_AUTOFILE_SETTING, input.autoFile);
    // Another folder: what waited in the old one is no longer ours to file.
    if (folder !== before.folder) ctx.sqlite.prepare(`DELETE FROM inbox_items WHERE state <> 'filed'`).run();
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'inbox.configure',
        entity: 'settings',
        entityId: INBOX_FOLDER_SETTING,
        before,
        after: { folder, autoFile: input.autoFile },
      },
      ctx.now(),
    );
  });
  return inboxView(ctx);
}

function assertRule(
  ctx: CallContext,
  input: { kindId: number; algorithm: MatchAlgorithm; match: string; caseInsensitive: boolean },
): void {
  if (!ctx.sqlite.prepare('SELECT 1 FROM doc_kinds WHERE id = ?').get(input.kindId))
    throw new AppError('not_found', {
      zh: `档案分类(编号 ${input.kindId})不存在。`,
      en: `Document kind #${input.kindId} does not exist.`,
    });
  if (input.algorithm === 'regex' && !safeRegex(input.match, input.caseInsensitive))
    throw new AppError('invalid_input', {
      zh: `正则表达式 “${input.match}” 写法有误。请检查括号和转义。`,
      en: `The regular expression “${input.match}” is not valid. Check its brackets and escapes.`,
    });
}

export async function saveRule(
  ctx: CallContext,
  input: {
    id?: number | undefined;
    kindId: number;
    algorithm: MatchAlgorithm;
    match: string;
    caseInsensitive: boolean;
    sort?: number | undefined;
  },
): Promise<InboxRuleRow[]> {
  assertRule(ctx, input);
  await ctx.db.transaction().execute(async (trx) => {
    const sort =
      input.sort ?? (ctx.sqlite.prepare('SELECT COALESCE(MAX(sort), 0) + 1 FROM inbox_rules').pluck().get() as number) ?? 1;
    if (input.id !== undefined) {
      const changed = ctx.sqlite
        .prepare('UPDATE inbox_rules SET kind_id = ?, algorithm = ?, match = ?, case_insensitive = ?, sort = ? WHERE id = ?')
        .run(input.kindId, input.algorithm, input.match, input.caseInsensitive ? 1 : 0, sort, input.id).changes;
      if (!changed)
        throw new AppError('not_found', { zh: `规则(编号 ${input.id})不存在。`, en: `Rule #${input.id} does not exist.` });
    } else
      ctx.sqlite
        .prepare('INSERT INTO inbox_rules (kind_id, algorithm, match, case_insensitive, sort) VALUES (?, ?, ?, ?, ?)')
        .run(input.kindId, input.algorithm, input.match, input.caseInsensitive ? 1 : 0, sort);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'inbox.saveRule', entity: 'inbox_rule', entityId: input.id ?? null, after: input },
      ctx.now(),
    );
  });
  return ruleRows(ctx.sqlite);
}

export async function deleteRule(ctx: CallContext, id: number): Promise<InboxRuleRow[]> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!ctx.sqlite.prepare('DELETE FROM inbox_rules WHERE id = ?').run(id).changes)
      throw new AppError('not_found', { zh: `规则(编号 ${id})不存在。`, en: `Rule #${id} does not exist.` });
    await writeAudit(trx, ctx.actor, { action: 'inbox.deleteRule', entity: 'inbox_rule', entityId: id }, ctx.now());
  });
  return ruleRows(ctx.sqlite);
}
