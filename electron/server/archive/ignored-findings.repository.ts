import type BetterSqlite3 from 'better-sqlite3';
import type { AuditFinding, FindingKind } from '../../../shared/contract/archive';
import { pathKey } from '../../../shared/archive/safe-path';
import type { Actor } from '../../../shared/roles';

/** The state a finding is ignored in: the file's size and time, and the record's, if any. */
export function fingerprintOf(
  file: { size: number; mtimeMs: number } | undefined,
  doc:
    | {
        id: number;
        sha256: string;
        size: number;
        rel_path: string;
        kind_id: number | null;
        client_id: number | null;
        contract_id: number | null;
      }
    | undefined,
): string {
  const f = file ? `${file.size}@${Math.floor(file.mtimeMs)}` : 'none';
  const d = doc ? `${doc.id}:${doc.sha256}:${doc.size}:${doc.rel_path}:${doc.kind_id}:${doc.client_id}:${doc.contract_id}` : '-';
  return `${f}|${d}`;
}

const keyOf = (kind: FindingKind, rel: string): string => `${kind}\u0000${pathKey(rel)}`;

/** Ignored findings by kind and path, each with the fingerprint it was ignored in. */
export function loadIgnored(sqlite: BetterSqlite3.Database): Map<string, string> {
  const rows = sqlite.prepare('SELECT kind, path_key, fingerprint FROM archive_ignored').all() as {
    kind: FindingKind;
    path_key: string;
    fingerprint: string;
  }[];
  return new Map(rows.map((r) => [`${r.kind}\u0000${r.path_key}`, r.fingerprint]));
}

/** Still ignored: the finding was ignored and nothing about its file or record has changed since. */
export function isIgnored(ignored: ReadonlyMap<string, string>, f: AuditFinding, fingerprint: string): boolean {
  return ignored.get(keyOf(f.kind, f.relPath)) === fingerprint;
}

/** Call inside a transaction. */
export function rememberIgnored(
  sqlite: BetterSqlite3.Database,
  f: AuditFinding,
  fingerprint: string,
  actor: Actor | null,
  at: Date,
): void {
  sqlite
    .prepare(
      `INSERT INTO archive_ignored (kind, path_key, document_id, fingerprint, ignored_by, ignored_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, path_key) DO UPDATE SET document_id = excluded.document_id, fingerprint = excluded.fingerprint,
         ignored_by = excluded.ignored_by, ignored_at = excluded.ignored_at`,
    )
    .run(f.kind, pathKey(f.relPath), f.documentId, fingerprint, actor?.code ?? 'system', at.toISOString());
}

/** Call inside a transaction; true when there was something to forget. */
export function forgetIgnored(sqlite: BetterSqlite3.Database, kind: FindingKind, rel: string): boolean {
  return sqlite.prepare('DELETE FROM archive_ignored WHERE kind = ? AND path_key = ?').run(kind, pathKey(rel)).changes > 0;
}
