import type BetterSqlite3 from 'better-sqlite3';
import { writeStamp } from '../db/write-stamp';
import type { MonthBasics } from './month-figures';

type Kept = { stamp: string; byKey: Map<string, MonthBasics> };
const kept = new WeakMap<BetterSqlite3.Database, Kept>();

/** More than three years of months under both bases; past this the store starts over. */
const MAX_KEPT = 100;

/**
 * Months' basics (per person: credited sales, target, floor) kept per connection until anything
 * is written (writeStamp). Every view of the sheet reads its six-month trend, and a 连续达标 rule
 * up to 36 months back; a manager going through the sheet person by person would compute the same
 * earlier months again and again. Any write — a payment, a plan, a share, a close, from this window
 * or another — starts a fresh store. Null inside a transaction, where nothing may be kept. Keys are
 * the month and the credit basis; the basics kept are never changed by their readers.
 */
export function keptBasics(sqlite: BetterSqlite3.Database): Map<string, MonthBasics> | null {
  const stamp = writeStamp(sqlite);
  if (stamp === null) return null;
  let store = kept.get(sqlite);
  if (store?.stamp !== stamp || store.byKey.size > MAX_KEPT) kept.set(sqlite, (store = { stamp, byKey: new Map() }));
  return store.byKey;
}
