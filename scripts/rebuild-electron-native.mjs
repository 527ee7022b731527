// `npm run rebuild:electron-native [-- --platform win32 --arch x64] [-- --from-source]`
//
// Puts the better-sqlite3 addon for the packaged app in build/native/<platform>-<arch>/,
// which electron-builder ships as resources/native/better_sqlite3.node and electron/main passes
// to better-sqlite3 as `nativeBinding`.
//
// Why a copy is enough: better-sqlite3 13 is an N-API addon (binding.gyp: NAPI_VERSION=10; the
// binary links only napi_* symbols, no V8/libuv ones), and N-API is ABI-stable across Node and
// Electron. Its npm package ships prebuilds/<platform>-<arch>.node for Windows, macOS and Linux
// (lib/binding.js loads them), so the SAME binary runs in Node (tests, CLI, browser mode) and in
// Electron 45 (Node 24 inside). Electron's V8 memory cage forbids external buffers; better-sqlite3
// uses Napi::Buffer::NewOrCopy, which falls back to copying there.
//
// --from-source compiles the addon with node-gyp against Electron's headers instead (for a
// platform without a prebuild, or to audit the binary). It builds in a scratch copy and writes
// only to build/native/: node_modules/better-sqlite3 — the Node build the tests use — is never
// touched, so the Node build and the Electron build cannot break each other.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitUnlessSupportedNode } from './node-version.mjs';

// Before smokeTest() loads better-sqlite3, which crashes on an old Node.
exitUnlessSupportedNode();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const platform = option('platform', process.platform);
const arch = option('arch', process.arch);
const fromSource = args.includes('--from-source');

const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const electronVersion = require('electron/package.json').version;
const outDir = path.join(root, 'build', 'native', `${platform}-${arch}`);
const outFile = path.join(outDir, 'better_sqlite3.node');

function fail(zh, en) {
  console.error(`\n${zh}\n${en}\n`);
  process.exit(1);
}

function copyPrebuild() {
  const prebuild = path.join(sqliteDir, 'prebuilds', `${platform}-${arch}.node`);
  if (!fs.existsSync(prebuild)) {
    fail(
      `better-sqlite3 ${sqliteVersion} 没有 ${platform}-${arch} 的预编译文件;请在该平台上运行本命令并加 --from-source。`,
      `better-sqlite3 ${sqliteVersion} has no prebuild for ${platform}-${arch}; run this on that platform with --from-source.`,
    );
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(prebuild, outFile);
  return `prebuild ${path.relative(root, prebuild)}`;
}

/** npm hands its bundled node-gyp to scripts it runs; outside npm, fall back to npx. */
function nodeGyp() {
  const bundled = process.env.npm_config_node_gyp;
  return bundled && fs.existsSync(bundled) ? [process.execPath, [bundled]] : ['npx', ['--yes', 'node-gyp']];
}

function buildFromSource() {
  if (platform !== process.platform || arch !== process.arch) {
    fail(
      `--from-source 只能为本机平台编译(${process.platform}-${process.arch})。`,
      `--from-source builds only for this machine's platform (${process.platform}-${process.arch}).`,
    );
  }
  // Inside the project, so binding.gyp's require('node-addon-api') resolves from our node_modules.
  fs.mkdirSync(path.join(root, 'build', 'native'), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, 'build', 'native', '.src-'));
  let failure = null;
  try {
    fs.cpSync(sqliteDir, scratch, {
      recursive: true,
      filter: (src) => !['build', 'prebuilds', 'node_modules'].includes(path.relative(sqliteDir, src)),
    });
    const [command, prefix] = nodeGyp();
    execFileSync(
      command,
      [
        ...prefix,
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
        '--force_build=1',
      ],
      // npx is npx.cmd on Windows, which only a shell can run.
      { cwd: scratch, stdio: 'inherit', shell: command === 'npx' && process.platform === 'win32' },
    );
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(path.join(scratch, 'build', 'Release', 'better_sqlite3.node'), outFile);
  } catch (error) {
    failure = error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (failure) {
    fail(
      `从源码编译失败:${String(failure.message).split('\n')[0]}\n需要网络(下载 Electron 头文件)、Python 3 和 C++ 编译器;不加 --from-source 则直接使用预编译文件。`,
      'Building from source failed (see above). It needs the network (Electron headers), Python 3 and a C++ toolchain; without --from-source the prebuild is used.',
    );
  }
  return `node-gyp against Electron ${electronVersion} headers`;
}

/** When the target is this machine, prove the file loads through `nativeBinding` (N-API: Node loads it too). */
function smokeTest() {
  if (platform !== process.platform || arch !== process.arch) return 'not loaded (another platform)';
  const Database = require('better-sqlite3');
  const db = new Database(':memory:', { nativeBinding: outFile });
  const version = db.prepare('select sqlite_version() as v').get().v;
  db.close();
  return `loads in Node ${process.versions.node} via nativeBinding, SQLite ${version}`;
}

const source = fromSource ? buildFromSource() : copyPrebuild();
const check = smokeTest();
fs.writeFileSync(
  path.join(outDir, 'better_sqlite3.json'),
  JSON.stringify(
    { betterSqlite3: sqliteVersion, electron: electronVersion, platform, arch, source, builtAt: new Date().toISOString() },
    null,
    2,
  ) + '\n',
);
console.log(
  `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}) → ${path.relative(root, outFile)}`,
);
console.log(`  from: ${source}; ${check}`);
