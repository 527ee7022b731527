// Build the renderer when dist/renderer is missing or older than its sources, so `npm run web`
// and the end-to-end tests always serve what is in the tree.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/renderer/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererIsStale() {
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(root, 'renderer')),
    newestMtime(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  return sources > fs.statSync(built).mtimeMs;
}

export function buildRendererIfNeeded() {
  if (!rendererIsStale()) return;
  console.log('正在构建界面 / Building the UI…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Run as `npm run test:e2e`'s first step: the e2e host needs a supported Node.
  const { exitUnlessSupportedNode } = await import('./node-version.mjs');
  exitUnlessSupportedNode();
  buildRendererIfNeeded();
}
