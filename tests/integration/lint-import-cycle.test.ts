// The import-cycle rule on a throwaway project: it reports each file of a circle at the import that
// closes it, and leaves alone what cannot make modules load in a circle (type-only and dynamic imports).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import local from '../../eslint-local/index.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-cycle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function project(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

async function cycleErrors(root: string): Promise<Record<string, string[]>> {
  const eslint = new ESLint({
    cwd: path.join(dir, root),
    overrideConfigFile: true,
    overrideConfig: {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { local },
      rules: { 'local/no-import-cycle': ['error', { roots: ['src'] }] },
    },
  });
  const out: Record<string, string[]> = {};
  for (const result of await eslint.lintFiles(['src'])) {
    const messages = result.messages.map((m) => `${m.line}: ${m.message}`);
    if (messages.length) out[path.relative(path.join(dir, root), result.filePath)] = messages;
  }
  return out;
}

describe('local/no-import-cycle', () => {
  it('reports every file of a three-file circle, at the import that continues it', async () => {
    project({
      'a/src/backup.service.ts': "import { dispatch } from './dispatch';\nexport const backup = () => dispatch;\n",
      'a/src/dispatch.ts': "import { handlers } from './handlers/index';\nexport const dispatch = () => handlers;\n",
      'a/src/handlers/index.ts': "import { run } from '../backup.service';\nexport const handlers = { run };\n",
      'a/src/money.ts': 'export const fen = 1;\n',
    });
    const errors = await cycleErrors('a');
    expect(Object.keys(errors).sort()).toEqual(['src/backup.service.ts', 'src/dispatch.ts', 'src/handlers/index.ts']);
    expect(errors['src/dispatch.ts']).toEqual([
      '1: Import cycle: src/dispatch.ts → src/handlers/index.ts → src/backup.service.ts → src/dispatch.ts. Move what both sides need into a module lower down that neither imports.',
    ]);
  });

  it('does not count type-only or dynamic imports, which cannot load modules in a circle', async () => {
    project({
      'b/src/office.ts':
        "import type { Lock } from './lock';\nimport { type Holder } from './lock';\nexport type Office = { lock: Lock; holder: Holder };\n",
      'b/src/lock.ts':
        "import type { Office } from './office';\nexport type Lock = { office: Office };\nexport type Holder = string;\n",
      'b/src/runner.ts': "export const start = () => import('./queue');\n",
      'b/src/queue.ts': "import { start } from './runner';\nexport const kick = start;\n",
    });
    expect(await cycleErrors('b')).toEqual({});
  });

  it('finds no circle in this codebase', async () => {
    const { buildImportGraph, findCycles } = await import('../../eslint-local/import-graph.mjs');
    const root = path.resolve(import.meta.dirname, '../..');
    const graph = buildImportGraph(root, ['electron', 'shared', 'renderer/src']);
    expect(graph.size).toBeGreaterThan(300);
    expect(findCycles(graph).map((c) => c.map((f) => path.relative(root, f)).join(' → '))).toEqual([]);
  });
});
