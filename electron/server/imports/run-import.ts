import type { ErrorBody } from '../../../shared/errors';
import type { ImportFileInput, ImportReport } from '../../../shared/imports/import-report';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { cancelledError, startJob, type JobHandle } from './import-jobs';
import { runImportHere } from './import-pipeline';
import type { ImportJob } from './import-child';
import type { Importer } from './importer';
import {
  importHeapMb,
  notePeakRss,
  prepareSpareImportChild,
  takeImportChild,
  type ChildEnd,
  type ImportChild,
} from './import-process';

/**
 * Every import handler calls this. The work runs in a child process with a bounded heap
 * (IMPORT_LIMITS.workerHeapMb, import-process.ts): the host keeps answering while a file is
 * read, checked and written, its memory is not the host's, a file that would need more memory
 * ends only the child (a bilingual refusal naming the limit), and `imports.cancel` kills the
 * child (its transaction is never committed). An in-memory office (some unit tests) cannot be
 * opened from another process, so it runs inline, same code.
 */
export async function runImport<F extends string, R>(
  ctx: CallContext,
  importer: Importer<F, R>,
  input: ImportFileInput,
): Promise<ImportReport> {
  const job = await startJob(input.jobId, ctx.actor, importer.kind, input.fileName, ctx.now());
  try {
    if (job.isCancelled()) throw cancelledError();
    const report =
      ctx.sqlite.memory || process.env.OFFICE_IMPORT_INLINE === '1'
        ? await runInline(ctx, importer, input, Buffer.from(input.dataBase64, 'base64'), job)
        : await runInChild(ctx, importer.kind, input, job);
    job.finish('done');
    return report;
  } catch (error) {
    const committed = error instanceof AppError && error.details?.committed === true;
    job.finish(committed ? 'done' : job.isCancelled() ? 'cancelled' : 'failed');
    if (job.isCancelled() && !committed) throw cancelledError();
    throw error;
  }
}

function runInline<F extends string, R>(
  ctx: CallContext,
  importer: Importer<F, R>,
  input: ImportFileInput,
  bytes: Buffer,
  job: JobHandle,
): Promise<ImportReport> {
  return runImportHere(ctx, importer, input, bytes, {
    progress: job.update,
    transaction: (c, work) => c.db.transaction().execute(work),
  });
}

const SPARE_DELAY_MS = 1000;

function runInChild(ctx: CallContext, kind: string, input: ImportFileInput, job: JobHandle): Promise<ImportReport> {
  const { dataBase64, ...options } = input;
  const data: ImportJob = {
    dbFile: ctx.sqlite.name,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
    dataDir: ctx.dataDir,
    archiveRoot: safeArchiveRoot(ctx),
    kind,
    input: options,
    dataBase64: '',
    actor: ctx.actor,
    nowIso: ctx.now().toISOString(),
  };
  return new Promise<ImportReport>((resolve, reject) => {
    const child = takeImportChild();
    const heapMb = importHeapMb();
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      // The child's job is over either way: end it, so its memory goes back now, and get the
      // next one ready a moment after it is gone — not in a one-shot CLI run, which has exited
      // by then (the timer does not keep it alive), so no spare starts only to be dropped.
      child.onExit(() => setTimeout(prepareSpareImportChild, SPARE_DELAY_MS).unref());
      child.kill();
      fn();
    };
    // The child may have committed just before the cancel reached it (its 'done' still on the
    // way): once it is gone, the audit log says whether this job's write landed.
    job.onCancel(() =>
      settle(() => child.onExit(() => void cancelOutcome(ctx, kind, input.fileName, input.jobId).then(reject, reject))),
    );
    child.onMessage((message) => {
      if (message.type === 'progress') return job.update(message.phase, message.done, message.total);
      notePeakRss(message.maxRssBytes);
      if (message.type === 'done') settle(() => resolve(message.report as ImportReport));
      else settle(() => reject(fromBody(message.error)));
    });
    child.onExit((end) => settle(() => reject(childEndError(input.fileName, end, heapMb))));
    void sendInParts(child, dataBase64, data, () => settled);
  });
}

/** 1 MiB of base64 a message: a few milliseconds of the host's thread each. */
const IMPORT_PART_CHARS = 1 << 20;

