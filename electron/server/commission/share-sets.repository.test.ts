import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARE_SETS_VERSION_SQL } from '../db/migrations/20261128_0500_sheet_speed';
import { shareIndex } from './share-sets.repository';

// The two tables as the migrations make them, without the foreign keys (no contracts/staff here),
// with the version counter and its triggers.
const TABLES = `
  CREATE TABLE contract_share_sets (id INTEGER PRIMARY KEY, contract_id INTEGER NOT NULL, from_month TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, created_by TEXT NOT NULL, UNIQUE (contract_id, from_month));
  CREATE TABLE contract_share_parts (set_id INTEGER NOT NULL REFERENCES contract_share_sets(id) ON DELETE CASCADE,
    staff_id INTEGER NOT NULL, share_bp INTEGER NOT NULL, PRIMARY KEY (set_id, staff_id)) WITHOUT ROWID;`;

function addSet(db: Database.Database, contractId: number, fromMonth: string, parts: [number, number][]): void {
  const id = db
    .prepare(`INSERT INTO contract_share_sets (contract_id, from_month, created_at, created_by) VALUES (?, ?, 'now', 'test')`)
    .run(contractId, fromMonth).lastInsertRowid;
  for (const [staffId, bp] of parts) db.prepare('INSERT INTO contract_share_parts VALUES (?, ?, ?)').run(id, staffId, bp);
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('分成: the in-memory index of share sets', () => {
  it('is reused while nothing is written, and never stale after a write on this or another connection', () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-index-'));
    dirs.push(dir);
    const file = join(dir, 'office.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(TABLES);
    db.exec(SHARE_SETS_VERSION_SQL);
    db.exec('CREATE TABLE clients (id INTEGER PRIMARY KEY, name TEXT)');
    addSet(db, 1, '2026-10', [
      [7, 6000],
      [8, 4000],
    ]);
    const first = shareIndex(db);
    expect(first.get(1)?.[0]?.parts).toEqual([
      { staffId: 7, shareBp: 6000 },
      { staffId: 8, shareBp: 4000 },
    ]);
    expect(shareIndex(db)).toBe(first); // no write in between: the same copy

    // A write to anything else keeps the copy: a new client does not re-read 16,000 share sets.
    db.prepare("INSERT INTO clients (name) VALUES ('新客户')").run();
    expect(shareIndex(db)).toBe(first);

    // A plain SQL write of a share set on this connection is seen; so is a change to parts alone.
    addSet(db, 2, '2026-11', [[9, 10000]]);
    expect(shareIndex(db).get(2)?.[0]?.fromMonth).toBe('2026-11');
    db.prepare('UPDATE contract_share_parts SET share_bp = 5000 WHERE staff_id = 7').run();
    expect(shareIndex(db).get(1)?.[0]?.parts[0]).toEqual({ staffId: 7, shareBp: 5000 });

    // A write rolled back is seen as gone.
    db.exec('BEGIN');
    addSet(db, 3, '2026-11', [[9, 10000]]);
    expect(shareIndex(db).has(3)).toBe(true);
    db.exec('ROLLBACK');
    expect(shareIndex(db).has(3)).toBe(false);
    // … also when the next read is already inside the next transaction.
    db.exec('BEGIN');
    addSet(db, 4, '2026-11', [[9, 10000]]);
    expect(shareIndex(db).has(4)).toBe(true);
    db.exec('ROLLBACK');
    db.exec('BEGIN');
    expect(shareIndex(db).has(4)).toBe(false);
    db.exec('ROLLBACK');

    // Another connection (a CLI, a second window) commits: seen.
    const other = new Database(file);
    other.prepare('DELETE FROM contract_share_sets WHERE contract_id = 1').run();
    other.close();
    expect(shareIndex(db).has(1)).toBe(false);
    expect([...shareIndex(db).keys()]).toEqual([2]);
    db.close();
  });
});
