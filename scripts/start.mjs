// `npm start`: build what is missing, then open the Electron window. Electron fetches its own
// binary on first run; where that is impossible (offline, CI sandboxes) we say so and fall back
// to the browser mode on the same data folder rather than failing.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRendererIfNeeded } from './build-if-needed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
buildRendererIfNeeded();
const bundled = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { stdio: 'inherit' });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);

function electronBinary() {
  try {
    // Resolving the path triggers Electron's own download when the binary is missing.
    return createRequire(import.meta.url)('electron');
  } catch (error) {
    console.error(String(error?.message ?? error).split('\n')[0]);
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log(
    '\n无法获取 Electron 程序(可能没有网络),改用浏览器模式打开同一份数据。\n' +
      'The Electron binary is not available (no network?); opening the same data in browser mode instead.\n',
  );
  const web = spawn(process.execPath, [path.join(root, 'scripts/web.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
} else {
  const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
