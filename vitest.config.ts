import { defineConfig } from 'vitest/config';
import { useOfficeTimezone } from './tests/office-timezone';

useOfficeTimezone();

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    // OCR has its own step (vitest.ocr.config.ts).
    exclude: ['**/node_modules/**', 'electron/server/ocr/**/*.test.ts', 'electron/server/**/*.ocr.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
