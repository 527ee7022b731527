import { utilityProcess } from 'electron';
import type { ChildEnd, ImportChild, ImportChildEntry } from '../server/imports/import-process';
import type { ImportChildMessage } from '../server/imports/import-child';

/**
 * Imports in the desktop app run in an Electron utility process: the packaged app's
 * `runAsNode` fuse is off (electron-builder.yml), so child_process.fork of the Electron binary
 * would start a second app instead of Node. A utility process is Node with its own heap and
 * memory all the same; the child script (import-child.ts, bundled as import-child.js) answers
 * over `process.parentPort`. Type-checked here; not run in CI (there is no Electron binary).
 */
export function launchImportUtilityProcess(entry: ImportChildEntry): ImportChild {
  const child = utilityProcess.fork(entry.file, [], {
    execArgv: entry.execArgv,
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: '门店通 import',
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  // V8 out of memory is reported as a 'FatalError' before the exit.
  child.on('error', (type, location) => void (stderr += `\n${type}: ${location}`));
  let spawned = false;
  const queued: unknown[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const m of queued.splice(0)) child.postMessage(m);
  });
  let ended: ChildEnd | null = null;
  const exitListeners: ((end: ChildEnd) => void)[] = [];
  child.once('exit', (code) => {
    ended = { code, signal: null, stderrTail: stderr };
    for (const fn of exitListeners) fn(ended);
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (input) => {
      if (spawned) child.postMessage(input);
      else queued.push(input);
    },
    kill: () => {
      if (!ended) child.kill();
    },
    // Utility processes never keep the app running; its windows do.
    hold: () => undefined,
    onMessage: (fn) => void child.on('message', (m: ImportChildMessage) => fn(m)),
    onExit: (fn) => {
      if (ended) fn(ended);
      else exitListeners.push(fn);
    },
  };
}
