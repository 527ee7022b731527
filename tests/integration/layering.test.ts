import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lint a snippet as if it lived at `file`, returning the rule ids that fired. */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering lint (docs/architecture.md › Architecture in one screen)', () => {
  it.each([
    ['shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['shared/x.ts', "import { openOffice } from '../electron/server/office';\nexport const a = openOffice;"],
    ['shared/x.ts', "import { Kysely } from 'kysely';\nexport const a = Kysely;"],
    ['electron/server/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/server/x.ts', "import { App } from '../../renderer/src/app/App';\nexport const a = App;"],
    ['electron/host/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/src/x.ts', "import path from 'node:path';\nexport const a = path;"],
    ['renderer/src/x.ts', "import { dispatch } from '../../electron/server/core/dispatch';\nexport const a = dispatch;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
  ])('rejects a forbidden import in %s', async (file, code) => {
    expect(await rulesFor(file, code)).toContain('no-restricted-imports');
  });

  it('rejects DOM globals in shared/', async () => {
    expect(await rulesFor('shared/x.ts', 'export const w = window.innerWidth;')).toContain('no-restricted-globals');
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/server/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';\nexport const a = contract;"],
  ])('allows what the layer may use in %s', async (file, code) => {
    expect(await rulesFor(file, code)).not.toContain('no-restricted-imports');
  });
});
