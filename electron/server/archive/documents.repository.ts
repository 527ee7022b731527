import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { DocKindsTable, DocumentsTable } from '../db/schema';
import type { DocumentRow, KindRow } from '../../../shared/contract/archive';
import { searchTokens } from '../../../shared/clients/search-grams';
import type { TextState } from '../../../shared/archive/text-formats';
import { storedWords } from './document-texts.repository';

export type DocumentJoined = Selectable<DocumentsTable> & {
  client_name: string | null;
  contract_number: string | null;
  text_state?: TextState | null;
};

/** Whether a document's words are searchable (document_texts.state), for the list. */
export const TEXT_STATE_COLUMN = '(SELECT t.state FROM document_texts t WHERE t.document_id = d.id) AS text_state';

export const DOCUMENT_SELECT = `SELECT d.*, c.name AS client_name, k.number AS contract_number, ${TEXT_STATE_COLUMN}
  FROM documents d LEFT JOIN clients c ON c.id = d.client_id LEFT JOIN contracts k ON k.id = d.contract_id`;

export function findDocument(sqlite: BetterSqlite3.Database, id: number): DocumentJoined | undefined {
  return sqlite.prepare(`${DOCUMENT_SELECT} WHERE d.id = ?`).get(id) as DocumentJoined | undefined;
}

export function findByHash(sqlite: BetterSqlite3.Database, sha256: string): DocumentJoined | undefined {
  return sqlite.prepare(`${DOCUMENT_SELECT} WHERE d.sha256 = ? AND d.deleted_at IS NULL ORDER BY d.id LIMIT 1`).get(sha256) as
    DocumentJoined | undefined;
}

type KindRecord = Selectable<DocKindsTable>;

/** Kinds with their folder path (母目录/子目录), masters first in their order. */
export function loadKinds(sqlite: BetterSqlite3.Database): Map<number, { master: string; sub: string; record: KindRecord }> {
  const rows = sqlite.prepare('SELECT * FROM doc_kinds ORDER BY sort, id').all() as KindRecord[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    rows.map((r) => {
      const parent = r.parent_id === null ? null : byId.get(r.parent_id);
      return [r.id, parent ? { master: parent.name, sub: r.name, record: r } : { master: r.name, sub: '', record: r }];
    }),
  );
}

export function kindRows(sqlite: BetterSqlite3.Database): KindRow[] {
  const counts = new Map(
    (
      sqlite.prepare('SELECT kind_id AS id, count(*) AS n FROM documents WHERE deleted_at IS NULL GROUP BY kind_id').all() as {
        id: number;
        n: number;
      }[]
    ).map((r) => [r.id, r.n]),
  );
  // Tree order: each master folder (by its sort) followed by its own sub folders. `sort` alone
  // would put 建站合同 (sort 1 under 协议合同) right after 客户档案 (sort 1).
  const all = [...loadKinds(sqlite).entries()];
  const ordered = all
    .filter(([, k]) => k.record.parent_id === null)
    .flatMap((master) => [master, ...all.filter(([, k]) => k.record.parent_id === master[0])]);
  return ordered.map(([id, k]) => ({
    id,
    parentId: k.record.parent_id,
    name: k.record.name,
    path: k.sub ? `${k.master}/${k.sub}` : k.master,
    autoPurge: k.record.auto_purge === 1,
    draftMonths: k.record.draft_months,
    documents: counts.get(id) ?? 0,
  }));
}

export function toDocumentRow(d: DocumentJoined, kinds: ReturnType<typeof loadKinds>): DocumentRow {
  const kind = d.kind_id === null ? undefined : kinds.get(d.kind_id);
  return {
    id: d.id,
    kindId: d.kind_id,
    kindPath: kind ? (kind.sub ? `${kind.master}/${kind.sub}` : kind.master) : '',
    clientId: d.client_id,
    clientName: d.client_name ?? '',
    contractId: d.contract_id,
    contractNumber: d.contract_number ?? '',
    docDate: d.doc_date,
    title: d.title,
    originalName: d.original_name,
    size: d.size,
    sha256: d.sha256,
    relPath: d.rel_path,
    filedBy: d.filed_by,
    filedAt: d.filed_at,
    deletedAt: d.deleted_at,
    textState: d.text_state ?? null,
  };
}

/**
 * Search grams of what a person may type to find the document: its fields and all of its
 * stored words (document_texts, already capped at 2 MB). Rebuilt from the stored text on every
 * change, so editing a title or date never loses the words.
 */
export function writeDocumentSearch(sqlite: BetterSqlite3.Database, d: DocumentJoined): void {
  sqlite.prepare('DELETE FROM document_search WHERE rowid = ?').run(d.id);
  sqlite
    .prepare('INSERT INTO document_search (rowid, grams) VALUES (?, ?)')
    .run(d.id, searchTokens([d.title, d.original_name, d.client_name ?? '', d.contract_number ?? '', storedWords(sqlite, d.id)]));
}
