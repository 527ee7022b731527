import type { Migration } from './types';

/** The counter and its triggers (exported for the share index's unit test, which builds the two tables alone). */
export const SHARE_SETS_VERSION_SQL = `
  CREATE TABLE share_sets_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
  ) STRICT;
  INSERT INTO share_sets_version (id, n) VALUES (1, 0);
  ${(['contract_share_sets', 'contract_share_parts'] as const)
    .flatMap((table) =>
      (['INSERT', 'UPDATE', 'DELETE'] as const).map(
        (op) => `CREATE TRIGGER ${table}_counted_${op.toLowerCase()} AFTER ${op} ON ${table}
    BEGIN UPDATE share_sets_version SET n = n + 1 WHERE id = 1; END;`,
      ),
    )
    .join('\n  ')}
`;

/**
 * Two things the monthly sheet reads, measured with `npm run bench -- --size large --only commission`:
 * - 新签合同 counts each person's contracts signed in the month, drafts and cancelled ones left
 *   out. With the status outside the index every one of the month's contracts (about 1,400 in the
 *   large bench office) was a table-row lookup, about 5 ms a sheet; with it the count reads the
 *   index alone. The new index starts with the old one's columns, so it serves all the old one did.
 * - share_sets_version counts every change to the share sets and their parts (triggers), whoever
 *   makes it: the in-memory share index (share-sets.repository.ts) is read again only when this
 *   number moves. It used to be read again after any write at all — a new client, a follow-up — and
 *   with 16,000 shared contracts that re-read was most of the first sheet after it (about 120 ms).
 */
export const sheetSpeed: Migration = {
  name: '20261128_0500_sheet_speed',
  up(db) {
    db.exec(`
      DROP INDEX contracts_staff_signed;
      CREATE INDEX contracts_staff_signed ON contracts(staff_id, signed_on, status);

      ${SHARE_SETS_VERSION_SQL}
    `);
  },
};
