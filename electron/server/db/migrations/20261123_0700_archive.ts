import type { Migration } from './types';

/**
 * 档案 (README › 档案): kinds as 母目录/子目录, documents, and the journal that makes filing crash-safe.
 * - doc_kinds: a master folder (parent_id NULL) or a sub folder of one. `auto_purge` 0 keeps
 *   trashed documents of that kind until someone purges them by hand (contracts);
 *   `draft_months` proposes old documents for cleanup (稿件).
 * - documents: `rel_path` is where the file is under the archive root; `path_key` (NFC, lower
 *   case) is unique because Windows and macOS treat 合同.PDF and 合同.pdf as one file.
 *   Trashed documents keep their row with `deleted_at` and `trash_path`.
 * - archive_journal: written and committed before a file is moved; startup finishes or undoes
 *   whatever a crash interrupted.
 * - document_search: FTS5 grams of title, file name, client and contract (and text, when the
 *   file has some), like client search.
 */
export const archive: Migration = {
  name: '20261123_0700_archive',
  up(db) {
    db.exec(`
      CREATE TABLE doc_kinds (
        id           INTEGER PRIMARY KEY,
        parent_id    INTEGER REFERENCES doc_kinds(id),
        name         TEXT NOT NULL,
        sort         INTEGER NOT NULL DEFAULT 0,
        auto_purge   INTEGER NOT NULL DEFAULT 1 CHECK (auto_purge IN (0, 1)),
        draft_months INTEGER CHECK (draft_months > 0)
      ) STRICT;
      CREATE UNIQUE INDEX doc_kinds_name ON doc_kinds(COALESCE(parent_id, 0), name);

      INSERT INTO doc_kinds (id, parent_id, name, sort, auto_purge, draft_months) VALUES
        (1, NULL, '客户档案', 1, 1, NULL),
        (2, NULL, '协议合同', 2, 0, NULL),
        (3, 2, '建站合同', 1, 0, NULL),
        (4, 2, '续费合同', 2, 0, NULL),
        (5, 2, '补充协议', 3, 0, NULL),
        (6, NULL, '稿件', 3, 1, 12),
        (7, NULL, '票据', 4, 1, NULL),
        (8, NULL, '照片', 5, 1, NULL);

      CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        kind_id       INTEGER REFERENCES doc_kinds(id),
        client_id     INTEGER REFERENCES clients(id),
        contract_id   INTEGER REFERENCES contracts(id),
        doc_date      TEXT NOT NULL,
        title         TEXT NOT NULL,
        original_name TEXT NOT NULL,
        ext           TEXT NOT NULL,
        size          INTEGER NOT NULL CHECK (size >= 0),
        sha256        TEXT NOT NULL,
        rel_path      TEXT NOT NULL,
        path_key      TEXT NOT NULL UNIQUE,
        filed_by      TEXT NOT NULL,
        filed_at      TEXT NOT NULL,
        deleted_at    TEXT,
        trash_path    TEXT
      ) STRICT;
      CREATE INDEX documents_sha ON documents(sha256);
      CREATE INDEX documents_kind_date ON documents(kind_id, doc_date);
      CREATE INDEX documents_client ON documents(client_id, doc_date);
      CREATE INDEX documents_contract ON documents(contract_id);
      CREATE INDEX documents_deleted ON documents(deleted_at);

      -- "Link it here too": one stored file, also listed under another client or contract.
      CREATE TABLE document_links (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        client_id   INTEGER REFERENCES clients(id),
        contract_id INTEGER REFERENCES contracts(id),
        linked_at   TEXT NOT NULL,
        UNIQUE (document_id, client_id, contract_id)
      ) STRICT;
      CREATE INDEX document_links_client ON document_links(client_id);
      CREATE INDEX document_links_contract ON document_links(contract_id);

      CREATE TABLE archive_journal (
        id         INTEGER PRIMARY KEY,
        op         TEXT NOT NULL CHECK (op IN ('file', 'move')),
        document_id INTEGER,
        from_path  TEXT NOT NULL,
        to_path    TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE VIRTUAL TABLE document_search USING fts5(
        grams, content='', contentless_delete=1, prefix='1', tokenize='ascii'
      );
    `);
  },
};
