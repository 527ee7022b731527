import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS } from '../../../shared/imports/limits';

/**
 * Import workers, one per import: each ends with its import, so every byte it used goes back.
 * Starting one costs a moment (loading the importers; more from the TypeScript sources), so
 * after the first import of a process a spare is started in the background and waits,
 * unreferenced, for the next — and is ended after a few idle minutes.
 */
const SPARE_IDLE_MS = 3 * 60_000;

let spare: { worker: Worker; timer: NodeJS.Timeout } | null = null;

export function takeWorker(): Worker {
  if (spare) {
    clearTimeout(spare.timer);
    const worker = spare.worker;
    spare = null;
    worker.ref();
    return worker;
  }
  return startWorker();
}

/**
 * Called when an import has ended: start the spare for the next one now, not while an
 * import runs, so two workers never hold memory at once.
 */
export function prepareSpareWorker(): void {
  if (spare) return;
  const worker = startWorker();
  worker.unref();
  const timer = setTimeout(() => {
    if (spare?.worker === worker) spare = null;
    void worker.terminate();
  }, SPARE_IDLE_MS);
  timer.unref();
  // A spare that dies while waiting (it should not) is simply not used.
  worker.once('exit', () => {
    if (spare?.worker === worker) {
      clearTimeout(timer);
      spare = null;
    }
  });
  worker.on('error', () => undefined);
  spare = { worker, timer };
}

function startWorker(): Worker {
  const entry = workerEntry();
  return new Worker(entry.url, {
    execArgv: entry.execArgv,
    // A small young generation: fewer megabytes held between scavenges, at little cost in speed.
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 24 },
    stdout: false,
    stderr: false,
  });
}

/** End the spare now (tests, shutdown). */
export async function stopSpareWorker(): Promise<void> {
  const s = spare;
  spare = null;
  if (s) {
    clearTimeout(s.timer);
    await s.worker.terminate();
  }
}

type WorkerEntry = { url: URL; execArgv: string[] };
let entryCache: WorkerEntry | null = null;

/**
 * The packaged app runs the bundled `import-worker.js` beside main.js; from the sources
 * (tests, CLI, browser mode) the TypeScript worker is loaded through tsx, resolved from here
 * so it works whatever the current folder is.
 */
function workerEntry(): WorkerEntry {
  if (entryCache) return entryCache;
  const built = new URL('./import-worker.js', import.meta.url);
  if (built.protocol === 'file:' && fs.existsSync(fileURLToPath(built))) return (entryCache = { url: built, execArgv: [] });
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return (entryCache = { url: new URL('./import-worker.ts', import.meta.url), execArgv: ['--import', pathToFileURL(tsx).href] });
}
