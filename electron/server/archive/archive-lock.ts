import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One archive change at a time in this process: filing, re-filing, trash and fixes each move
 * files and rows together, and two of them must never interleave on the same folder.
 *
 * Re-entrant: work already holding the lock (a scan-inbox filing that calls fileStream, which
 * takes the lock itself to record its copy) runs at once instead of waiting behind itself
 * forever. Holding is tracked per async call chain, so unrelated work still queues.
 */
let tail: Promise<unknown> = Promise.resolve();
const holding = new AsyncLocalStorage<true>();

export function withArchiveLock<T>(work: () => Promise<T>): Promise<T> {
  if (holding.getStore()) return work();
  const held = () => holding.run(true, work);
  const run = tail.then(held, held);
  tail = run.catch(() => undefined);
  return run;
}
