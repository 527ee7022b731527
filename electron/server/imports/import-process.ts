import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IMPORT_LIMITS } from '../../../shared/imports/limits';
import type { ImportChildInput, ImportChildMessage } from './import-child';

/**
 * Import child processes, one per import (issue 14.9). A process, not a thread: its memory is
 * its own — the host's resident memory stays the host's, a file that needs more than the
 * child's heap (--max-old-space-size) ends only the child, and every byte it used goes back
 * to the system when it ends. Starting one costs a moment (Node, then the importers; more from
 * the TypeScript sources), so after the first import a spare is started in the background and
 * waits, not keeping the host alive, for the next — and is ended after a few idle minutes.
 */
const SPARE_IDLE_MS = 3 * 60_000;

/** How a child ended: exit code or signal, and the end of what it wrote to stderr (V8's out-of-memory line). */
export type ChildEnd = { code: number | null; signal: string | null; stderrTail: string };

/** What the host needs of an import child, however it was started. */
export type ImportChild = {
  readonly pid: number | undefined;
  send: (input: ImportChildInput) => void;
  /** End it now (SIGKILL where there are signals): an open transaction is never committed. */
  kill: () => void;
  /** Whether the host waits for this child before it may exit (a waiting spare does not hold it). */
  hold: (held: boolean) => void;
  onMessage: (fn: (m: ImportChildMessage) => void) => void;
  onExit: (fn: (end: ChildEnd) => void) => void;
};

export type ImportChildEntry = { file: string; execArgv: string[] };
export type ImportChildLauncher = (entry: ImportChildEntry) => ImportChild;

/**
 * Node hosts (browser mode, CLI, tests) fork. The packaged desktop app cannot: its
 * `runAsNode` fuse is off, so a fork of Electron would start a second app, not Node. Its main
 * process sets a launcher built on Electron's utilityProcess instead (electron/main/import-process.ts).
 */
let launcher: ImportChildLauncher = forkImportChild;

export function setImportChildLauncher(next: ImportChildLauncher): void {
  launcher = next;
}

/** The child's V8 heap, MB. OFFICE_IMPORT_HEAP_MB lowers it (tests of the refusal; a small PC). */
export function importHeapMb(): number {
  const fromEnv = Number(process.env.OFFICE_IMPORT_HEAP_MB);
  return Number.isInteger(fromEnv) && fromEnv >= 16 ? fromEnv : IMPORT_LIMITS.workerHeapMb;
}

let spare: { child: ImportChild; heapMb: number; timer: NodeJS.Timeout } | null = null;
let running: ImportChild | null = null;
let peakRssBytes = 0;

export function takeImportChild(): ImportChild {
  const heapMb = importHeapMb();
  let child: ImportChild;
  if (spare && spare.heapMb === heapMb) {
    clearTimeout(spare.timer);
    child = spare.child;
    spare = null;
  } else {
    stopSpareImportChild();
    child = startChild(heapMb);
  }
  child.hold(true);
  running = child;
  child.onExit(() => {
    if (running === child) running = null;
  });
  return child;
}

/**
 * Called when an import has ended: start the spare for the next one now, not while an
 * import runs, so two children never hold memory at once.
 */
export function prepareSpareImportChild(): void {
  if (spare) return;
  const heapMb = importHeapMb();
  const child = startChild(heapMb);
  child.hold(false);
  const timer = setTimeout(() => {
    if (spare?.child === child) spare = null;
    child.kill();
  }, SPARE_IDLE_MS);
  timer.unref();
  // A spare that dies while waiting (it should not) is simply not used.
  child.onExit(() => {
    if (spare?.child === child) {
      clearTimeout(timer);
      spare = null;
    }
  });
  spare = { child, heapMb, timer };
}

/** End the spare now (tests, shutdown, a changed heap limit). */
export function stopSpareImportChild(): void {
  const s = spare;
  spare = null;
  if (s) {
    clearTimeout(s.timer);
    s.child.kill();
  }
}

/** The process id of the import child at work, if any (diagnostics, tests). */
export function runningImportChildPid(): number | undefined {
  return running?.pid;
}

/** The highest resident memory any import child of this process reached, bytes (as the children report it). */
export function importChildPeakRssBytes(): number {
  return peakRssBytes;
}

export function notePeakRss(bytes: number): void {
  if (Number.isFinite(bytes)) peakRssBytes = Math.max(peakRssBytes, bytes);
}

function startChild(heapMb: number): ImportChild {
  const entry = childEntry();
  return launcher({
    file: entry.file,
    // A small young generation: fewer megabytes held between scavenges, at little cost in speed.
    execArgv: [...entry.execArgv, `--max-old-space-size=${heapMb}`, '--max-semi-space-size=8'],
  });
}

/**
 * From the sources (tests, CLI, browser mode) the TypeScript child runs through tsx, resolved
 * from here so it works whatever the current folder is; the desktop app's bundle
 * (dist/electron/main.js) has `import-child.js` beside it (scripts/build-electron.mjs).
 */
function childEntry(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = pathToFileURL(
      path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
    ).href;
    return { file: path.join(path.dirname(here), 'import-child.ts'), execArgv: ['--import', tsx] };
  }
  return { file: path.join(path.dirname(here), 'import-child.js'), execArgv: [] };
}

/** child_process.fork, with the 'advanced' (structured clone) serialization: the job's big string crosses as one copy, not JSON-escaped. */
function forkImportChild(entry: ImportChildEntry): ImportChild {
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  // A little below the host (relative to it: a host started with `nice` keeps its lead): on a
  // two-core PC the host's answers come first.
  try {
    if (child.pid) os.setPriority(child.pid, Math.min(19, os.getPriority() + 5));
  } catch {
    // Not permitted here: it still works, at normal priority.
  }
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  // A child that could not start (no such file) says so through 'error', then 'exit' may not come.
  const exitListeners: ((end: ChildEnd) => void)[] = [];
  let ended: ChildEnd | null = null;
  const end = (e: ChildEnd): void => {
    if (ended) return;
    ended = e;
    for (const fn of exitListeners) fn(e);
  };
  child.on('error', (error) => end({ code: null, signal: null, stderrTail: `${stderr}\n${error.message}` }));
  // 'close', not 'exit': stderr has been read to its end by then (V8's out-of-memory line).
  child.on('close', (code, signal) => end({ code, signal, stderrTail: stderr }));
  type Handle = { ref: () => void; unref: () => void };
  // The IPC channel and the stderr pipe each keep the event loop alive on their own.
  const handles = (): (Handle | undefined)[] => [
    (child as unknown as { channel?: Handle }).channel,
    child.stderr as unknown as Handle | undefined,
  ];
  return {
    pid: child.pid,
    send: (input) => {
      if (child.connected) child.send(input);
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    hold: (held) => {
      if (held) child.ref();
      else child.unref();
      for (const h of handles()) {
        if (held) h?.ref();
        else h?.unref();
      }
    },
    onMessage: (fn) => void child.on('message', fn),
    onExit: (fn) => {
      if (ended) fn(ended);
      else exitListeners.push(fn);
    },
  };
}
