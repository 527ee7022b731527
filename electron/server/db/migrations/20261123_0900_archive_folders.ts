import type { Migration } from './types';

/** The archive's folder view walks documents by path prefix; this index makes that a range scan. */
export const archiveFolders: Migration = {
  name: '20261123_0900_archive_folders',
  up(db) {
    db.exec(`CREATE INDEX documents_rel_path ON documents(rel_path);`);
  },
};
