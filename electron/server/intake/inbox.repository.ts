import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { InboxItemsTable, InboxRulesTable } from '../db/schema';
import type { InboxItemView, InboxRuleRow } from '../../../shared/contract/intake';
import type { KindRule } from '../../../shared/intake/match';
import { findDocument, loadKinds, toDocumentRow } from '../archive/documents.repository';

export type InboxItemRow = Selectable<InboxItemsTable>;

export function itemById(sqlite: BetterSqlite3.Database, id: number): InboxItemRow | undefined {
  return sqlite.prepare('SELECT * FROM inbox_items WHERE id = ?').get(id) as InboxItemRow | undefined;
}

/** Rows still waiting (not filed), by name: what the folder scan compares against. */
export function waitingByName(sqlite: BetterSqlite3.Database): Map<string, InboxItemRow> {
  const rows = sqlite.prepare(`SELECT * FROM inbox_items WHERE state <> 'filed'`).all() as InboxItemRow[];
  return new Map(rows.map((r) => [r.file_name, r]));
}

export function toItemView(sqlite: BetterSqlite3.Database, r: InboxItemRow, kinds = loadKinds(sqlite)): InboxItemView {
  const kind = r.kind_id === null ? undefined : kinds.get(r.kind_id);
  const clientName =
    r.client_id === null
      ? ''
      : ((sqlite.prepare('SELECT name FROM clients WHERE id = ?').pluck().get(r.client_id) as string) ?? '');
  const contractNumber =
    r.contract_id === null
      ? ''
      : ((sqlite.prepare('SELECT number FROM contracts WHERE id = ?').pluck().get(r.contract_id) as string) ?? '');
  const doc = r.document_id === null ? undefined : findDocument(sqlite, r.document_id);
  return {
    id: r.id,
    fileName: r.file_name,
    size: r.size,
    state: r.state,
    textSource: r.text_source,
    confidence: r.confidence,
    pages: r.pages,
    textPreview: r.text.slice(0, 400),
    clientId: r.client_id,
    clientName,
    contractId: r.contract_id,
    contractNumber,
    kindId: r.kind_id,
    kindPath: kind ? (kind.sub ? `${kind.master}/${kind.sub}` : kind.master) : '',
    docDate: r.doc_date,
    confident: r.confident === 1,
    reasons: JSON.parse(r.reasons) as InboxItemView['reasons'],
    error: r.error_zh ? { zh: r.error_zh, en: r.error_en ?? '' } : null,
    document: doc ? toDocumentRow(doc, kinds) : null,
    filedBy: r.filed_by,
    updatedAt: r.updated_at,
  };
}

type RuleDbRow = Selectable<InboxRulesTable>;

export function kindRules(sqlite: BetterSqlite3.Database): KindRule[] {
  return (sqlite.prepare('SELECT * FROM inbox_rules ORDER BY sort, id').all() as RuleDbRow[]).map((r) => ({
    id: r.id,
    kindId: r.kind_id,
    algorithm: r.algorithm,
    match: r.match,
    caseInsensitive: r.case_insensitive === 1,
  }));
}

export function ruleRows(sqlite: BetterSqlite3.Database): InboxRuleRow[] {
  const kinds = loadKinds(sqlite);
  return (sqlite.prepare('SELECT * FROM inbox_rules ORDER BY sort, id').all() as RuleDbRow[]).map((r) => {
    const kind = kinds.get(r.kind_id);
    return {
      id: r.id,
      kindId: r.kind_id,
      kindPath: kind ? (kind.sub ? `${kind.master}/${kind.sub}` : kind.master) : '',
      algorithm: r.algorithm,
      match: r.match,
      caseInsensitive: r.case_insensitive === 1,
      sort: r.sort,
    };
  });
}
