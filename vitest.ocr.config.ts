import { defineConfig } from 'vitest/config';
import { useOfficeTimezone } from './tests/office-timezone';

useOfficeTimezone();

// OCR (electron/server/ocr): Chromium renders contract pages and the OCR worker reads them, a
// few minutes of both cores. Run by `npm test` as its own step, one file at a time, so it
// neither starves the unit tests' timeouts nor hides its own minutes among theirs.
export default defineConfig({
  test: {
    include: ['electron/server/ocr/**/*.test.ts', 'electron/server/**/*.ocr.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
