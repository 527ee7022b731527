import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and the risky extras off', () => {
    expect(options.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('opens titled 门店通, hidden until the page is ready', () => {
    expect(options.title).toBe('门店通');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(960);
  });

  it('gives each call its own object', () => {
    expect(mainWindowOptions('/a')).not.toBe(mainWindowOptions('/a'));
    expect(mainWindowOptions('/b').webPreferences?.preload).toBe('/b');
  });
});

describe('pure main-process modules', () => {
  // These run under plain Node in vitest: a runtime import of 'electron' would break that.
  const pure = [
    'window-options',
    'csp',
    'app-protocol',
    'navigation',
    'permissions',
    'ipc-guard',
    'archive-paths',
    'print-helpers',
    'menu-template',
    'local-actor',
  ];
  it.each(pure)('%s.ts imports electron for types only', (name) => {
    const source = fs.readFileSync(path.join(import.meta.dirname, `${name}.ts`), 'utf8');
    const electronImports = source.split('\n').filter((line) => /from ['"]electron['"]/.test(line));
    for (const line of electronImports) expect(line).toMatch(/^import type /);
  });
});
