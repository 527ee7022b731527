import type { intakeContract } from '../../../shared/contract/intake';
import { withArchiveLock } from '../archive/archive-lock';
import type { Handlers } from '../core/handlers';
import { ruleRows } from './inbox.repository';
import { configureInbox, deleteRule, inboxView, saveRule } from './inbox.service';
import { fileInboxItem, retryInboxItem } from './inbox-filing.service';
import { scanInbox } from './inbox-scan.service';

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
