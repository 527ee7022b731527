import type BetterSqlite3 from 'better-sqlite3';

const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The connection's statement for this SQL, prepared on first use and kept. Preparing costs about
 * as much as running a small query, and the monthly sheet runs the same few dozen statements for
 * each month of its trend (and a 连续达标 rule for up to 36 months back): a third of its time went
 * to preparing them. Kept per connection (a restore opens a new one; the old one's go with it).
 * For fixed SQL text only — one statement per call site, always used in the same mode (a
 * `.raw()` or `.pluck()` set on it stays set).
 */
export function prepared(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
