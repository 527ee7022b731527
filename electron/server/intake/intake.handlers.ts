import type { intakeContract, oldFoldersContract } from '../../../shared/contract/intake';
import { withArchiveLock } from '../archive/archive-lock';
import type { Handlers } from '../core/handlers';
import { ruleRows } from './inbox.repository';
import { configureInbox, deleteRule, inboxView, saveRule } from './inbox.service';
import { fileInboxItem, retryInboxItem } from './inbox-filing.service';
import { scanInbox } from './inbox-scan.service';
import { cancelOldFolder, oldFolderStatus, startOldFolderImport } from './old-folders.job';
import { assertOldRoot, proposeOldFolder } from './old-folders.propose';

export const intakeHandlers: Handlers<typeof intakeContract> = {
  'inbox.list': (ctx) => inboxView(ctx),
  'inbox.configure': (ctx, input) => configureInbox(ctx, input),
  'inbox.scan': (ctx) => scanInbox(ctx),
  'inbox.file': (ctx, input) => withArchiveLock(() => fileInboxItem(ctx, input.id, input.fields)),
  'inbox.retry': (ctx, input) => retryInboxItem(ctx, input.id),
  'inbox.rules': (ctx) => ruleRows(ctx.sqlite),
  'inbox.saveRule': (ctx, input) => saveRule(ctx, input),
  'inbox.deleteRule': (ctx, input) => deleteRule(ctx, input.id),
};

export const oldFoldersHandlers: Handlers<typeof oldFoldersContract> = {
  'intake.preview': (ctx, input) => proposeOldFolder(ctx, assertOldRoot(ctx, input.root)).preview,
  'intake.import': (ctx, input) => startOldFolderImport(ctx, input),
  'intake.status': (ctx) => oldFolderStatus(ctx),
  'intake.cancel': (ctx) => cancelOldFolder(ctx),
};
