import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { OldFolderJob } from '../../../shared/contract/intake';
import { absInside, hashFile } from '../archive/archive-fs';
import { withArchiveLock } from '../archive/archive-lock';
import { fileStream } from '../archive/filing.service';
import { writeAudit } from '../audit/audit.repository';
import { AppError, toAppErrorText } from './old-folders.errors';
import type { CallContext } from '../core/context';
import { assertOldRoot, proposeOldFolder, type OldFile } from './old-folders.propose';
import { fileBatch, type BatchOutcome } from './batch-filing';

type Running = { job: OldFolderJob; abort: AbortController; finished: Promise<void> };
const jobs = new WeakMap<BetterSqlite3.Database, Running>();

const idle = (): OldFolderJob => ({
  state: 'idle',
  root: null,
  move: false,
  total: 0,
  done: 0,
  filed: 0,
  duplicates: 0,
  failed: 0,
  withoutClient: 0,
  duplicateList: [],
  failedList: [],
  startedAt: null,
  finishedAt: null,
});

export function oldFolderStatus(ctx: Pick<CallContext, 'sqlite'>): OldFolderJob {
  const r = jobs.get(ctx.sqlite);
  return r ? structuredClone(r.job) : idle();
}

/** Resolves when the current import (if any) has stopped (tests, the bench). */
export async function oldFolderIdle(ctx: Pick<CallContext, 'sqlite'>): Promise<OldFolderJob> {
  await jobs.get(ctx.sqlite)?.finished;
  return oldFolderStatus(ctx);
}

export function cancelOldFolder(ctx: CallContext): OldFolderJob {
  jobs.get(ctx.sqlite)?.abort.abort();
  return oldFolderStatus(ctx);
}

/**
 * 收编: file every proposed file through the archive's own filing (each whole or absent after a
 * crash), one at a time in the background with progress and cancel. Content already filed is
 * skipped and reported — so running it again after a crash or a cancel carries on where it
 * stopped. With `move`, a source file is removed only once the archive holds its content.
 */
export async function startOldFolderImport(ctx: CallContext, input: { root: string; move: boolean }): Promise<OldFolderJob> {
  if (jobs.get(ctx.sqlite)?.job.state === 'running')
    throw new AppError('conflict', {
      zh: '已有一个旧文件夹正在收编,请等它完成或先取消。',
      en: 'An old folder is already being brought in; wait for it or cancel it first.',
    });
  const root = assertOldRoot(ctx, input.root);
  const { files } = proposeOldFolder(ctx, root);
  const job: OldFolderJob = {
    ...idle(),
    state: 'running',
    root,
    move: input.move,
    total: files.length,
    startedAt: ctx.now().toISOString(),
  };
  const abort = new AbortController();
  const running: Running = { job, abort, finished: Promise.resolve() };
  running.finished = run(ctx, running, files).catch((error: unknown) => {
    job.state = 'failed';
    job.failedList.push({ relPath: '', ...toAppErrorText(error) });
  });
  jobs.set(ctx.sqlite, running);
  await ctx.db
    .transaction()
    .execute(async (trx) =>
      writeAudit(
        trx,
        ctx.actor,
        { action: 'intake.import', entity: 'folder', entityId: root, after: { files: files.length, move: input.move } },
        ctx.now(),
      ),
    );
  return structuredClone(job);
}

/** Small files go in batches (durability work grouped); a big one alone, streamed, as single filing does. */
export const BATCH_FILES = 200;
export const BATCH_MAX_BYTES = 1 << 20;

async function run(ctx: CallContext, r: Running, files: OldFile[]): Promise<void> {
  const { job } = r;
  const record = async (f: OldFile, outcome: BatchOutcome): Promise<void> => {
    if (outcome.outcome === 'failed') {
      job.failed++;
      if (job.failedList.length < 200) job.failedList.push({ relPath: f.relPath, ...toAppErrorText(outcome.error) });
    } else {
      if (outcome.outcome === 'filed') {
        job.filed++;
        if (f.clientId === null) job.withoutClient++;
      } else {
        job.duplicates++;
        if (job.duplicateList.length < 200) job.duplicateList.push({ relPath: f.relPath, existingPath: outcome.existingPath });
      }
      if (job.move) {
        const stored = outcome.outcome === 'filed' ? outcome.relPath : outcome.existingPath;
        // A duplicate inside the same batch names its twin's source name, not an archive path: keep the source then.
        const abs = absInside(ctx.archiveRoot(), stored);
        if (fs.existsSync(abs) && (await hashFile(abs)) === (await hashFile(f.abs))) fs.rmSync(f.abs);
      }
    }
    job.done++;
  };
  for (let i = 0; i < files.length && !r.abort.signal.aborted;) {
    const batch: OldFile[] = [];
    while (i < files.length && batch.length < BATCH_FILES && files[i]!.size <= BATCH_MAX_BYTES) batch.push(files[i++]!);
    if (batch.length) {
      const outcomes = await withArchiveLock(() =>
        fileBatch(
          ctx,
          batch.map((f) => ({
            abs: f.abs,
            originalName: f.relPath.slice(f.relPath.lastIndexOf('/') + 1),
            clientId: f.clientId,
            kindId: f.kindId,
            docDate: f.docDate,
          })),
        ),
      );
      for (let k = 0; k < batch.length; k++) await record(batch[k]!, outcomes[k]!);
      continue;
    }
    const f = files[i++]!;
    try {
      const result = await withArchiveLock(() =>
        fileStream(ctx, fs.createReadStream(f.abs, { highWaterMark: Math.max(16 * 1024, Math.min(1 << 20, f.size)) }), {
          originalName: f.relPath.slice(f.relPath.lastIndexOf('/') + 1),
          fields: { clientId: f.clientId, kindId: f.kindId, contractId: null, docDate: f.docDate },
          onDuplicate: 'skip',
          signal: r.abort.signal,
        }),
      );
      await record(
        f,
        result.outcome === 'filed'
          ? { outcome: 'filed', documentId: result.document.id, relPath: result.document.relPath }
          : { outcome: 'duplicate', existingPath: result.existing.relPath },
      );
    } catch (error) {
      if (r.abort.signal.aborted) break;
      await record(f, { outcome: 'failed', error });
    }
  }
  job.state = r.abort.signal.aborted ? 'cancelled' : 'done';
  job.finishedAt = ctx.now().toISOString();
}
