import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './open-database';
import { compareShapes } from './schema-guard/compare';
import { readSqlShape } from './schema-guard/sql-shape';
import { readDeclaredShape } from './schema-guard/ts-shape';

/**
 * Schema guard: a fresh database made by every migration must have exactly the tables and
 * columns schema.ts declares (the kysely Database type every repository is checked against),
 * with the same kind of value, nullability and DEFAULT (Generated<…>). When this fails, the
 * message names the table and column; fix schema.ts (or add a migration), never an old migration.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const schemaFile = path.join(here, 'schema.ts');

function migratedShape(extraSql?: string) {
  const db = new BetterSqlite3(':memory:');
  try {
    migrate(db);
    if (extraSql) db.exec(extraSql);
    return readSqlShape(db);
  } finally {
    db.close();
  }
}

describe('schema guard: migrations and schema.ts agree', () => {
  const declared = readDeclaredShape(schemaFile);

  it('every table and column of the migrated database is declared in schema.ts, and nothing else', () => {
    const database = migratedShape();
    expect(Object.keys(database).length).toBeGreaterThan(40);
    const problems = compareShapes(database, declared);
    expect(problems, `migrations and electron/server/db/schema.ts disagree:\n  ${problems.join('\n  ')}`).toEqual([]);
  });

  it('names the column when a migration adds one that schema.ts lacks', () => {
    const problems = compareShapes(migratedShape(`ALTER TABLE payments ADD COLUMN receipt_no TEXT`), declared);
    expect(problems).toEqual(['payments.receipt_no: made by a migration but missing from schema.ts']);
  });

  it('names the column when a migration renames one', () => {
    const problems = compareShapes(migratedShape(`ALTER TABLE payments RENAME COLUMN method TO way`), declared);
    expect(problems).toEqual([
      'payments.way: made by a migration but missing from schema.ts',
      'payments.method: declared in schema.ts but not in the migrated database (renamed or dropped?)',
    ]);
  });

  it('names a table schema.ts lacks, and a nullability that differs', () => {
    const database = migratedShape(`CREATE TABLE receipts (id INTEGER PRIMARY KEY, no TEXT NOT NULL) STRICT`);
    expect(compareShapes(database, declared)).toEqual(['table receipts: made by a migration but missing from schema.ts Database']);
    const payments = database.payments ?? {};
    payments.notes = { kind: 'string', filled: true, nullable: true };
    expect(compareShapes(database, declared)).toContain(
      'payments.notes: the database allows NULL, schema.ts does not (add | null, or NOT NULL in a new migration)',
    );
  });

  it('names an enumerated column whose CHECK list and schema.ts union differ', () => {
    const database = migratedShape();
    const method = database.payments?.method;
    if (!method?.allowed) throw new Error('payments.method should have a CHECK (method IN (…)) list');
    method.allowed = [...method.allowed, 'cheque'].sort();
    expect(compareShapes(database, declared)).toEqual([
      'payments.method: CHECK allows alipay, card, cash, cheque, other, transfer, wechat but schema.ts allows alipay, card, cash, other, transfer, wechat',
    ]);
    const kinds = { ...declared, client_phones: { ...declared.client_phones, kind: { kind: 'string' as const, nullable: false, filled: true } } };
    expect(compareShapes(migratedShape(), kinds)).toEqual([
      'client_phones.kind: CHECK allows only landline, mobile, other; schema.ts should say that union instead of string',
    ]);
  });
});
