import type { archiveContract } from '../../../shared/contract/archive';
import { templateProblems } from '../../../shared/archive/path-template';
import type { Handlers } from '../core/handlers';
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
import { auditArchive } from './health-check.service';
import { fileLocal, fileStream } from './filing.service';
import { documentFile } from './download.service';
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
  'archive.fileLocal': (ctx, input) => fileLocal(ctx, input),
  'archive.upload': (ctx, input) =>
    fileStream(ctx, ctx.upload.stream, {
      originalName: input.name,
      fields: input.fields,
      onDuplicate: input.onDuplicate,
      signal: ctx.upload.signal,
      expectedBytes: ctx.upload.declaredBytes,
    }),
  'archive.download': (ctx, input) => documentFile(ctx, input.id),
  'archive.list': (ctx, input) => listDocuments(ctx, input),
  'archive.folders': (ctx, input) => listFolders(ctx, input.folder),
  'archive.get': (ctx, input) => getDocument(ctx, input.id),
  'archive.update': (ctx, input) => updateDocument(ctx, input.id, input.fields),
  'archive.delete': (ctx, input) => trashDocument(ctx, input.id, input.reason),
  'archive.restore': (ctx, input) => restoreDocument(ctx, input.id),
  'archive.cleanup': (ctx) => cleanupProposals(ctx),
  'archive.purge': (ctx, input) => purgeDocuments(ctx, input.ids),
  'archive.audit': (ctx, input) => auditArchive(ctx, input.rehash, input.includeIgnored),
  'archive.fix': (ctx, input) => fixFinding(ctx, input),
};
