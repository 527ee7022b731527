import path from 'node:path';
import { ESLint } from 'eslint';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The project's real eslint.config.js, less the type-aware rules: those need each file in a
 * tsconfig, and the lint tests' files exist only in the test (with them on, every snippet failed
 * to parse and no rule fired).
 */
export const lintWithoutTypes = new ESLint({
  cwd: repoRoot,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});
