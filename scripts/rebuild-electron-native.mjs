// Packaging step for better-sqlite3. It is an N-API addon (NAPI_VERSION 10) whose npm package
// ships prebuilt binaries for every platform, so the SAME binary loads in Node and Electron.
// This script copies the target platform's prebuild to build/native/<platform>-<arch>/, which
// electron-builder ships as resources/native/better_sqlite3.node and electron/main passes as
// `nativeBinding`. With --from-source it compiles against Electron's headers into that same
// separate folder instead. node_modules (the Node build tests use) is never touched.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const platform = option('platform', process.platform);
const arch = option('arch', process.arch);
const outDir = path.join(root, 'build', 'native', `${platform}-${arch}`);
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
fs.mkdirSync(outDir, { recursive: true });

if (args.includes('--from-source')) {
  const electronVersion = require('electron/package.json').version;
  const work = fs.mkdtempSync(path.join(root, 'build', 'native', 'src-'));
  fs.cpSync(sqliteDir, work, { recursive: true });
  execFileSync(
    'npx',
    ['node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron', '--force_build=1'],
    { cwd: work, stdio: 'inherit' },
  );
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
  fs.rmSync(work, { recursive: true, force: true });
} else {
  const prebuild = path.join(sqliteDir, 'prebuilds', `${platform}-${arch}.node`);
  if (!fs.existsSync(prebuild)) {
    console.error(`No better-sqlite3 prebuild for ${platform}-${arch}; use --from-source.`);
    process.exit(1);
  }
  fs.copyFileSync(prebuild, path.join(outDir, 'better_sqlite3.node'));
}
console.log(`better-sqlite3 for Electron (${platform}-${arch}) → ${path.relative(root, outDir)}`);
