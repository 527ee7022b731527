// The layering allow-list as the project's own eslint.config.js applies it: an import each layer
// must not make is reported (with the layer and what it may import), an allowed one is not.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWithoutTypes, repoRoot } from './lint-without-types';

const root = repoRoot;
const eslint = lintWithoutTypes;

/** The `local/layers` messages for `code` as if it were the file at `file` (nothing is written). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const messages = result?.messages ?? [];
  // A file that did not parse would have no layer errors for the wrong reason.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

describe('local/layers in eslint.config.js', () => {
  it.each([
    [
      'electron/server/clients/x.ts',
      "import { startHost } from '../../host/server';\nexport const x = startHost;\n",
      'The server layer may not import the host layer (electron/host/server.ts) (allowed: server, shared)',
    ],
    [
      'electron/server/clients/x.ts',
      "import { main } from '../../cli/main';\nexport const x = main;\n",
      'The server layer may not import the cli layer',
    ],
    [
      'electron/server/clients/x.ts',
      "export { IPC_CHANNELS } from '../../preload/channels';\n",
      'The server layer may not import the preload layer',
    ],
    [
      'shared/x.ts',
      "import { dispatch } from '../electron/server/core/dispatch';\nexport const x = dispatch;\n",
      'The shared layer may not import the server layer',
    ],
    [
      'renderer/src/x.ts',
      "export const x = () => import('../../electron/server/office');\n",
      'The renderer layer may not import the server layer',
    ],
    [
      'electron/preload/x.ts',
      "import { dispatch } from '../server/core/dispatch';\nexport const x = dispatch;\n",
      'The preload layer may not import the server layer',
    ],
    [
      'electron/host/x.ts',
      "import { x as y } from '../main/window';\nexport const x = y;\n",
      'The host layer may not import the main layer',
    ],
    [
      'electron/main/x.ts',
      "import { PAGE_CSP } from '../host/static-files';\nexport const x = PAGE_CSP;\n",
      'The main layer may not import the host layer',
    ],
    [
      'electron/main/x.ts',
      "import { x as y } from '../preload/bridge';\nexport const x = y;\n",
      'The main layer may not import the preload layer',
    ],
    [
      'electron/server/x.ts',
      "import { x as y } from '../../tests/e2e/helpers';\nexport const x = y;\n",
      'The server layer may not import tests/e2e/helpers',
    ],
  ])('%s: %j is reported', async (file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['electron/host/x.ts', "import { dispatch } from '../server/core/dispatch';\nexport const x = dispatch;\n"],
    ['electron/cli/x.ts', "import { startHost } from '../host/server';\nexport const x = startHost;\n"],
    ['electron/main/x.ts', "import { IPC_CHANNELS } from '../preload/channels';\nexport const x = IPC_CHANNELS;\n"],
    ['electron/main/x.test.ts', "import { PAGE_CSP } from '../host/static-files';\nexport const x = PAGE_CSP;\n"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';\nexport const x = contract;\n"],
    [
      'electron/server/x.ts',
      "import { contract } from '../../shared/contract';\nimport { AppError } from './core/app-error';\nexport const x = [contract, AppError];\n",
    ],
  ])('%s: %j is allowed', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
