import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWithoutTypes, repoRoot } from './lint-without-types';

const root = repoRoot;
const eslint = lintWithoutTypes;

/** Lint a snippet as if it lived at `file`, returning the rule ids that fired. */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result?.messages ?? [];
  // A snippet that did not parse fires no rule, for the wrong reason.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.ruleId ?? m.message);
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
    ['electron/server/performance/x.ts', "import ExcelJS from 'exceljs';\nexport const a = ExcelJS;"],
  ])('rejects a forbidden import in %s', async (file, code) => {
    // Packages are refused by no-restricted-imports, our own folders by the allow-list (local/layers).
    expect(await rulesFor(file, code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(no-restricted-imports|local\/layers)$/)]),
    );
  });

  it('rejects DOM globals in shared/', async () => {
    expect(await rulesFor('shared/x.ts', 'export const w = window.innerWidth;')).toContain('no-restricted-globals');
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/server/x.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';\nexport const a = contract;"],
    ['electron/server/imports/excel-workbook.ts', "import ExcelJS from 'exceljs';\nexport const a = ExcelJS;"],
    ['electron/main/x.test.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('allows what the layer may use in %s', async (file, code) => {
    expect(await rulesFor(file, code)).not.toContain('no-restricted-imports');
  });
});
