import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { uploadPath } from '../../../../shared/http-routes';

/**
 * `office serve` in a child process, as an office runs it: files are uploaded to it over HTTP
 * while another loop asks it the cheapest question (`auth.status`) every 20 ms, so the time the
 * host took to answer is measured from outside, and its peak memory read from /proc.
 */
export type Host = {
  url: string;
  pid: number;
  stop: () => void;
};

const ROOT = path.resolve(import.meta.dirname, '../../../..');

export async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/office.mjs'), '--data', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await servingUrl(child);
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

function servingUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`office serve did not start: ${text}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /(http:\/\/[\d.]+:\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`office serve exited (${code}): ${text}`)));
  });
}

/** Resident and peak resident memory of a process, MB. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * Peak resident memory (VmHWM) of the host's child processes — the import children — sampled
 * every 20 ms from /proc while `start()`ed; a child's figure is its last sample before it ended.
 */
export function watchChildrenPeak(pid: number): { stop: () => number } {
  const peaks = new Map<number, number>();
  const read = (file: string): string => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return ''; // the process or thread ended meanwhile
    }
  };
  const sample = (): void => {
    const tasks = fs.existsSync(`/proc/${pid}/task`) ? fs.readdirSync(`/proc/${pid}/task`) : [];
    const children = tasks.flatMap((task) => read(`/proc/${pid}/task/${task}/children`).trim().split(/\s+/).filter(Boolean));
    for (const child of children) {
      const peak = Number(/VmHWM:\s+(\d+)/.exec(read(`/proc/${child}/status`))?.[1]) / 1024;
      if (Number.isFinite(peak)) peaks.set(Number(child), Math.max(peaks.get(Number(child)) ?? 0, peak));
    }
  };
  const timer = setInterval(sample, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(0, ...peaks.values());
    },
  };
}

/** Ask the host `auth.status` every 20 ms while `work` runs; the slowest answer is how long it could not answer. */
export async function slowestAnswer<T>(
  url: string,
  work: () => Promise<T>,
): Promise<{ result: T; slowestMs: number; ms: number }> {
  let slowest = 0;
  let running = true;
  const pinger = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/auth.status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      await res.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, slowestMs: slowest, ms: performance.now() - t0 };
  } finally {
    running = false;
    await pinger;
  }
}

/** Upload a file to an import method the way the browser does (uploadImport.ts: /upload/{method}?input=…). */
export async function uploadImport(
  url: string,
  method: string,
  fileName: string,
  bytes: Buffer,
  dryRun: boolean,
): Promise<{ ok: boolean; value?: { totalRows: number; inserted: number }; error?: { code: string; message: string } }> {
  const res = await fetch(`${url}${uploadPath(method, { fileName, dryRun, mode: 'all' })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  return (await res.json()) as never;
}
