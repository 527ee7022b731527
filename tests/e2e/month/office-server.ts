import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type OfficeServer = { url: string; dataDir: string; stop: () => Promise<void> };

/**
 * A brand-new office of its own: `office serve` on an empty data folder and a port the system
 * picks (so it never collides with the shared e2e host or another engineer's). The story of a
 * month needs an office nobody else writes to, from first-run setup to signing in per role —
 * which the shared office cannot give (its sign-in is turned on by the last project).
 * The renderer is the one the shared e2e host built before the run started.
 */
export async function startOfficeServer(label: string): Promise<OfficeServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `mdt-${label}-`));
  const child = spawn(process.execPath, ['bin/office.mjs', '--data', dataDir, 'serve', '--port', '0'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`office serve did not start:\n${out}`)), 60_000);
    const read = (chunk: Buffer): void => {
      out += chunk.toString();
      const found = /https?:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`office serve exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () => stopChild(child, dataDir),
  };
}

async function stopChild(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (process.env.E2E_KEEP_DATA) console.log(`office data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
