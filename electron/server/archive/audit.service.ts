import fs from 'node:fs';
import path from 'node:path';
import type { AuditFinding, AuditReport, FindingKind } from '../../../shared/contract/archive';
import { pathKey } from '../../../shared/archive/safe-path';
import type { CallContext } from '../core/context';
import { writeSetting } from '../settings/settings.repository';
import { hashFile, STAGING_DIR, toRel, TRASH_DIR } from './archive-fs';
import { currentTemplate, documentFacts, isWhereTemplateSays, templatePath } from './archive-paths';
import { loadKinds, type DocumentJoined, DOCUMENT_SELECT } from './documents.repository';

export const LAST_AUDIT_SETTING = 'archive.lastAudit';

type FoundFile = { rel: string; size: number };

/** Every file under the root (not following links), with the recycle area left out. */
function walk(root: string): FoundFile[] {
  const out: FoundFile[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (dir === root && entry.name === TRASH_DIR) continue;
        visit(abs);
      } else if (entry.isFile()) out.push({ rel: toRel(root, abs), size: fs.statSync(abs).size });
    }
  };
  if (fs.existsSync(root)) visit(root);
  return out;
}

const TEXT: Record<FindingKind, (f: { rel: string; candidate?: string | null }) => { zh: string; en: string }> = {
  unrecorded: ({ rel }) => ({ zh: `文件夹里有未登记的文件:${rel}`, en: `A file in the folder is not recorded: ${rel}` }),
  missing: ({ rel, candidate }) =>
    candidate
      ? {
          zh: `记录的文件不在原处:${rel},但在 ${candidate} 找到同样内容`,
          en: `Recorded file is not at ${rel}; the same content is at ${candidate}`,
        }
      : { zh: `记录的文件不见了:${rel}`, en: `The recorded file is missing: ${rel}` },
  modified: ({ rel }) => ({ zh: `文件内容与登记时不同:${rel}`, en: `The file's content changed since it was filed: ${rel}` }),
  misplaced: ({ rel }) => ({ zh: `文件不在模板规定的位置:${rel}`, en: `The file is not where the template puts it: ${rel}` }),
  empty: ({ rel }) => ({ zh: `空文件(0 字节):${rel}`, en: `Empty file (0 bytes): ${rel}` }),
  unlinked: ({ rel }) => ({
    zh: `档案没有分类,也没有关联客户或合同:${rel}`,
    en: `The document has no kind and no client or contract: ${rel}`,
  }),
  staging: ({ rel }) => ({
    zh: `上次归档中断留下的临时文件:${rel}`,
    en: `A temporary file left by an interrupted filing: ${rel}`,
  }),
};

function finding(kind: FindingKind, rel: string, documentId: number | null, candidate: string | null = null): AuditFinding {
  return { kind, relPath: rel, documentId, candidatePath: candidate, ...TEXT[kind]({ rel, candidate }) };
}

/**
 * 档案体检: the folder and the records must agree (不允许有文件夹外的文件). Sizes are always
 * compared; `rehash` re-reads every file to compare checksums. The result's summary is kept
 * for the dashboard.
 */
export async function auditArchive(ctx: CallContext, rehash: boolean): Promise<AuditReport> {
  const root = ctx.archiveRoot();
  const files = walk(root);
  const docs = ctx.sqlite.prepare(`${DOCUMENT_SELECT} WHERE d.deleted_at IS NULL`).all() as DocumentJoined[];
  const byKey = new Map(docs.map((d) => [d.path_key, d]));
  const findings: AuditFinding[] = [];
  const unrecorded: FoundFile[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (f.rel.startsWith(`${STAGING_DIR}/`)) {
      findings.push(finding('staging', f.rel, null));
      continue;
    }
    const doc = byKey.get(pathKey(f.rel));
    if (!doc) {
      unrecorded.push(f);
      continue;
    }
    seen.add(doc.path_key);
    if (f.size === 0) findings.push(finding('empty', f.rel, doc.id));
    if (f.size !== doc.size || (rehash && (await hashFile(path.join(root, f.rel))) !== doc.sha256))
      findings.push(finding('modified', f.rel, doc.id));
  }
  const template = currentTemplate(ctx.sqlite);
  const kinds = loadKinds(ctx.sqlite);
  for (const doc of docs) {
    if (!seen.has(doc.path_key)) {
      // Moved by hand? An unrecorded file of the same size and content is the candidate.
      let candidate: string | null = null;
      for (const f of unrecorded.filter((u) => u.size === doc.size)) {
        if ((await hashFile(path.join(root, f.rel))) === doc.sha256) {
          candidate = f.rel;
          break;
        }
      }
      findings.push(finding('missing', doc.rel_path, doc.id, candidate));
      continue;
    }
    const wanted = templatePath(template, documentFacts(doc), kinds, root);
    if (!isWhereTemplateSays(doc.rel_path, wanted)) findings.push(finding('misplaced', doc.rel_path, doc.id));
    if (doc.kind_id === null && doc.client_id === null && doc.contract_id === null)
      findings.push(finding('unlinked', doc.rel_path, doc.id));
  }
  const claimed = new Set(findings.filter((f) => f.candidatePath).map((f) => f.candidatePath));
  for (const f of unrecorded) if (!claimed.has(f.rel)) findings.push(finding(f.size === 0 ? 'empty' : 'unrecorded', f.rel, null));
  const report: AuditReport = {
    checkedAt: ctx.now().toISOString(),
    files: files.length,
    documents: docs.length,
    rehashed: rehash,
    findings,
  };
  await ctx.db
    .transaction()
    .execute((trx) => writeSetting(trx, LAST_AUDIT_SETTING, { at: report.checkedAt, findings: findings.length }));
  return report;
}
