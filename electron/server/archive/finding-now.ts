import fs from 'node:fs';
import type { AuditFinding } from '../../../shared/contract/archive';
import { pathKey } from '../../../shared/archive/safe-path';
import type { CallContext } from '../core/context';
import { absInside, hashFile, STAGING_DIR, TRASH_DIR } from './archive-fs';
import { currentTemplate } from './archive-paths';
import { candidateFor, fileFindings, recordFindings, stagingInUse, walkArchive, type FoundFile } from './health-check.service';
import { DOCUMENT_SELECT, loadKinds, type DocumentJoined } from './documents.repository';
import { finding } from './findings';

export type PathNow = {
  /** The path as the audit writes it ('/' separated, no empty parts). */
  rel: string;
  file: FoundFile | undefined;
  /** The recorded (not trashed) document at this path, if any. */
  doc: DocumentJoined | undefined;
  findings: AuditFinding[];
};

/**
 * What the audit would report for one path right now, looked at afresh — the only findings a
 * fix may act on. `rehash` compares content as well as size (accepting a change needs it). A path
 * outside the archive, through a link, or in the recycle area has no findings.
 */
export async function findingsAt(ctx: CallContext, relPath: string, rehash: boolean): Promise<PathNow> {
  const root = ctx.archiveRoot();
  const abs = absInside(root, relPath);
  const rel = relPath.split(/[\\/]/).filter(Boolean).join('/');
  const stat = fs.lstatSync(abs, { throwIfNoEntry: false });
  const file: FoundFile | undefined = stat?.isFile() ? { rel, size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  const none = (doc?: DocumentJoined): PathNow => ({ rel, file, doc, findings: [] });
  const top = rel.split('/')[0];
  if (top === TRASH_DIR) return none();
  if (top === STAGING_DIR)
    return file && !stagingInUse(ctx, rel) ? { rel, file, doc: undefined, findings: [finding('staging', rel, null)] } : none();
  const doc = ctx.sqlite.prepare(`${DOCUMENT_SELECT} WHERE d.path_key = ? AND d.deleted_at IS NULL`).get(pathKey(rel)) as
    DocumentJoined | undefined;
  if (doc) {
    if (!file) {
      const loose = walkArchive(root).filter((f) => !f.rel.startsWith(`${STAGING_DIR}/`) && !isRecorded(ctx, f.rel));
      return { rel, file, doc, findings: [finding('missing', doc.rel_path, doc.id, await candidateFor(root, doc, loose))] };
    }
    const findings = [
      ...(await fileFindings(root, file, doc, rehash)),
      ...recordFindings(doc, currentTemplate(ctx.sqlite), loadKinds(ctx.sqlite), root),
    ];
    return { rel, file, doc, findings };
  }
  if (!file) return none();
  // The moved-by-hand file of a record whose own file is missing is that record's file, not a loose one.
  if (await isMissingRecordsFile(ctx, root, rel, file)) return none();
  return { rel, file, doc: undefined, findings: [finding(file.size === 0 ? 'empty' : 'unrecorded', rel, null)] };
}

function isRecorded(ctx: CallContext, rel: string): boolean {
  return ctx.sqlite.prepare('SELECT 1 FROM documents WHERE path_key = ? AND deleted_at IS NULL').get(pathKey(rel)) !== undefined;
}

async function isMissingRecordsFile(ctx: CallContext, root: string, rel: string, file: FoundFile): Promise<boolean> {
  const sameSize = ctx.sqlite
    .prepare('SELECT rel_path, sha256 FROM documents WHERE size = ? AND deleted_at IS NULL')
    .all(file.size) as { rel_path: string; sha256: string }[];
  const missing = sameSize.filter((d) => !fs.existsSync(absInside(root, d.rel_path)));
  if (missing.length === 0) return false;
  const sha = await hashFile(absInside(root, rel));
  return missing.some((d) => d.sha256 === sha);
}
