// `npm run build:electron`: bundle the Electron shell with esbuild.
//   electron/main/index.ts    → dist/electron/main.js     ESM, Node (Electron's main process)
//   electron/preload/index.ts → dist/electron/preload.cjs CommonJS — a sandboxed preload cannot be
//                                                         an ES module, and can require only 'electron'
// The main bundle carries the whole office core (kysely, zod…), so the packaged app needs no
// node_modules at run time except the two externals: 'electron' (provided by the runtime) and
// better-sqlite3 (a native addon, loaded from node_modules or resources/native — see
// scripts/rebuild-electron-native.mjs). Keep this list and electron-builder.yml's asarUnpack in step.
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
const { METHOD_NAMES } = await tsImport('../electron/preload/method-names.ts', import.meta.url);
const methodNamesInline = {
  name: 'inline-method-names',
  setup(b) {
    b.onLoad({ filter: /[\\/]electron[\\/]preload[\\/]method-names\.ts$/ }, () => ({
      contents: `export const METHOD_NAMES = Object.freeze(${JSON.stringify(METHOD_NAMES)});`,
      loader: 'js',
    }));
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.js',
    platform: 'node',
    // Electron 45 runs Node 24; node22 is the floor package.json promises anyway.
    target: 'node22',
    format: 'esm',
    external: ['electron', 'better-sqlite3'],
    // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __mdtCreateRequire } from 'node:module'; const require = __mdtCreateRequire(import.meta.url);",
    },
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
console.log('built dist/electron/main.js and dist/electron/preload.cjs');
