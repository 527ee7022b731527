// Lint, and the layering rules that keep the app easy to change (docs/architecture.md, after VS Code's
// layer folders): each folder may import only what its layer is allowed to know about.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './eslint-local/index.mjs';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'zlib',
];
const databaseLibs = ['better-sqlite3', 'kysely'];

const packages = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
});

// Layering as an allow-list (docs/architecture.md; VS Code's code-layering): each layer names the
// layers (or single modules) it MAY import; a layer always may import itself. Anything else of
// ours — including a folder nobody has placed yet — is a lint error (eslint-local/layers.mjs).
//   shared ← server ← host, cli, electron main;  preload and renderer see only shared.
const appLayers = {
  shared: { folder: 'shared', may: [] },
  server: { folder: 'electron/server', may: ['shared'] },
  host: { folder: 'electron/host', may: ['shared', 'server'] },
  // `office serve` runs the same HTTP host.
  cli: { folder: 'electron/cli', may: ['shared', 'server', 'host'] },
  // The IPC channel names are the one thing main and preload must agree on.
  main: {
    folder: 'electron/main',
    may: ['shared', 'server', 'electron/preload/channels'],
    testsMay: ['electron/host/static-files'],
  },
  preload: { folder: 'electron/preload', may: ['shared'] },
  renderer: { folder: 'renderer/src', may: ['shared'] },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'build/native/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union, not an enum (docs/architecture.md).' },
      ],
    },
  },
  {
    // No circles of runtime imports anywhere in the app's code (the graph spans these folders),
    // and each layer imports only what its allow-list names.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { local },
    rules: {
      'local/no-import-cycle': ['error', { roots: ['electron', 'shared', 'renderer/src'] }],
      'local/layers': ['error', { layers: appLayers }],
    },
  },
  {
    // Type-aware rules, for the promise mistakes types can see: a promise nobody awaits (its failure
    // is lost), a promise where a plain value is expected (an async onClick/if), awaiting a non-promise.
    // Convention: `onFinish={(v) => void save(v)}` — `void` marks a handler that reports its own
    // failures (try/catch, useSaving, `.then(ok, failed)`); one that does not gets a catch first.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  // What each layer must not take from packages (our own folders are the allow-list above).
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...packages(
        [...nodeBuiltins, ...databaseLibs, 'electron', 'react', 'react-dom', 'antd'],
        'shared/ is pure TypeScript that runs anywhere: no Node, database, Electron, DOM or UI imports.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    files: ['electron/server/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'antd'],
              message: 'The office core and its Node transports never import Electron or UI code.',
            },
            {
              group: ['exceljs'],
              message:
                'exceljs only through electron/server/imports/excel-workbook.ts: one module to replace when the unmaintained library goes.',
            },
          ],
        },
      ],
    },
  },
  {
    // The door itself, and tests that read back what it wrote.
    files: ['electron/server/imports/excel-workbook.ts', 'electron/{server,host,cli}/**/*.test.ts', 'electron/server/**/testing/**/*.ts'],
    rules: packages(
      ['electron', 'react', 'react-dom', 'antd'],
      'The office core and its Node transports never import Electron or UI code.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: packages(databaseLibs, 'The preload only bridges calls; it never reaches the database.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: packages(
      [...nodeBuiltins, ...databaseLibs, 'electron'],
      'The renderer talks to the core only through the api client; no Node, database or Electron imports.',
    ),
  },
);
