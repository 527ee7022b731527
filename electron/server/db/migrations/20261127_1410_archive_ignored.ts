import type { Migration } from './types';

/**
 * 档案体检 findings someone chose to ignore (issue 15.5). A finding stays hidden while its
 * `fingerprint` (the file's size and modification time, and the record's state) is unchanged;
 * once the file or record changes it is reported again. One row per finding kind and path.
 */
export const archiveIgnored: Migration = {
  name: '20261127_1410_archive_ignored',
  up(db) {
    db.exec(`
      CREATE TABLE archive_ignored (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,
        path_key    TEXT NOT NULL,
        document_id INTEGER,
        fingerprint TEXT NOT NULL,
        ignored_by  TEXT NOT NULL,
        ignored_at  TEXT NOT NULL,
        UNIQUE (kind, path_key)
      );
    `);
  },
};
