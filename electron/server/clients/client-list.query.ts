import type BetterSqlite3 from 'better-sqlite3';
import type { ClientFilters, ClientListInput, ClientListRow } from '../../../shared/contract/clients';
import { STAGES, funnelStepOf } from '../../../shared/clients/classification';
import { searchMatchExpression } from '../../../shared/clients/search-grams';
import { toClientListRow } from './clients.repository';

/**
 * The client page query, written for 100k clients: a page's ids and the count come from the
 * clients_list index (sort key + every filter column), the page's ten-odd columns are read
 * for those ids only, and search narrows through the client_search FTS5 index. Raw prepared
 * statements, cached per shape of filter, because this is the app's hottest read.
 */
export type ClientWhere = { sql: string; params: (string | number)[] };

export function clientWhere(filters: ClientFilters, scopedOwnerId: number | null): ClientWhere {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (!filters.includeArchived) parts.push('c.archived_at IS NULL');
  const owner = scopedOwnerId ?? filters.ownerStaffId;
  if (scopedOwnerId !== null && filters.ownerStaffId !== undefined && filters.ownerStaffId !== scopedOwnerId) {
    parts.push('0');
  } else if (owner === 0) {
    parts.push('c.owner_staff_id IS NULL');
  } else if (owner !== undefined) {
    parts.push('c.owner_staff_id = ?');
    params.push(owner);
  }
  const eq = (column: string, value: string | number | undefined): void => {
    if (value === undefined || value === '') return;
    parts.push(`c.${column} = ?`);
    params.push(value);
  };
  eq('level', filters.level);
  eq('grade', filters.grade);
  eq('source', filters.source);
  eq('stage', filters.stage);
  eq('province', filters.province);
  eq('city', filters.city);
  eq('district', filters.district);
  if (filters.funnel) {
    const stages = STAGES.filter((s) => funnelStepOf(s) === filters.funnel);
    parts.push(`c.stage IN (${stages.map(() => '?').join(',')})`);
    params.push(...stages);
  }
  const match = searchMatchExpression(filters.search);
  if (filters.search && match === null) parts.push('0');
  if (match) {
    parts.push('c.id IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)');
    params.push(match);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function cachedStatement(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    statement = sqlite.prepare(text);
    if (cache.size > 200) cache.clear();
    cache.set(text, statement);
  }
  return statement;
}

const CLIENT_ORDER: Record<string, string> = {
  joinedOn: 'c.joined_on',
  name: 'c.name',
  level: 'c.level',
  completeness: 'c.completeness',
};

/**
 * ORDER BY for a list sort. Join date walks the clients_list index; the other columns sort the
 * filtered rows (a click by a person, not the hot path), with the join date and id breaking ties
 * so paging never repeats or skips a client.
 */
export function clientOrderSql(sort: ClientFilters['sort']): string {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const dir = desc ? 'DESC' : 'ASC';
  if (key === 'joinedOn') return `c.joined_on ${dir}, c.id ${dir}`;
  return `${CLIENT_ORDER[key] ?? 'c.joined_on'} ${dir}, c.joined_on ${dir}, c.id ${dir}`;
}

export function clientPageSql(where: ClientWhere, sort: ClientFilters['sort']): { ids: string; count: string } {
  const order = clientOrderSql(sort);
  return {
    ids: `SELECT c.id FROM clients c ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    count: `SELECT count(*) FROM clients c ${where.sql}`,
  };
}

const ROWS_SQL = `
  SELECT c.id, c.kind, c.name, c.contact_name, c.province, c.city, c.district, c.source, c.level, c.grade,
         c.stage, c.owner_staff_id, c.joined_on, c.completeness, c.archived_at, s.name AS owner_name,
         (SELECT p.phone FROM client_phones p WHERE p.client_id = c.id ORDER BY p.id LIMIT 1) AS phone
  FROM clients c LEFT JOIN staff s ON s.id = c.owner_staff_id
  WHERE c.id IN (SELECT value FROM json_each(?))`;

export function queryClientPage(
  sqlite: BetterSqlite3.Database,
  input: ClientListInput,
  scopedOwnerId: number | null,
): { rows: ClientListRow[]; total: number } {
  const where = clientWhere(input, scopedOwnerId);
  const text = clientPageSql(where, input.sort);
  const total = cachedStatement(sqlite, text.count)
    .pluck()
    .get(...where.params) as number;
  if (total === 0 || input.offset >= total) return { rows: [], total };
  const ids = cachedStatement(sqlite, text.ids)
    .pluck()
    .all(...where.params, input.limit, input.offset) as number[];
  return { rows: rowsForIds(sqlite, ids), total };
}

/** The list columns for these ids, in the order given. */
export function rowsForIds(sqlite: BetterSqlite3.Database, ids: readonly number[]): ClientListRow[] {
  if (ids.length === 0) return [];
  const found = cachedStatement(sqlite, ROWS_SQL).all(JSON.stringify(ids)) as Parameters<typeof toClientListRow>[0][];
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toClientListRow(r)] : [];
  });
}
