import { defineConfig } from 'vitest/config';
import { useOfficeTimezone } from './tests/office-timezone';

useOfficeTimezone();

// The kill -9 suite (tests/reliability): child processes killed at random moments. Run by
// `npm test` as its own step so its minutes show separately.
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
