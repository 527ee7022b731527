/**
 * One archive change at a time in this process: filing, re-filing, trash and fixes each move
 * files and rows together, and two of them must never interleave on the same folder.
 */
let tail: Promise<unknown> = Promise.resolve();

export function withArchiveLock<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
