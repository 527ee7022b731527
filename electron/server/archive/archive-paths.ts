import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_TEMPLATE, renderTemplate } from '../../../shared/archive/path-template';
import { fitPathBudget, pathKey, withCollisionSuffix } from '../../../shared/archive/safe-path';
import type { loadKinds } from './documents.repository';

export const TEMPLATE_SETTING = 'archive.template';
/** Set before a template change moves anything; startup finishes a change a crash interrupted. */
export const PENDING_TEMPLATE_SETTING = 'archive.templatePending';

export function currentTemplate(sqlite: BetterSqlite3.Database): string {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(TEMPLATE_SETTING) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string) : DEFAULT_TEMPLATE;
}

export type PathFacts = {
  kindId: number | null;
  clientName: string;
  contractNumber: string;
  docDate: string;
  title: string;
  originalName: string;
  ext: string;
};

/** Where the template puts a document (before collisions), fitted to the Windows path budget for this root. */
export function templatePath(template: string, facts: PathFacts, kinds: ReturnType<typeof loadKinds>, root: string): string {
  const kind = facts.kindId === null ? undefined : kinds.get(facts.kindId);
  const parts = renderTemplate(template, {
    master: kind?.master ?? '未分类',
    sub: kind?.sub ?? '',
    date: facts.docDate,
    client: facts.clientName,
    contract: facts.contractNumber,
    title: facts.title,
    originalStem: facts.originalName.replace(/\.[^.]*$/, ''),
    ext: facts.ext,
  });
  return fitPathBudget(parts, root.length).join('/');
}

/**
 * The first free variant of a path: not taken by another document (compared the way Windows
 * and macOS compare names) and not an existing file on disk — 合同.pdf, 合同_2.pdf, 合同_3.pdf…
 */
export function freePath(sqlite: BetterSqlite3.Database, root: string, wanted: string, exceptId: number | null): string {
  const taken = sqlite.prepare('SELECT id FROM documents WHERE path_key = ?');
  const dir = wanted.includes('/') ? wanted.slice(0, wanted.lastIndexOf('/')) : '';
  const name = wanted.slice(dir ? dir.length + 1 : 0);
  for (let n = 1; ; n++) {
    const candidate = dir ? `${dir}/${withCollisionSuffix(name, n)}` : withCollisionSuffix(name, n);
    const owner = taken.get(pathKey(candidate)) as { id: number } | undefined;
    if (owner && owner.id !== exceptId) continue;
    if (!owner && fs.existsSync(path.join(root, ...candidate.split('/')))) continue;
    return candidate;
  }
}

/** A recorded document's facts for the template (kind, client, contract, date, title, name). */
export function documentFacts(doc: {
  kind_id: number | null;
  client_name: string | null;
  contract_number: string | null;
  doc_date: string;
  title: string;
  original_name: string;
  ext: string;
}): PathFacts {
  return {
    kindId: doc.kind_id,
    clientName: doc.client_name ?? '',
    contractNumber: doc.contract_number ?? '',
    docDate: doc.doc_date,
    title: doc.title,
    originalName: doc.original_name,
    ext: doc.ext,
  };
}

/** True when `relPath` is where the template puts the document, a collision suffix (_2, _3) allowed. */
export function isWhereTemplateSays(relPath: string, wanted: string): boolean {
  return relPath === wanted || relPath.replace(/_\d+(\.[a-z0-9]+)?$/, '$1') === wanted;
}
