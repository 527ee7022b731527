import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase, schemaVersion } from './open-database';
import { migrations } from './migrations';

const dirs: string[] = [];
function tempFile(name = 'office.db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-db-'));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates a new database with WAL, foreign keys, FULL sync and every migration recorded', () => {
    const file = tempFile();
    const db = openDatabase({ file });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
    // Opening again applies nothing twice.
    const again = openDatabase({ file });
    expect(schemaVersion(again)).toBe(migrations.length);
    again.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = tempFile();
    openDatabase({ file }).close();
    const raw = new BetterSqlite3(file);
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run('29990101_0001_future', new Date().toISOString());
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase({ file })).toThrow(/更新版本|newer version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database, without overwriting it', () => {
    const file = tempFile();
    const junk = Buffer.from('这不是数据库 — this is not a database '.repeat(200));
    fs.writeFileSync(file, junk);
    expect(() => openDatabase({ file })).toThrow(/不是有效的门店通数据库/);
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
  });

  it("refuses another program's SQLite database", () => {
    const file = tempFile();
    const other = new BetterSqlite3(file);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.close();
    expect(() => openDatabase({ file })).toThrow(/其他程序/);
    const check = new BetterSqlite3(file);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'staff'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('keeps migration names unique and in order', () => {
    const names = migrations.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });
});
