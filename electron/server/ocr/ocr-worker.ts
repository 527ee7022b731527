/**
 * The OCR worker process: loads the models once and reads one file at a time, page by page,
 * reporting each page. Runs apart from the office's process so recognition never stalls the
 * window or the host, its memory is its own (and measured), and cancel can always end it.
 * Messages: in {recognise, id, path, ext} | {cancel, id}; out {ready} | {page} | {done} | {failed}.
 */
import { parentPort } from 'node:worker_threads';
import { loadSessions, type Sessions } from './engine/models';
import { recogniseWithSessions } from './engine/recognise-file';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

// A child process (Node hosts) or, in the desktop app, a worker thread (its fuses forbid
// running Electron as Node): the same messages either way.
const send = (m: WorkerReply): void => void (parentPort ? parentPort.postMessage(m) : process.send?.(m));
let sessions: Promise<Sessions> | null = null;
const cancelled = new Set<number>();
let queue: Promise<void> = Promise.resolve();

const onRequest = (m: WorkerRequest): void => {
  if (m.type === 'cancel') {
    cancelled.add(m.id);
    return;
  }
  queue = queue.then(() => run(m));
};
if (parentPort) parentPort.on('message', onRequest);
else process.on('message', onRequest);

async function run(m: Extract<WorkerRequest, { type: 'recognise' }>): Promise<void> {
  try {
    sessions ??= loadSessions(m.threads);
    const s = await sessions;
    const result = await recogniseWithSessions(
      s,
      m.path,
      m.ext,
      (p) => send({ type: 'page', id: m.id, ...p }),
      () => cancelled.has(m.id),
    );
    if (cancelled.has(m.id)) send({ type: 'failed', id: m.id, message: 'cancelled', cancelled: true, maxRssBytes: maxRss() });
    else send({ type: 'done', id: m.id, result, maxRssBytes: maxRss() });
  } catch (error) {
    send({ type: 'failed', id: m.id, message: (error as Error).message, cancelled: false, maxRssBytes: maxRss() });
  } finally {
    cancelled.delete(m.id);
  }
}

function maxRss(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}

// The parent going away (crash, kill -9) must not leave a worker process behind.
if (!parentPort) process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
