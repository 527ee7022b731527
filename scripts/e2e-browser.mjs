// Which Chromium the end-to-end tests drive, and `npm run test:e2e`'s first step that makes sure it exists.
//   1. CHROMIUM_PATH, when set (any Chromium or Chrome build);
//   2. /usr/bin/chromium (Debian's package — what CI installs, since Playwright's download may be blocked);
//   3. otherwise Playwright's own Chromium, downloaded with `playwright install chromium` when missing.
// playwright.config.ts asks chromiumExecutable() so the test run and this check agree.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The Chromium to launch, or undefined for Playwright's own. */
export function chromiumExecutable(env = process.env) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

function fail(zh, en) {
  process.stderr.write(`\n${zh}\n${en}\n\n`);
  process.exit(1);
}

/** Exit 1 with a bilingual reason unless a Chromium the tests can launch is on this machine. */
export async function ensureE2eBrowser() {
  const chosen = chromiumExecutable();
  if (chosen) {
    if (fs.existsSync(chosen)) return chosen;
    fail(`CHROMIUM_PATH 指向的文件不存在:${chosen}`, `CHROMIUM_PATH points to a file that does not exist: ${chosen}`);
  }
  const { chromium } = await import('playwright-core');
  const bundled = chromium.executablePath();
  if (fs.existsSync(bundled)) return bundled;
  console.log('端到端测试需要 Chromium,正在下载 Playwright 自带的版本… / The end-to-end tests need Chromium; downloading Playwright\'s…');
  const cli = path.join(root, 'node_modules/playwright-core/cli.js');
  const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], { cwd: root, stdio: 'inherit' });
  if (install.status === 0 && fs.existsSync(bundled)) return bundled;
  fail(
    [
      `无法下载 Playwright 的 Chromium(npx playwright install chromium 失败,退出码 ${install.status ?? install.signal})。`,
      `请任选其一:联网后重新运行 npm test;安装系统的 Chromium(Debian/Ubuntu:sudo apt-get install chromium,`,
      `即 /usr/bin/chromium);或设置 CHROMIUM_PATH 指向已有的 Chromium/Chrome。`,
      `Linux 上 Playwright 的 Chromium 还需要系统库:sudo npx playwright install-deps chromium。`,
    ].join('\n'),
    [
      `Could not download Playwright's Chromium (npx playwright install chromium failed, exit ${install.status ?? install.signal}).`,
      `Either run npm test again with internet access; install the system Chromium (Debian/Ubuntu: sudo apt-get`,
      `install chromium, i.e. /usr/bin/chromium); or set CHROMIUM_PATH to an existing Chromium/Chrome.`,
      `On Linux, Playwright's Chromium also needs system libraries: sudo npx playwright install-deps chromium.`,
    ].join('\n'),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { exitUnlessSupportedNode } = await import('./node-version.mjs');
  exitUnlessSupportedNode();
  console.log(`e2e Chromium: ${await ensureE2eBrowser()}`);
}
