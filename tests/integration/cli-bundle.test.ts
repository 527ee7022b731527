import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvFile, readXlsxRows } from '../../electron/server/testing/sheet-files';
import { currentCliBundle } from '../../scripts/cli-bundle.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-cli-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bundleOf = currentCliBundle;

/** The real `office` bin, made to run the bundle (it refuses with exit 2 if that is missing or stale). */
function office(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/office.mjs'), '--data', path.join(dir, 'data'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, OFFICE_CLI: 'bundle' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the bundled office command (dist/cli)', () => {
  it('is built by npm run build:cli, imports through its own import child and exports an .xlsx', async () => {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--cli'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    for (const file of ['office.js', 'import-child.js', 'ocr-worker.js']) {
      expect(fs.existsSync(path.join(root, 'dist/cli', file)), file).toBe(true);
    }
    expect(bundleOf(root)).toEqual({ entry: path.join(root, 'dist/cli/office.js'), reason: 'current' });
    // The bundle carries the core: no TypeScript source may be loaded at run time.
    expect(fs.readFileSync(path.join(root, 'dist/cli/office.js'), 'utf8')).not.toMatch(/from ['"]tsx/);

    const help = office('--help');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('serve');
    expect(office('staff', 'add', '--code', 'S001', '--name', '张伟', '--hired-on', '2024-01-01', '--salary', '3000').code).toBe(
      0,
    );
    const file = path.join(dir, '客户.csv');
    fs.writeFileSync(
      file,
      csvFile([
        ['客户名称', '电话', '加入日期', '业务员工号'],
        ['华联超市', '13800138000', '2021/3/5', 'S001'],
        ['金鑫贸易', '13900139000', '2019年7月1日', 'S001'],
      ]),
    );
    // The import runs in a forked child: from the bundle, dist/cli/import-child.js (no tsx).
    const imported = office('import', 'clients', file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ kind: 'clients', totalRows: 2, inserted: 2 });
    // The export writes with exceljs, bundled into office.js.
    const out = path.join(dir, 'clients.xlsx');
    const exported = office('export', 'clients', '--format', 'xlsx', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const names = (await readXlsxRows(fs.readFileSync(out))).map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining(['华联超市', '金鑫贸易']));
  }, 180_000);
});

describe('when bin/office.mjs may use the bundle', () => {
  /** A tree shaped like the repo: one source, the bundle, times set by hand. */
  function tree(sourceAge: number, bundleAge: number | null): string {
    const at = fs.mkdtempSync(path.join(dir, 'tree-'));
    const now = Date.now() / 1000;
    fs.mkdirSync(path.join(at, 'electron/cli'), { recursive: true });
    fs.mkdirSync(path.join(at, 'shared'));
    const source = path.join(at, 'electron/cli/main.ts');
    fs.writeFileSync(source, 'export {};\n');
    fs.utimesSync(source, now - sourceAge, now - sourceAge);
    fs.utimesSync(path.join(at, 'shared'), now - 1000, now - 1000);
    if (bundleAge !== null) {
      fs.mkdirSync(path.join(at, 'dist/cli'), { recursive: true });
      const entry = path.join(at, 'dist/cli/office.js');
      fs.writeFileSync(entry, '');
      fs.utimesSync(entry, now - bundleAge, now - bundleAge);
    }
    return at;
  }

  it('uses a bundle built after the last edit', () => {
    const at = tree(100, 10);
    expect(bundleOf(at)).toEqual({ entry: path.join(at, 'dist/cli/office.js'), reason: 'current' });
  });

  it('runs the sources when a .ts file was edited after the build, or there is no bundle', () => {
    expect(bundleOf(tree(10, 100))).toEqual({ entry: null, reason: 'stale' });
    expect(bundleOf(tree(10, null))).toEqual({ entry: null, reason: 'missing' });
  });
});
