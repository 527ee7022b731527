import type { Migration } from './types';

/**
 * The sheet's 资料完整度 averages each person's current clients: with this covering index it
 * reads the index alone instead of 100k table rows, and 跟进次数 likewise (measured by
 * `npm run bench`, sheet suite).
 */
export const sheetIndexes: Migration = {
  name: '20261123_1000_sheet_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX clients_owner_completeness ON clients(owner_staff_id, archived_at, completeness);
      -- 跟进次数 per person for a month from the index alone; it also serves every query the
      -- plain happened_on index did, so that one goes.
      CREATE INDEX follow_ups_month_staff ON follow_ups(happened_on, staff_id);
      DROP INDEX follow_ups_month;
    `);
  },
};
