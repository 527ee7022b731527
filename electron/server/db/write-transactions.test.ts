import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { toErrorBody } from '../core/dispatch';
import { beginImmediate, OfficeSqliteDialect } from './write-transactions';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-tx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Db = { t: { x: number } };

function twoConnections(name: string, dialect: (c: BetterSqlite3.Database) => SqliteDialect) {
  const file = path.join(dir, `${name}.db`);
  const open = () => {
    const c = new BetterSqlite3(file);
    c.pragma('journal_mode = WAL');
    c.pragma('busy_timeout = 5000');
    return c;
  };
  const a = open();
  a.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
  const b = open();
  return { a: new Kysely<Db>({ dialect: dialect(a) }), b: new Kysely<Db>({ dialect: dialect(b) }) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The race of issue 14.8: a transaction reads, another connection commits, then the first
 * writes. With a deferred BEGIN its snapshot is stale and SQLite answers SQLITE_BUSY_SNAPSHOT,
 * which no busy timeout cures; with BEGIN IMMEDIATE the second one waits its turn.
 */
async function readThenWriteRace(db: { a: Kysely<Db>; b: Kysely<Db> }): Promise<PromiseSettledResult<void>[]> {
  const first = db.a.transaction().execute(async (trx) => {
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(trx);
    await sleep(60);
    await trx.insertInto('t').values({ x: Number(n.rows[0]!.n) + 1 }).execute();
  });
  await sleep(10);
  const second = db.b.transaction().execute(async (trx) => {
    await trx.insertInto('t').values({ x: 100 }).execute();
  });
  return Promise.allSettled([first, second]);
}

describe('write transactions begin IMMEDIATE', () => {
  it('a deferred BEGIN (kysely as shipped) loses the race with SQLITE_BUSY_SNAPSHOT', async () => {
    const db = twoConnections('deferred', (c) => new SqliteDialect({ database: c }));
    const results = await readThenWriteRace(db);
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed.map((r) => (r.reason as { code?: string }).code)).toEqual(['SQLITE_BUSY_SNAPSHOT']);
    // …and dispatch would have answered it as `unavailable`, never `internal`.
    expect(toErrorBody(failed[0]!.reason)).toMatchObject({ code: 'unavailable' });
    expect(toErrorBody(failed[0]!.reason).message).toMatch(/数据库正忙/);
  });

  it('our dialect: both transactions commit, one after the other', async () => {
    const db = twoConnections('immediate', (c) => new OfficeSqliteDialect(c));
    const results = await readThenWriteRace(db);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const rows = await db.a.selectFrom('t').select('x').orderBy('x').execute();
    expect(rows.map((r) => r.x)).toEqual([1, 100]);
  });

  it('waiting for another process keeps the event loop free, then gives up with a bilingual unavailable', async () => {
    const file = path.join(dir, 'held.db');
    const holder = new BetterSqlite3(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('CREATE TABLE t (x INTEGER)');
    holder.exec('BEGIN IMMEDIATE');
    const waiter = new BetterSqlite3(file);
    waiter.pragma('busy_timeout = 5000');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    const error = await beginImmediate(waiter, 400).then(
      () => null,
      (e: unknown) => e,
    );
    clearInterval(timer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(ticks).toBeGreaterThan(10);
    expect(toErrorBody(error)).toMatchObject({ code: 'unavailable' });
    // The connection's own busy timeout is back to what it was.
    expect(waiter.pragma('busy_timeout', { simple: true })).toBe(5000);
    holder.exec('COMMIT');
    await beginImmediate(waiter, 400);
    waiter.exec('COMMIT');
  });

  it('every raw better-sqlite3 transaction in the program is .immediate(), and no BEGIN is deferred', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders: string[] = [];
    let raw = 0;
    for (const file of fs.readdirSync(root, { recursive: true }).map(String)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('testing')) continue;
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      // better-sqlite3's transaction takes the function; Kysely's takes nothing (and is IMMEDIATE).
      for (const m of text.matchAll(/\.transaction\(\s*(?:\(|function|async)/g)) {
        raw++;
        const end = closingParen(text, m.index + m[0].indexOf('('));
        if (!text.slice(end, end + 14).startsWith(').immediate(')) offenders.push(`${file}: ${m[0]}`);
      }
      for (const m of text.matchAll(/['"`]\s*BEGIN(?!\s+(?:IMMEDIATE|EXCLUSIVE))(\s+\w+)?\s*;?\s*['"`]/gi))
        if (!file.endsWith('write-transactions.ts')) offenders.push(`${file}: ${m[0]}`);
    }
    expect(raw).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });
});

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}
