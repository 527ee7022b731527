import type BetterSqlite3 from 'better-sqlite3';

/**
 * A migration is plain SQL run inside one transaction. Migrations are frozen once released:
 * never edit one, add a new one with a later name.
 */
export type Migration = {
  name: string;
  up: (db: BetterSqlite3.Database) => void;
};
