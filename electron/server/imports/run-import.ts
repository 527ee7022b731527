import type { ErrorBody } from '../../../shared/errors';
import type { ImportFileInput, ImportReport } from '../../../shared/imports/import-report';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { cancelledError, startJob, type JobHandle } from './import-jobs';
import { runImportHere } from './import-pipeline';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker';
import type { Importer } from './importer';
import { limitError } from './read/read-errors';
import { prepareSpareWorker, takeWorker } from './worker-pool';

/**
 * Every import handler calls this. The work runs in a worker thread with a bounded heap
 * (IMPORT_LIMITS.workerHeapMb): the host keeps answering while a file is read, checked and
 * written, a file that would need more memory stops only its worker, and `imports.cancel`
 * terminates the worker (the transaction is never committed). An in-memory office (some
 * unit tests) cannot be opened from another thread, so it runs inline, same code.
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
        : await runInWorker(ctx, importer.kind, input, job);
    job.finish('done');
    return report;
  } catch (error) {
    job.finish(job.isCancelled() ? 'cancelled' : 'failed');
    if (job.isCancelled()) throw cancelledError();
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

function runInWorker(ctx: CallContext, kind: string, input: ImportFileInput, job: JobHandle): Promise<ImportReport> {
  const { dataBase64, ...options } = input;
  // The file decoded once, straight into the buffer that is then moved (not copied) to the worker.
  const buffer = new ArrayBuffer(Buffer.byteLength(dataBase64, 'base64'));
  const written = Buffer.from(buffer).write(dataBase64, 'base64');
  const bytes = written === buffer.byteLength ? buffer : buffer.slice(0, written);
  const workerData: ImportWorkerData = {
    dbFile: ctx.sqlite.name,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
    dataDir: ctx.dataDir,
    archiveRoot: safeArchiveRoot(ctx),
    kind,
    input: options,
    bytes,
    actor: ctx.actor,
    nowIso: ctx.now().toISOString(),
  };
  return new Promise<ImportReport>((resolve, reject) => {
    const worker = takeWorker();
    worker.postMessage(workerData, [bytes]);
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      // The worker's job is over either way: end it, so its memory goes back now, and get
      // the next one ready.
      void worker.terminate().then(prepareSpareWorker);
      fn();
    };
    job.onCancel(() => {
      void worker.terminate();
      settle(() => reject(cancelledError()));
    });
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') job.update(message.phase, message.done, message.total);
      else if (message.type === 'done') settle(() => resolve(message.report as ImportReport));
      else settle(() => reject(fromBody(message.error)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? limitError(
                input.fileName,
                'workerHeapMb',
                '读取和检查这个文件需要的内存超过上限',
                'reading and checking this file needs more memory than allowed',
              )
            : new AppError(
                'internal',
                `导入时程序内部错误:${error.message}。未写入任何数据。`,
                `Internal error while importing: ${error.message}. Nothing was written.`,
              ),
        ),
      );
    });
    worker.on('exit', (code) => {
      settle(() =>
        reject(
          new AppError(
            'internal',
            `导入进程意外结束(退出码 ${code}),未写入任何数据,请重试。`,
            `The import stopped unexpectedly (exit ${code}); nothing was written. Try again.`,
          ),
        ),
      );
    });
  });
}

function fromBody(body: ErrorBody): AppError {
  return new AppError(body.code, body.message, body.messageEn, body.details);
}

function safeArchiveRoot(ctx: CallContext): string {
  try {
    return ctx.archiveRoot();
  } catch {
    return ctx.dataDir;
  }
}
