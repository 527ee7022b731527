// `npm start`: build what is missing, then open the 门店通 desktop window (Electron).
//
// Electron fetches its own binary the first time it is asked for it. Where that is impossible —
// an offline office PC, a locked-down network, a CI sandbox — or the binary cannot start (no
// display, missing system libraries), we say so in Chinese and English and fall back to the
// browser mode (`scripts/web.mjs`: the same office core and data folder behind a local HTTP
// host) instead of failing. Extra arguments pass through: npm start -- --port 8080
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitUnlessSupportedNode } from './node-version.mjs';

// First, before anything that could load better-sqlite3 (and before building: Vite needs it too).
exitUnlessSupportedNode();
const { buildRendererIfNeeded } = await import('./build-if-needed.mjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);
// A first download is ~100 MB; give a slow line time, but never hang forever on a dead one.
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
// An Electron that exits with an error this soon never showed a usable window.
const EARLY_EXIT_MS = 10_000;

/** Pass Ctrl+C and `kill` on to the window or host we started, so nothing is left running. */
let current = null;
function track(child) {
  current = child;
  return child;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (current && current.exitCode === null) current.kill(signal);
    else process.exit(1);
  });
}

/**
 * require('electron') returns the binary's path and downloads it on first use. Asked in a child
 * process so a stalled download can be timed out instead of hanging `npm start`.
 */
function findElectron() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Electron's installer reports progress on stdout; the path is the last line.
  const binary = (probe.stdout ?? '').trim().split('\n').pop()?.trim();
  if (probe.status === 0 && binary && fs.existsSync(binary)) return { binary };
  const why =
    probe.error?.code === 'ETIMEDOUT' ? `下载超时 / download timed out` : errorLine(probe.stderr) || errorLine(probe.stdout);
  return { reason: `无法获取 Electron 程序 / the Electron binary is not available (${why || `exit ${probe.status}`})` };
}

function launchElectron(binary) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node and never open a window.
  delete env.ELECTRON_RUN_AS_NODE;
  const started = Date.now();
  const child = track(spawn(binary, [root, ...passThrough], { cwd: root, stdio: 'inherit', env }));
  child.on('error', (error) => fallBack(`无法运行 Electron / cannot run Electron (${error.message})`));
  child.on('exit', (code, signal) => {
    if (code && !signal && Date.now() - started < EARLY_EXIT_MS) {
      fallBack(`Electron 启动后立即退出(代码 ${code}) / Electron exited right after starting (code ${code})`);
    } else process.exit(code ?? 0);
  });
}

function fallBack(reason) {
  console.log(
    [
      '',
      `无法打开门店通桌面窗口:${reason}`,
      '改用浏览器模式:门店通服务在本机启动,数据文件夹不变。请用浏览器打开下面显示的地址。',
      `Cannot open the 门店通 desktop window: ${reason}`,
      'Falling back to browser mode: the 门店通 service starts on this computer with the same data folder.',
      'Open the address printed below in a browser.',
      '',
    ].join('\n'),
  );
  const web = track(
    spawn(process.execPath, [path.join(root, 'scripts/web.mjs'), ...passThrough], { cwd: root, stdio: 'inherit' }),
  );
  web.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** The line that says what went wrong: the last "…Error: …" line, else the last line. */
function errorLine(text) {
  const lines = (text ?? '')
    .trim()
    .split('\n')
    .map((line) => line.trim());
  return lines.findLast((line) => /^\w*Error: /.test(line)) ?? lines.pop() ?? '';
}

// 1. The UI (Vite), when dist/renderer/index.html is missing or older than its sources.
buildRendererIfNeeded();

// 2. The Electron bundles: always — esbuild needs about a second, a stale main.js is worse.
const bundled = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'inherit' });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);

// 3. The Electron binary, then the window — or the browser mode.
const found = findElectron();
if (!found.binary) fallBack(found.reason);
else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fallBack('没有图形界面(未设置 DISPLAY / WAYLAND_DISPLAY) / no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)');
} else launchElectron(found.binary);
