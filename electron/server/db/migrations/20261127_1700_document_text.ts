import type { Migration } from './types';

/**
 * The archive's text, kept (issue 16.10–15, 17.1):
 * - document_texts: the words a document carries and where they came from — the file itself
 *   ('file'), OCR ('ocr', with its confidence) or a person's correction ('manual'). The search
 *   grams are rebuilt from this row, so editing a document's title or date no longer wipes its
 *   words. `state` says why a document has no words: 'none' (a scan or photo with no text layer
 *   — what OCR is for), 'encrypted' (a password-protected PDF), 'unsupported' (a format we do
 *   not read), 'failed' (unreadable). `truncated` marks text cut at the per-document cap.
 * - text_jobs: the persistent queue of background work on a document's text — 'extract' (read
 *   the file's own text again) and 'ocr'. A job survives a restart: 'running' jobs go back to
 *   'queued' when the queue starts. One job per document and kind.
 * Every existing document is queued for 'extract', because until now only its first 20,000
 * characters were indexed, in the search table alone, and that cannot be read back.
 */
export const documentText: Migration = {
  name: '20261127_1700_document_text',
  up(db) {
    db.exec(`
      CREATE TABLE document_texts (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        state       TEXT NOT NULL CHECK (state IN ('text', 'none', 'encrypted', 'unsupported', 'failed')),
        source      TEXT NOT NULL CHECK (source IN ('file', 'ocr', 'manual')),
        text        TEXT NOT NULL DEFAULT '',
        truncated   INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
        confidence  REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
        pages       INTEGER,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE text_jobs (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('extract', 'ocr')),
        state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        page        INTEGER NOT NULL DEFAULT 0,
        pages       INTEGER NOT NULL DEFAULT 0,
        error       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (document_id, kind)
      ) STRICT;
      CREATE INDEX text_jobs_state ON text_jobs(state, id);

      INSERT INTO text_jobs (document_id, kind, state, created_at, updated_at)
        SELECT id, 'extract', 'queued', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM documents WHERE deleted_at IS NULL;
    `);
  },
};
