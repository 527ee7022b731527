import fs from 'node:fs';
import type { FileAnswer } from '../../../shared/contract/method';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { absInside } from './archive-fs';
import { getDocument } from './archive.service';
import { findDocument } from './documents.repository';
import { currentFile } from './refile';

/**
 * The stored file of a document the caller may see (archive.get's rule), for the transport to
 * stream (browser) or open (desktop). The path never leaves the server: dispatch answers this
 * method only to a transport that sends files.
 */
export function documentFile(ctx: CallContext, id: number): FileAnswer {
  getDocument(ctx, id);
  const doc = findDocument(ctx.sqlite, id)!;
  const abs = absInside(ctx.archiveRoot(), currentFile(doc));
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat?.isFile())
    throw new AppError(
      'not_found',
      { zh: '档案文件不在原处,请做一次档案体检。', en: 'The file is not where it was filed; run the archive check.' },
      { id },
    );
  return { path: abs, fileName: doc.original_name, size: stat.size, contentType: 'application/octet-stream' };
}