/** The file in parts with the host's thread free between them, then the job (ImportChildInput). */
async function sendInParts(child: ImportChild, dataBase64: string, job: ImportJob, over: () => boolean): Promise<void> {
  for (let at = 0; at < dataBase64.length; at += IMPORT_PART_CHARS) {
    if (over()) return;
    child.send({ type: 'part', text: dataBase64.slice(at, at + IMPORT_PART_CHARS) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!over()) child.send({ type: 'job', job });
}

/**
 * The child ended without answering. Out of memory (V8 aborts with its "heap out of memory"
 * line) is the file's doing: `too_large`, naming the limit. Anything else (killed from outside,
 * a crash) is said as such; either way its transaction never committed, so nothing was written.
 */
export function childEndError(fileName: string, end: ChildEnd, heapMb: number): AppError {
  const how = end.signal ?? `exit ${end.code}`;
  if (
    /heap out of memory|Reached heap limit|allocation failed/i.test(end.stderrTail) ||
    end.signal === 'SIGABRT' ||
    end.code === 134
  )
    return new AppError(
      'too_large',
      {
        zh: `无法导入"${fileName}":读取和检查这个文件需要的内存超过导入上限(读取时的内存 ${heapMb} MB),导入已停止,未写入任何数据。请把表格拆分成几个文件后分批导入。`,
        en: `Cannot import "${fileName}": reading and checking it needs more memory than the import limit (memory while reading ${heapMb} MB); the import stopped and nothing was written. Split the sheet into several files and import them one by one.`,
      },
      { fileName, limit: 'workerHeapMb', limitValue: heapMb },
    );
  return new AppError(
    'unavailable',
    {
      zh: `导入"${fileName}"的进程意外结束(${how}),未写入任何数据。请重试;若再次发生,可能是电脑内存不足,请关闭其他程序或把文件拆分后再导入。`,
      en: `The process importing "${fileName}" ended unexpectedly (${how}); nothing was written. Try again; if it happens again the computer may be short of memory: close other programs or split the file.`,
    },
    { fileName, childEnd: how },
  );
}

/**
 * What a cancelled import did, told once its child has ended: nothing (the usual case), or — when
 * the cancel came after the child's COMMIT — that it was written after all, with the counts from
 * the import's own audit row, so nobody is told "nothing was written" about rows that are there.
 */
export async function cancelOutcome(
  ctx: Pick<CallContext, 'db'>,
  kind: string,
  fileName: string,
  jobId: string | undefined,
): Promise<AppError> {
  if (!jobId) return cancelledError();
  const row = await ctx.db
    .selectFrom('audit_log')
    .select('after_json')
    // (entity, entity_id IS NULL) is the audit_log_entity index's prefix: only import rows are read.
    .where('entity', '=', kind)
    .where('entity_id', 'is', null)
    .where('action', '=', `${kind}.import`)
    .where((eb) => eb.fn<string | null>('json_extract', ['after_json', eb.val('$.jobId')]), '=', jobId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row?.after_json) return cancelledError();
  const done = JSON.parse(row.after_json) as { inserted?: number; updated?: number; skipped?: number };
  const [inserted, updated, skipped] = [done.inserted ?? 0, done.updated ?? 0, done.skipped ?? 0];
  return new AppError(
    'conflict',
    {
      zh: `取消太晚:"${fileName}"在取消前已经导入完成(新增 ${inserted} 行,更新 ${updated} 行,跳过 ${skipped} 行),数据已写入。如需撤回,请在操作日志中查看这次导入,再逐条修改或删除。`,
      en: `Cancelled too late: "${fileName}" had already been imported (${inserted} added, ${updated} updated, ${skipped} skipped); the data is written. To undo it, find this import in the audit log and edit or delete the rows.`,
    },
    { committed: true, inserted, updated, skipped },
  );
}

function fromBody(body: ErrorBody): AppError {
  return new AppError(body.code, { zh: body.message, en: body.messageEn }, body.details);
}

function safeArchiveRoot(ctx: CallContext): string {
  try {
    return ctx.archiveRoot();
  } catch {
    return ctx.dataDir;
  }
}
