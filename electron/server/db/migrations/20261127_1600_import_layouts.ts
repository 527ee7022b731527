import type { Migration } from './types';

/**
 * Column mappings chosen by hand in an import, remembered per file layout (issue 16.6): the
 * next file with the same headers in the same order is read with the same mapping.
 */
export const importLayouts: Migration = {
  name: '20261127_1600_import_layouts',
  up(db) {
    db.exec(`
      CREATE TABLE import_layouts (
        kind TEXT NOT NULL,
        layout_key TEXT NOT NULL,
        headers TEXT NOT NULL,
        mapping TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (kind, layout_key)
      ) STRICT;
    `);
  },
};
