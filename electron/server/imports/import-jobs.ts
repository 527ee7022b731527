import type { ImportPhase, ImportProgress } from '../../../shared/imports/import-report';
import type { Actor } from '../../../shared/roles';
import { AppError } from '../core/app-error';

/**
 * The imports running in this process, by the job id their caller chose: what phase each is
 * in (for `imports.progress`), how to stop it (`imports.cancel`), and the one-at-a-time slot
 * that bounds memory — a second import waits its turn, a sixth is refused.
 */
export const MAX_RUNNING_IMPORTS = 1;
export const MAX_WAITING_IMPORTS = 4;
/** A finished job is still answered for a while, so the last poll sees 'done'. */
const KEEP_FINISHED_MS = 60_000;

type Job = ImportProgress & { actorCode: string | null; cancel: (() => void) | null; cancelled: boolean };

const jobs = new Map<string, Job>();

/**
 * Cancels that came before their job. The page shows 取消 as soon as it starts sending the file,
 * but the job exists only once the host has received the whole upload: a cancel in between found
 * nothing, was dropped, and the import ran anyway. It is kept here (for the same person, or from
 * an owner) and the job starts cancelled. Kept a few minutes, and only so many.
 */
const earlyCancels = new Map<string, { actorCode: string | null; byOwner: boolean }>();
const EARLY_CANCEL_MS = 5 * 60_000;
const MAX_EARLY_CANCELS = 100;

let running = 0;
const waiting: (() => void)[] = [];

export type JobHandle = {
  update: (phase: ImportPhase, done: number, total: number) => void;
  /** Set how to stop the work once it runs (kill the import child). */
  onCancel: (cancel: () => void) => void;
  isCancelled: () => boolean;
  finish: (phase: 'done' | 'failed' | 'cancelled') => void;
};

export async function startJob(
  jobId: string | undefined,
  actor: Actor | null,
  kind: string,
  fileName: string,
  now: Date,
): Promise<JobHandle> {
  if (jobId && jobs.has(jobId) && !isFinished(jobs.get(jobId)!.phase))
    throw new AppError('conflict', { zh: '这个导入任务编号已在使用中。', en: 'This import job id is already in use.' });
  const job: Job = {
    jobId: jobId ?? '',
    kind,
    fileName,
    phase: 'queued',
    done: 0,
    total: 0,
    startedAt: now.toISOString(),
    actorCode: actor?.code ?? null,
    cancel: null,
    cancelled: false,
  };
  if (jobId) jobs.set(jobId, job);
  if (jobId && takeEarlyCancel(jobId, job.actorCode)) {
    job.cancelled = true;
    job.phase = 'cancelled';
    forgetLater(jobId, job);
    throw cancelledError();
  }
  if (running >= MAX_RUNNING_IMPORTS) {
    if (waiting.length >= MAX_WAITING_IMPORTS) {
      if (jobId) jobs.delete(jobId);
      // Too many at once is the caller's to retry later (429), not the office failing (5xx).
      throw new AppError('too_many_requests', {
        zh: `已有 ${running + waiting.length} 个导入正在进行或排队,请等它们完成后再试。`,
        en: `${running + waiting.length} imports are running or waiting; try again when they are done.`,
      });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  let released = false;
  return {
    update(phase, done, total) {
      if (job.cancelled) return;
      job.phase = phase;
      job.done = done;
      job.total = total;
    },
    onCancel(cancel) {
      job.cancel = cancel;
      if (job.cancelled) cancel();
    },
    isCancelled: () => job.cancelled,
    finish(phase) {
      // 'done' after a cancel: the cancel came too late and the import did commit (run-import.ts).
      job.phase = job.cancelled && phase !== 'done' ? 'cancelled' : phase;
      if (!released) {
        released = true;
        running--;
        waiting.shift()?.();
      }
      if (jobId) forgetLater(jobId, job);
    },
  };
}

function forgetLater(jobId: string, job: Job): void {
  setTimeout(() => jobs.get(jobId) === job && jobs.delete(jobId), KEEP_FINISHED_MS).unref();
}

function takeEarlyCancel(jobId: string, actorCode: string | null): boolean {
  const early = earlyCancels.get(jobId);
  if (!early || !(early.byOwner || early.actorCode === actorCode)) return false;
  earlyCancels.delete(jobId);
  return true;
}

function rememberEarlyCancel(jobId: string, actor: Actor | null): void {
  if (earlyCancels.size >= MAX_EARLY_CANCELS) earlyCancels.delete(earlyCancels.keys().next().value!);
  const entry = { actorCode: actor?.code ?? null, byOwner: actor?.role === 'owner' };
  earlyCancels.set(jobId, entry);
  setTimeout(() => earlyCancels.get(jobId) === entry && earlyCancels.delete(jobId), EARLY_CANCEL_MS).unref();
}

function isFinished(phase: ImportPhase): boolean {
  return phase === 'done' || phase === 'failed' || phase === 'cancelled';
}

/** Only the person who started an import (or the owner) sees or stops it. */
function visibleTo(job: Job, actor: Actor | null): boolean {
  return actor?.role === 'owner' || (actor?.code ?? null) === job.actorCode;
}

export function jobProgress(jobId: string, actor: Actor | null): ImportProgress | null {
  const job = jobs.get(jobId);
  if (!job || !visibleTo(job, actor)) return null;
  const { actorCode: _a, cancel: _c, cancelled: _d, ...progress } = job;
  return progress;
}

/**
 * Stop an import: one not yet started (its upload still arriving) or waiting never starts, a
 * running one's child process is killed (its transaction never commits).
 */
export function cancelJob(jobId: string, actor: Actor | null): boolean {
  const job = jobs.get(jobId);
  if (!job) {
    // Not started yet (its file still on the way): it will start cancelled.
    rememberEarlyCancel(jobId, actor);
    return true;
  }
  if (!visibleTo(job, actor) || isFinished(job.phase)) return false;
  job.cancelled = true;
  job.phase = 'cancelled';
  job.cancel?.();
  return true;
}

export function cancelledError(): AppError {
  return new AppError(
    'conflict',
    { zh: '导入已取消,未写入任何数据。', en: 'The import was cancelled; nothing was written.' },
    {
      cancelled: true,
    },
  );
}
