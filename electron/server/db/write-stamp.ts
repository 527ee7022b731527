import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * A value that changes whenever anything was written to the database since it was last read: by
 * this connection (`total_changes()`, which also counts writes later rolled back) or committed by
 * another one (`data_version`), so neither a direct SQL write, a CLI nor a second window is missed.
 * Lets a reader keep what it computed from the database until something is written. Null inside a
 * transaction: what is read there may still roll back, and a rollback leaves no trace in either
 * counter, so nothing read there may be kept.
 */
export function writeStamp(sqlite: BetterSqlite3.Database): string | null {
  if (sqlite.inTransaction) return null;
  const written = prepared(sqlite, 'SELECT total_changes()').pluck().get() as number;
  return `${sqlite.pragma('data_version', { simple: true }) as number}/${written}`;
}
