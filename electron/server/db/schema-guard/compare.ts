import type { ColumnShape, SchemaShape } from './sql-shape';

/**
 * Every way the migrated database and schema.ts disagree, one sentence each, naming the table,
 * the column and which side to change. Empty when they agree.
 */
export function compareShapes(database: SchemaShape, declared: SchemaShape): string[] {
  const problems: string[] = [];
  for (const table of Object.keys(database)) {
    if (!declared[table]) problems.push(`table ${table}: made by a migration but missing from schema.ts Database`);
  }
  for (const [table, typed] of Object.entries(declared)) {
    const real = database[table];
    if (!real) {
      problems.push(`table ${table}: declared in schema.ts but no migration creates it`);
      continue;
    }
    for (const column of Object.keys(real)) {
      if (!typed[column]) problems.push(`${table}.${column}: made by a migration but missing from schema.ts`);
    }
    for (const [column, typedColumn] of Object.entries(typed)) {
      const realColumn = real[column];
      if (!realColumn) {
        problems.push(`${table}.${column}: declared in schema.ts but not in the migrated database (renamed or dropped?)`);
        continue;
      }
      problems.push(...compareColumn(`${table}.${column}`, realColumn, typedColumn));
    }
  }
  return problems;
}

function compareColumn(where: string, real: ColumnShape, typed: ColumnShape): string[] {
  const problems: string[] = [];
  if (real.kind !== typed.kind) problems.push(`${where}: the database stores ${real.kind}, schema.ts says ${typed.kind}`);
  if (real.nullable !== typed.nullable) {
    problems.push(
      real.nullable
        ? `${where}: the database allows NULL, schema.ts does not (add | null, or NOT NULL in a new migration)`
        : `${where}: the database is NOT NULL, schema.ts allows null (remove | null)`,
    );
  }
  // Generated<T> lets an INSERT leave the column out; that is only true when SQLite fills it
  // (a DEFAULT or the rowid), or leaves NULL (a nullable column, e.g. one a trigger sets).
  if (typed.filled && !real.filled && !real.nullable) {
    problems.push(`${where}: schema.ts says Generated but the database has no DEFAULT (an INSERT without it fails)`);
  }
  if (real.filled && !real.rowid && !real.nullable && !typed.filled) {
    problems.push(`${where}: the database has a DEFAULT but schema.ts does not say Generated<…>`);
  }
  if (real.allowed && typed.allowed && real.allowed.join('|') !== typed.allowed.join('|')) {
    problems.push(`${where}: CHECK allows ${real.allowed.join(', ')} but schema.ts allows ${typed.allowed.join(', ')}`);
  }
  if (real.allowed && !typed.allowed) {
    problems.push(`${where}: CHECK allows only ${real.allowed.join(', ')}; schema.ts should say that union instead of string`);
  }
  return problems;
}
