import type BetterSqlite3 from 'better-sqlite3';

/** What the guard compares: a column's kind of value, whether it may be NULL, whether an INSERT may leave it out. */
export type ColumnShape = {
  kind: 'string' | 'number' | 'blob' | 'other';
  nullable: boolean;
  /** The database fills it when an INSERT leaves it out: a DEFAULT, or the INTEGER PRIMARY KEY (rowid). */
  filled: boolean;
  /** An INTEGER PRIMARY KEY: filled when left out, but often given (a 1:1 table keyed by another's id). */
  rowid?: true;
  /** For a CHECK (column IN ('a', 'b')) constraint: the allowed text values, sorted. */
  allowed?: string[];
};
export type TableShape = Record<string, ColumnShape>;
export type SchemaShape = Record<string, TableShape>;

type TableListRow = { name: string; type: string };
type ColumnRow = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };

/**
 * The real shape of a migrated database, read from SQLite itself (pragma table_list and
 * table_info), so it is whatever the migrations made — not what anyone believes they made.
 * Shadow tables of FTS5 indexes and SQLite's own tables are left out: no code names them.
 */
export function readSqlShape(db: BetterSqlite3.Database): SchemaShape {
  const tables = (db.prepare(`SELECT name, type FROM pragma_table_list WHERE schema = 'main'`).all() as TableListRow[])
    .filter((t) => (t.type === 'table' || t.type === 'virtual') && !t.name.startsWith('sqlite_'));
  const shape: SchemaShape = {};
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    const sql = (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).get(table.name) as { sql: string | null }).sql ?? '';
    const columns = db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(table.name) as ColumnRow[];
    const rowidKey = columns.filter((c) => c.pk > 0).length === 1 && columns.some((c) => c.pk > 0 && c.type.toUpperCase() === 'INTEGER');
    const tableShape: TableShape = {};
    for (const column of columns) {
      const isRowid = rowidKey && column.pk > 0;
      const allowed = allowedValues(sql, column.name);
      tableShape[column.name] = {
        kind: kindOf(column.type, table.type === 'virtual'),
        // A primary key is treated as NOT NULL: the app never stores NULL keys, and STRICT /
        // WITHOUT ROWID tables refuse them.
        // FTS5 columns cannot be declared NOT NULL; the app always writes text there.
        nullable: column.notnull === 0 && column.pk === 0 && table.type !== 'virtual',
        filled: column.dflt_value !== null || isRowid,
        ...(isRowid ? { rowid: true as const } : {}),
        ...(allowed ? { allowed } : {}),
      };
    }
    // FTS5 tables are addressed by rowid (the indexed row's id).
    if (table.type === 'virtual') tableShape.rowid = { kind: 'number', nullable: false, filled: false };
    shape[table.name] = tableShape;
  }
  return shape;
}

function kindOf(declared: string, virtual: boolean): ColumnShape['kind'] {
  const type = declared.toUpperCase();
  if (type === '' && virtual) return 'string'; // FTS5 columns have no declared type and hold text
  if (type.includes('INT') || type === 'REAL' || type.includes('NUMERIC')) return 'number';
  if (type.includes('TEXT') || type.includes('CHAR')) return 'string';
  if (type === 'BLOB') return 'blob';
  return 'other';
}

/** The values of `CHECK (column IN ('a', 'b', …))` in the table's CREATE statement, if there is one. */
function allowedValues(createSql: string, column: string): string[] | undefined {
  const match = new RegExp(`CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)`, 'i').exec(createSql);
  if (!match?.[1]) return undefined;
  const values = [...match[1].matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  return values.length > 0 ? values.sort() : undefined;
}
