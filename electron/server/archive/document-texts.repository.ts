import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { DocumentTextsTable } from '../db/schema';
import type { TextSource, TextState } from '../../../shared/archive/text-formats';

export type StoredText = {
  state: TextState;
  source: TextSource;
  text: string;
  truncated: boolean;
  confidence: number | null;
  pages: number | null;
  updatedAt: string;
  updatedBy: string;
};

type Row = Omit<Selectable<DocumentTextsTable>, 'document_id'>;

export function readDocumentText(sqlite: BetterSqlite3.Database, documentId: number): StoredText | null {
  const row = sqlite.prepare('SELECT * FROM document_texts WHERE document_id = ?').get(documentId) as Row | undefined;
  if (!row) return null;
  return {
    state: row.state,
    source: row.source,
    text: row.text,
    truncated: row.truncated === 1,
    confidence: row.confidence,
    pages: row.pages,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Only the words, for the search index (cheap: no other column). */
export function storedWords(sqlite: BetterSqlite3.Database, documentId: number): string {
  return (
    (sqlite.prepare('SELECT text FROM document_texts WHERE document_id = ?').pluck().get(documentId) as string | undefined) ?? ''
  );
}

/** Record a document's words (call inside a transaction, then rebuild its search row). */
export function saveDocumentText(
  sqlite: BetterSqlite3.Database,
  documentId: number,
  t: Omit<StoredText, 'updatedAt' | 'updatedBy'>,
  at: string,
  by: string,
): void {
  sqlite
    .prepare(
      `INSERT INTO document_texts (document_id, state, source, text, truncated, confidence, pages, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, source = excluded.source, text = excluded.text,
         truncated = excluded.truncated, confidence = excluded.confidence, pages = excluded.pages,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(documentId, t.state, t.source, t.text, t.truncated ? 1 : 0, t.confidence, t.pages, at, by);
}
