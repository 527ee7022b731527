import fs from 'node:fs';
import path from 'node:path';
import type { AuditFinding, AuditReport } from '../../../shared/contract/archive';
import { pathKey } from '../../../shared/archive/safe-path';
import type { CallContext } from '../core/context';
import { writeSetting } from '../settings/settings.repository';
import { hashFile, isActiveStaging, STAGING_DIR, toRel, TRASH_DIR } from './archive-fs';
import { currentTemplate, documentFacts, isWhereTemplateSays, templatePath } from './archive-paths';
import { loadKinds, type DocumentJoined, DOCUMENT_SELECT } from './documents.repository';
import { finding } from './findings';
import { fingerprintOf, isIgnored, loadIgnored } from './ignored-findings.repository';

export const LAST_AUDIT_SETTING = 'archive.lastAudit';

export type FoundFile = { rel: string; size: number; mtimeMs: number };

/** Every file under the root (not following links), with the recycle area left out. */
export function walkArchive(root: string): FoundFile[] {
  const out: FoundFile[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === root && entry.name === TRASH_DIR) continue;
        visit(abs);
      } else if (entry.isFile()) {
        const stat = fs.statSync(abs);
        out.push({ rel: toRel(root, abs), size: stat.size, mtimeMs: stat.mtimeMs });
      }
    }
  };
  if (fs.existsSync(root)) visit(root);
  return out;
}

/**
 * A staging file someone is still using: an upload being copied in this process, or a filing
 * the journal says is under way. Neither is a leftover, so neither is reported or touched.
 */
export function stagingInUse(ctx: CallContext, rel: string): boolean {
  return (
    isActiveStaging(rel) ||
    ctx.sqlite.prepare(`SELECT 1 FROM archive_journal WHERE op = 'file' AND from_path = ?`).get(rel) !== undefined
  );
}

/** Findings of a recorded document whose file is present, from the file alone (content and size). */
export async function fileFindings(root: string, f: FoundFile, doc: DocumentJoined, rehash: boolean): Promise<AuditFinding[]> {
  const out: AuditFinding[] = [];
  if (f.size === 0) out.push(finding('empty', f.rel, doc.id));
  if (f.size !== doc.size || (rehash && (await hashFile(path.join(root, ...f.rel.split('/')))) !== doc.sha256))
    out.push(finding('modified', f.rel, doc.id));
  return out;
}

/** Findings of a recorded document from its record (where the template puts it, what it is linked to). */
export function recordFindings(
  doc: DocumentJoined,
  template: string,
  kinds: ReturnType<typeof loadKinds>,
  root: string,
): AuditFinding[] {
  const out: AuditFinding[] = [];
  const wanted = templatePath(template, documentFacts(doc), kinds, root);
  if (!isWhereTemplateSays(doc.rel_path, wanted)) out.push(finding('misplaced', doc.rel_path, doc.id));
  if (doc.kind_id === null && doc.client_id === null && doc.contract_id === null)
    out.push(finding('unlinked', doc.rel_path, doc.id));
  return out;
}

/**
 * 档案体检: the folder and the records must agree (不允许有文件夹外的文件). Sizes are always
 * compared; `rehash` re-reads every file to compare checksums. Findings someone ignored are left
 * out while their file and record are unchanged (counted in `ignored`; listed, marked, with
 * `includeIgnored`). The result's summary is kept for the dashboard.
 */
export async function auditArchive(ctx: CallContext, rehash: boolean, includeIgnored = false): Promise<AuditReport> {
  const root = ctx.archiveRoot();
  const files = walkArchive(root);
  const docs = ctx.sqlite.prepare(`${DOCUMENT_SELECT} WHERE d.deleted_at IS NULL`).all() as DocumentJoined[];
  const byKey = new Map(docs.map((d) => [d.path_key, d]));
  const fileByKey = new Map(files.map((f) => [pathKey(f.rel), f]));
  const found: AuditFinding[] = [];
  const unrecorded: FoundFile[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (f.rel.startsWith(`${STAGING_DIR}/`)) {
      if (!stagingInUse(ctx, f.rel)) found.push(finding('staging', f.rel, null));
      continue;
    }
    const doc = byKey.get(pathKey(f.rel));
    if (!doc) {
      unrecorded.push(f);
      continue;
    }
    seen.add(doc.path_key);
    found.push(...(await fileFindings(root, f, doc, rehash)));
  }
  const template = currentTemplate(ctx.sqlite);
  const kinds = loadKinds(ctx.sqlite);
  for (const doc of docs) {
    if (!seen.has(doc.path_key)) {
      found.push(finding('missing', doc.rel_path, doc.id, await candidateFor(root, doc, unrecorded)));
      continue;
    }
    found.push(...recordFindings(doc, template, kinds, root));
  }
  const claimed = new Set(found.filter((f) => f.candidatePath).map((f) => f.candidatePath));
  for (const f of unrecorded) if (!claimed.has(f.rel)) found.push(finding(f.size === 0 ? 'empty' : 'unrecorded', f.rel, null));

  const ignoredRows = loadIgnored(ctx.sqlite);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const findings: AuditFinding[] = [];
  let ignored = 0;
  for (const f of found) {
    const doc = f.documentId === null ? undefined : docById.get(f.documentId);
    if (ignoredRows.size === 0 || !isIgnored(ignoredRows, f, fingerprintOf(fileByKey.get(pathKey(f.relPath)), doc))) {
      findings.push(f);
      continue;
    }
    ignored++;
    if (includeIgnored) findings.push(finding(f.kind, f.relPath, f.documentId, f.candidatePath, true));
  }
  const visible = findings.filter((f) => !f.ignored).length;
  const report: AuditReport = {
    checkedAt: ctx.now().toISOString(),
    files: files.length,
    documents: docs.length,
    rehashed: rehash,
    findings,
    ignored,
  };
  await ctx.db.transaction().execute((trx) => writeSetting(trx, LAST_AUDIT_SETTING, { at: report.checkedAt, findings: visible }));
  return report;
}

/** Moved by hand? An unrecorded file of the same size and content is the candidate. */
export async function candidateFor(root: string, doc: DocumentJoined, unrecorded: readonly FoundFile[]): Promise<string | null> {
  for (const f of unrecorded.filter((u) => u.size === doc.size)) {
    if ((await hashFile(path.join(root, ...f.rel.split('/')))) === doc.sha256) return f.rel;
  }
  return null;
}
