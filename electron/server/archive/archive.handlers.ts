import type { archiveContract } from '../../../shared/contract/archive';
import { templateProblems } from '../../../shared/archive/path-template';
import type { Handlers } from '../core/handlers';
import { withArchiveLock } from './archive-lock';
import { currentTemplate } from './archive-paths';
import {
  cleanupProposals,
  getDocument,
  listDocuments,
  listKinds,
  purgeDocuments,
  restoreDocument,
  saveKind,
  setTemplate,
  templateExample,
  trashDocument,
  updateDocument,
} from './archive.service';
import { auditArchive } from './audit.service';
import { fileLocal } from './filing.service';
import { listFolders } from './folders.service';
import { deleteKind } from './kinds.service';
import { fixFinding } from './fix.service';

export const archiveHandlers: Handlers<typeof archiveContract> = {
  'archive.kinds': (ctx) => listKinds(ctx),
  'archive.saveKind': (ctx, input) => saveKind(ctx, input),
  'archive.deleteKind': (ctx, input) => deleteKind(ctx, input.id),
  'archive.template': (ctx) => {
    const template = currentTemplate(ctx.sqlite);
    return { template, example: templateExample(template) };
  },
  'archive.previewTemplate': (_ctx, input) => {
    const problems = templateProblems(input.template);
    return { example: problems.length ? '' : templateExample(input.template), problems };
  },
  'archive.setTemplate': (ctx, input) => setTemplate(ctx, input.template),
  'archive.fileLocal': (ctx, input) => withArchiveLock(() => fileLocal(ctx, input)),
  'archive.list': (ctx, input) => listDocuments(ctx, input),
  'archive.folders': (ctx, input) => listFolders(ctx, input.folder),
  'archive.get': (ctx, input) => getDocument(ctx, input.id),
  'archive.update': (ctx, input) => updateDocument(ctx, input.id, input.fields),
  'archive.delete': (ctx, input) => trashDocument(ctx, input.id, input.reason),
  'archive.restore': (ctx, input) => restoreDocument(ctx, input.id),
  'archive.cleanup': (ctx) => cleanupProposals(ctx),
  'archive.purge': (ctx, input) => purgeDocuments(ctx, input.ids),
  'archive.audit': (ctx, input) => auditArchive(ctx, input.rehash),
  'archive.fix': (ctx, input) => fixFinding(ctx, input),
};
