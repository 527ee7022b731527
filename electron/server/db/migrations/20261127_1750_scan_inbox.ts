import type { Migration } from './types';

/**
 * 扫描收件箱 (issue 17.2): files a scanner or a phone drops into a watched folder.
 * - inbox_items: one row per file seen there, keyed by its name while it waits. 'settling'
 *   until its size and time stop changing, 'queued' → 'reading' (text layer or OCR) →
 *   'proposed' (waits for a clerk) or 'filed' (document_id set; the original was removed only
 *   after the archive copy's hash matched). 'failed' keeps the file where it is, with the reason.
 *   The proposal (client, contract, kind, date, reasons) is stored so the review list needs no
 *   re-reading.
 * - inbox_rules: editable rules that give an incoming document its kind (Paperless-ngx's
 *   matching: any/all words, exact phrase, regex, fuzzy). Seeded with the manual's obvious ones.
 */
export const scanInbox: Migration = {
  name: '20261127_1750_scan_inbox',
  up(db) {
    db.exec(`
      CREATE TABLE inbox_items (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        size        INTEGER NOT NULL,
        mtime_ms    INTEGER NOT NULL,
        sha256      TEXT,
        state       TEXT NOT NULL CHECK (state IN ('settling', 'queued', 'reading', 'proposed', 'filed', 'failed')),
        text        TEXT NOT NULL DEFAULT '',
        text_source TEXT CHECK (text_source IN ('file', 'ocr')),
        confidence  REAL,
        pages       INTEGER,
        client_id   INTEGER REFERENCES clients(id) ON DELETE SET NULL,
        contract_id INTEGER REFERENCES contracts(id) ON DELETE SET NULL,
        kind_id     INTEGER REFERENCES doc_kinds(id) ON DELETE SET NULL,
        doc_date    TEXT,
        confident   INTEGER NOT NULL DEFAULT 0 CHECK (confident IN (0, 1)),
        reasons     TEXT NOT NULL DEFAULT '[]',
        error_zh    TEXT,
        error_en    TEXT,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        filed_by    TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      -- One waiting row per name; filed rows stay as history and free the name.
      CREATE UNIQUE INDEX inbox_items_waiting ON inbox_items(file_name) WHERE state <> 'filed';
      CREATE INDEX inbox_items_state ON inbox_items(state, id);

      CREATE TABLE inbox_rules (
        id               INTEGER PRIMARY KEY,
        kind_id          INTEGER NOT NULL REFERENCES doc_kinds(id) ON DELETE CASCADE,
        algorithm        TEXT NOT NULL CHECK (algorithm IN ('any', 'all', 'exact', 'regex', 'fuzzy')),
        match            TEXT NOT NULL,
        case_insensitive INTEGER NOT NULL DEFAULT 1 CHECK (case_insensitive IN (0, 1)),
        sort             INTEGER NOT NULL
      ) STRICT;

      -- Most specific first: the first rule that matches gives the kind.
      INSERT INTO inbox_rules (kind_id, algorithm, match, case_insensitive, sort)
        SELECT 5, 'exact', '补充协议', 1, 1 WHERE EXISTS (SELECT 1 FROM doc_kinds WHERE id = 5)
        UNION ALL SELECT 4, 'exact', '续费', 1, 2 WHERE EXISTS (SELECT 1 FROM doc_kinds WHERE id = 4)
        UNION ALL SELECT 2, 'any', '合同 协议', 1, 3 WHERE EXISTS (SELECT 1 FROM doc_kinds WHERE id = 2)
        UNION ALL SELECT 1, 'any', '营业执照 身份证 名片', 1, 4 WHERE EXISTS (SELECT 1 FROM doc_kinds WHERE id = 1)
        UNION ALL SELECT 7, 'any', '收据 发票 收款', 1, 5 WHERE EXISTS (SELECT 1 FROM doc_kinds WHERE id = 7);
    `);
  },
};
