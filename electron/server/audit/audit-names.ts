import type BetterSqlite3 from 'better-sqlite3';
import type { AuditNames } from '../../../shared/audit/audit-text';

/**
 * Names for 操作日志 sentences, read from the database and remembered for one listing (a page of
 * 50 rows names the same few people and contracts again and again).
 */
export function auditNames(sqlite: BetterSqlite3.Database): AuditNames {
  const memo = <K, V>(load: (key: K) => V): ((key: K) => V) => {
    const seen = new Map<K, V>();
    return (key) => {
      if (!seen.has(key)) seen.set(key, load(key));
      return seen.get(key)!;
    };
  };
  const staffById = sqlite.prepare('SELECT name, code FROM staff WHERE id = ?');
  const staffByCode = sqlite.prepare('SELECT name, code FROM staff WHERE code = ? COLLATE NOCASE');
  const client = sqlite.prepare('SELECT name FROM clients WHERE id = ?').pluck();
  const contract = sqlite.prepare(
    'SELECT k.number AS number, c.name AS clientName FROM contracts k JOIN clients c ON c.id = k.client_id WHERE k.id = ?',
  );
  const kind = sqlite
    .prepare(
      "SELECT CASE WHEN p.name IS NULL THEN k.name ELSE p.name || '/' || k.name END FROM doc_kinds k LEFT JOIN doc_kinds p ON p.id = k.parent_id WHERE k.id = ?",
    )
    .pluck();
  return {
    staff: memo(
      (key: number | string) =>
        ((typeof key === 'number' ? staffById.get(key) : staffByCode.get(key)) as { name: string; code: string } | undefined) ??
        null,
    ),
    client: memo((id: number) => (client.get(id) as string | undefined) ?? null),
    contract: memo((id: number) => (contract.get(id) as { number: string; clientName: string } | undefined) ?? null),
    kind: memo((id: number) => (kind.get(id) as string | undefined) ?? null),
  };
}
