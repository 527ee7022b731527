import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DatabaseHealth } from './startup-checks';

/**
 * The startup check (quick_check + foreign_key_check) of a big office in a worker thread, on
 * its own read-only connection: on a twenty-year office it reads the whole 600 MB file (over a
 * second warm, far more cold), which must neither delay the window nor freeze it. Plain
 * CommonJS evaluated in the worker, so it needs no build step of its own in any host.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const problems = [];
try {
  const db = new Database(workerData.file, {
    readonly: true,
    fileMustExist: true,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
  });
  try {
    for (const row of db.pragma(workerData.pragma)) {
      const verdict = row.quick_check ?? row.integrity_check;
      if (verdict !== 'ok') problems.push(verdict);
    }
    for (const row of db.pragma('foreign_key_check').slice(0, 5)) problems.push(row.table + ' #' + row.rowid + ' → ' + row.parent);
  } finally {
    db.close();
  }
} catch (error) {
  problems.push(String(error && error.message ? error.message : error));
}
parentPort.postMessage(problems.slice(0, 10));
`;

export type BackgroundCheck = { done: Promise<DatabaseHealth>; stop: () => Promise<void> };

/**
 * `quick_check` at startup; backups and restores ask for the full `integrity_check` (it also
 * compares every index with its table) of a copy, off the main thread for the same reason.
 */
export function checkInBackground(
  file: string,
  nativeBinding?: string,
  pragma: 'quick_check' | 'integrity_check' = 'quick_check',
): BackgroundCheck {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, betterSqlite3, pragma, ...(nativeBinding ? { nativeBinding } : {}) },
  });
  const done = new Promise<DatabaseHealth>((resolve) => {
    worker.once('message', (problems: string[]) => resolve({ ok: problems.length === 0, problems }));
    // A worker that could not run the check is a check that did not pass: say why, refuse writes.
    worker.once('error', (error) => resolve({ ok: false, problems: [`startup check failed: ${error.message}`] }));
    worker.once('exit', (code) => resolve({ ok: false, problems: [`startup check stopped (exit ${code})`] }));
  });
  return { done, stop: async () => void (await worker.terminate()) };
}
