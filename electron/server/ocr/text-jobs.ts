import type BetterSqlite3 from 'better-sqlite3';

// The queue's rows only; the runner (text-jobs.runner.ts) builds on this, never the other way round.

export type TextJobKind = 'extract' | 'ocr';
export type TextJob = {
  id: number;
  document_id: number;
  kind: TextJobKind;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  page: number;
  pages: number;
  error: string | null;
};

/** Queue (or queue again) a document's text work; call inside a transaction. */
export function enqueueJob(sqlite: BetterSqlite3.Database, documentId: number, kind: TextJobKind, at: string): void {
  sqlite
    .prepare(
      `INSERT INTO text_jobs (document_id, kind, state, created_at, updated_at) VALUES (?, ?, 'queued', ?, ?)
       ON CONFLICT (document_id, kind) DO UPDATE SET state = 'queued', page = 0, pages = 0, error = NULL, updated_at = excluded.updated_at`,
    )
    .run(documentId, kind, at, at);
}

/** The oldest queued job, marked running. */
export function claimNextJob(sqlite: BetterSqlite3.Database, at: string): TextJob | null {
  return (
    (sqlite
      .prepare(
        `UPDATE text_jobs SET state = 'running', updated_at = ?
         WHERE id = (SELECT id FROM text_jobs WHERE state = 'queued' ORDER BY kind = 'ocr', id LIMIT 1) RETURNING *`,
      )
      .get(at) as TextJob | undefined) ?? null
  );
}

/** After a restart nothing is running: what was, runs again from its first page. */
export function requeueInterrupted(sqlite: BetterSqlite3.Database, at: string): number {
  return sqlite.prepare(`UPDATE text_jobs SET state = 'queued', page = 0, updated_at = ? WHERE state = 'running'`).run(at)
    .changes;
}

export function setJobProgress(sqlite: BetterSqlite3.Database, id: number, page: number, pages: number, at: string): void {
  sqlite.prepare('UPDATE text_jobs SET page = ?, pages = ?, updated_at = ? WHERE id = ?').run(page, pages, at, id);
}

export function finishJob(
  sqlite: BetterSqlite3.Database,
  id: number,
  state: 'done' | 'failed' | 'cancelled',
  error: string | null,
  at: string,
): void {
  sqlite.prepare('UPDATE text_jobs SET state = ?, error = ?, updated_at = ? WHERE id = ?').run(state, error, at, id);
}

export function jobOf(sqlite: BetterSqlite3.Database, documentId: number, kind: TextJobKind): TextJob | null {
  return (
    (sqlite.prepare('SELECT * FROM text_jobs WHERE document_id = ? AND kind = ?').get(documentId, kind) as TextJob | undefined) ??
    null
  );
}
