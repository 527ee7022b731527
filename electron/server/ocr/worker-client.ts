import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileText, PageProgress } from './engine/recognise-file';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export type RecogniseJob = { signal?: AbortSignal | undefined; onPage?: ((p: PageProgress) => void) | undefined };
export type WorkerResult = FileText & { maxRssBytes: number };

/** The worker gives its memory back when nothing was asked of it for this long. */
const IDLE_MS = 60_000;
/** A cancelled job gets this long to stop at its next line; then the worker is ended. */
const CANCEL_GRACE_MS = 10_000;
/** V8's heap in the worker (pixels and models live outside it, in native memory). */
const WORKER_HEAP_MB = 768;

type Pending = {
  resolve: (r: WorkerResult) => void;
  reject: (e: Error) => void;
  onPage: (p: PageProgress) => void;
  request: Extract<WorkerRequest, { type: 'recognise' }>;
};

/** How to start the worker: the TypeScript source through tsx (tests, CLI, browser mode), or the bundle next to main.js (desktop app). */
function workerEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(
      path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
    ).href;
    return { file: path.join(path.dirname(here), 'ocr-worker.ts'), execArgv: ['--import', tsx] };
  }
  return { file: path.join(path.dirname(here), 'ocr-worker.js'), execArgv: [] };
}

/** CPU threads for ONNX Runtime: leave one core to the office on a small machine. */
export function ocrThreads(): number {
  const fromEnv = Number(process.env.OFFICE_OCR_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** What the client needs of a child process or a worker thread. */
type Channel = {
  send: (m: WorkerRequest) => void;
  kill: () => void;
  onMessage: (fn: (m: WorkerReply) => void) => void;
  onExit: (fn: (why: string) => void) => void;
};

/**
 * Node hosts (browser mode, CLI, tests) fork a process: its memory is its own and measurable,
 * and it runs at a lower priority. The packaged desktop app cannot run Electron as Node (its
 * fuses forbid it), so there the worker is a thread of the main process.
 */
function startChannel(): Channel {
  const entry = workerEntry();
  const heap = `--max-old-space-size=${WORKER_HEAP_MB}`;
  if (process.versions.electron) {
    const worker = new Worker(entry.file, {
      execArgv: [...entry.execArgv],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.unref();
    return {
      send: (m) => worker.postMessage(m),
      kill: () => void worker.terminate(),
      onMessage: (fn) => void worker.on('message', fn),
      onExit: (fn) => void worker.on('exit', (code) => fn(`exit ${code}`)),
    };
  }
  const child = fork(entry.file, [], {
    execArgv: [...entry.execArgv, heap],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  // Below the office's own priority: on a two-core PC the window and the host come first.
  try {
    if (child.pid) os.setPriority(child.pid, 10);
  } catch {
    // Not permitted here: it still works, only at normal priority.
  }
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
  // The office process may exit while the worker is idle.
  child.unref();
  (child as unknown as { channel?: { unref: () => void } }).channel?.unref();
  return {
    send: (m) => {
      if (child.connected) child.send(m);
    },
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    onMessage: (fn) => void child.on('message', fn),
    onExit: (fn) =>
      void child.on('exit', (code, signal) => fn(`${signal ?? code}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`)),
  };
}

/**
 * The one OCR worker process of this office process: started on first use, ended when idle,
 * on cancel that does not stop in time, and with the parent. Files are read one at a time.
 */
export class OcrWorker {
  private child: Channel | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Highest resident memory any run of the worker reached (bytes). */
  peakRssBytes = 0;

  recognise(absPath: string, ext: string, job: RecogniseJob = {}): Promise<WorkerResult> {
    if (job.signal?.aborted) return Promise.reject(abortError());
    const id = this.nextId++;
    const child = this.start();
    this.touch();
    return new Promise<WorkerResult>((resolve, reject) => {
      const onAbort = (): void => {
        this.post({ type: 'cancel', id });
        const pending = this.pending.get(id);
        if (pending) pending.reject = (e) => reject(e);
        // Ends the worker if the job does not stop in time (a long line or a huge page).
        setTimeout(() => {
          if (this.pending.has(id)) this.endStuckJob(id);
        }, CANCEL_GRACE_MS).unref();
      };
      job.signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = (): void => job.signal?.removeEventListener('abort', onAbort);
      const request = { type: 'recognise', id, path: absPath, ext, threads: ocrThreads() } as const;
      this.pending.set(id, {
        resolve: (r) => (cleanup(), resolve(r)),
        reject: (e) => (cleanup(), reject(e)),
        onPage: job.onPage ?? (() => undefined),
        request,
      });
      child.send(request satisfies WorkerRequest);
    });
  }

  /**
   * A cancelled job that did not stop in time: end the worker, fail that job as cancelled, and
   * hand every other waiting job to a fresh worker (they were not cancelled).
   */
  private endStuckJob(id: number): void {
    const stuck = this.pending.get(id);
    const others = [...this.pending.values()].filter((p) => p !== stuck);
    this.pending.clear();
    const child = this.child;
    this.child = null;
    child?.kill();
    stuck?.reject(abortError());
    if (others.length === 0) return;
    const fresh = this.start();
    for (const p of others) {
      this.pending.set(p.request.id, p);
      fresh.send(p.request);
    }
  }

  /** End the worker; every job still waiting fails with `reason`. */
  stop(reason: Error = new Error('OCR worker stopped')): void {
    const child = this.child;
    this.child = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    child?.kill();
    for (const p of this.pending.values()) p.reject(reason);
    this.pending.clear();
  }

  private start(): Channel {
    if (this.child) return this.child;
    const child = startChannel();
    child.onMessage((m) => this.onMessage(m));
    child.onExit((why) => {
      // A worker ended by stop() already failed its jobs; those waiting now belong to its successor.
      if (this.child !== child) return;
      this.child = null;
      for (const p of this.pending.values()) p.reject(new Error(`OCR worker ended (${why})`));
      this.pending.clear();
    });
    this.child = child;
    return child;
  }

  private onMessage(m: WorkerReply): void {
    if (m.type === 'ready') return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'page') {
      p.onPage({ page: m.page, pages: m.pages });
      return;
    }
    this.pending.delete(m.id);
    this.peakRssBytes = Math.max(this.peakRssBytes, m.maxRssBytes);
    this.touch();
    if (m.type === 'done') p.resolve({ ...m.result, maxRssBytes: m.maxRssBytes });
    else p.reject(m.cancelled ? abortError() : new Error(m.message));
  }

  private post(m: WorkerRequest): void {
    this.child?.send(m);
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) this.stop();
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}

export function abortError(): Error {
  return Object.assign(new Error('OCR cancelled'), { name: 'AbortError' });
}
