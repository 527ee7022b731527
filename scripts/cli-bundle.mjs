// Where the bundled `office` command lives, whether it may be run, and loading it or the sources
// (bin/office.mjs, scripts/web.mjs and scripts/e2e-server.mjs all start the CLI through loadRunCli).
//
// The bundle (dist/cli/office.js with import-child.js and ocr-worker.js beside it, built by
// scripts/build-electron.mjs) starts in a fraction of the time the TypeScript sources need
// through tsx, and so does every import child it forks. But a developer who has just edited a
// .ts file must never run yesterday's bundle: it is used only when it is newer than every file
// it was built from — the electron/ and shared/ sources, the build script, package.json and the
// installed packages (node_modules/.package-lock.json, rewritten by every npm install). Otherwise
// bin/office.mjs runs the sources through tsx, as before; nothing is built behind anyone's back
// (parallel `office` processes would race to write the same files).
//
// Only Node built-ins are imported statically: it runs on every `office` call, and tsx is loaded
// only when the sources are run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE_DIR = 'dist/cli';
/** The bundle's entry, last of the three to be written (scripts/build-electron.mjs). */
export const CLI_BUNDLE_ENTRY = `${CLI_BUNDLE_DIR}/office.js`;

const SOURCE_DIRS = ['electron', 'shared'];
const SOURCE_FILES = ['scripts/build-electron.mjs', 'scripts/cli-bundle.mjs', 'package.json', 'node_modules/.package-lock.json'];

function newestMtimeMs(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtimeMs(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function mtimeMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time of everything the CLI bundle is built from (ms). */
export function newestCliSourceMtimeMs(root = ROOT) {
  let newest = 0;
  for (const dir of SOURCE_DIRS) newest = Math.max(newest, newestMtimeMs(path.join(root, dir)));
  for (const file of SOURCE_FILES) newest = Math.max(newest, mtimeMs(path.join(root, file)));
  return newest;
}

/**
 * The bundle's entry path if it exists and nothing it was built from is newer; else null with
 * the reason ('missing' | 'stale').
 */
export function currentCliBundle(root = ROOT) {
  const entry = path.join(root, CLI_BUNDLE_ENTRY);
  const built = mtimeMs(entry);
  if (!built) return { entry: null, reason: 'missing' };
  if (newestCliSourceMtimeMs(root) > built) return { entry: null, reason: 'stale' };
  return { entry, reason: 'current' };
}

/**
 * The CLI's runCli, from the bundle when it is current, else from the sources through tsx — what
 * bin/office.mjs, `npm run web` and the e2e host run. OFFICE_CLI=sources forces the sources;
 * OFFICE_CLI=bundle demands a current bundle and exits 2 with a bilingual message otherwise.
 */
export async function loadRunCli(env = process.env) {
  const wanted = env.OFFICE_CLI;
  const bundle = wanted === 'sources' ? { entry: null, reason: 'not wanted' } : currentCliBundle();
  if (wanted === 'bundle' && !bundle.entry) {
    const zh = bundle.reason === 'missing' ? '不存在' : '比源代码旧';
    process.stderr.write(
      `OFFICE_CLI=bundle,但 ${CLI_BUNDLE_ENTRY} ${zh};请先运行 npm run build:cli。\n` +
        `OFFICE_CLI=bundle, but ${CLI_BUNDLE_ENTRY} is ${bundle.reason}: run npm run build:cli first.\n`,
    );
    process.exit(2);
  }
  if (bundle.entry) {
    const { pathToFileURL } = await import('node:url');
    return (await import(pathToFileURL(bundle.entry).href)).runCli;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../electron/cli/main.ts')).runCli;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Run directly: say which code `office` would run now (exit 0: the bundle, 1: the sources).
  const { exitUnlessSupportedNode } = await import('./node-version.mjs');
  exitUnlessSupportedNode();
  const { entry, reason } = currentCliBundle();
  console.log(
    entry ? `office runs ${CLI_BUNDLE_ENTRY}` : `office runs the sources through tsx (${CLI_BUNDLE_ENTRY} is ${reason})`,
  );
  process.exit(entry ? 0 : 1);
}
