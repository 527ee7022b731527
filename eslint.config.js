// Lint, and the layering rule that keeps the app easy to change (DESIGN.md, after VS Code's
// layer folders): each folder may import only what its layer is allowed to know about.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './eslint-local/index.mjs';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads', 'zlib'];
const databaseLibs = ['better-sqlite3', 'kysely'];

const layer = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'build/native/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a string union, not an enum (DESIGN.md).' }],
    },
  },
  {
    // No circles of runtime imports anywhere in the app's code (the graph spans these folders).
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { local },
    rules: { 'local/no-import-cycle': ['error', { roots: ['electron', 'shared', 'renderer/src'] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...layer(
        [...nodeBuiltins, ...databaseLibs, 'electron', 'react', 'react-dom', 'antd', '**/electron/**', '**/renderer/**'],
        'shared/ is pure TypeScript that runs anywhere: no Node, database, Electron, DOM or UI imports.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    files: ['electron/server/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: layer(['electron', '**/renderer/**', 'react', 'react-dom', 'antd'], 'The office core and its Node transports never import Electron or renderer code.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer([...databaseLibs, '**/electron/server/**', '**/renderer/**'], 'The preload only bridges calls; it never reaches the core or the UI directly.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer([...nodeBuiltins, ...databaseLibs, 'electron', '**/electron/**'], 'The renderer talks to the core only through the api client; no Node, database or Electron imports.'),
  },
);
