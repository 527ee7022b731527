// The host the end-to-end tests drive: `office serve` on a fresh, empty data folder, so every
// run starts at first-run setup. Playwright starts and stops it (playwright.config.ts).
// E2E_PORT picks the port (default 5599); E2E_KEEP_DATA=1 keeps the folder for a post-mortem.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitUnlessSupportedNode } from './node-version.mjs';

// First, before anything that could load better-sqlite3 (imports below are dynamic for that reason).
exitUnlessSupportedNode();
const { loadRunCli } = await import('./cli-bundle.mjs');
const { buildRendererIfNeeded } = await import('./build-if-needed.mjs');

const port = process.env.E2E_PORT ?? '5599';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-e2e-'));

buildRendererIfNeeded();
// What `office serve` runs: the bundled CLI when it is current, else the sources (scripts/cli-bundle.mjs).
const runCli = await loadRunCli();

const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
// Resolves when `serve` stops (SIGINT/SIGTERM from Playwright), or at once if it cannot start.
const exitCode = await runCli(['--data', dataDir, 'serve', '--port', port], io).catch((error) => {
  console.error(error);
  return 1;
});
if (process.env.E2E_KEEP_DATA) console.log(`e2e data kept in ${dataDir}`);
else fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(exitCode);
