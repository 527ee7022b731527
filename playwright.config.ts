import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './scripts/e2e-browser.mjs';
import { OFFICE_TIMEZONE, useOfficeTimezone } from './tests/office-timezone';

// The runner, its workers and the e2e host all inherit TZ; the browser gets timezoneId below.
useOfficeTimezone();

const PORT = Number(process.env.E2E_PORT ?? 5599);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own (npm run test:e2e installs it:
// scripts/e2e-browser.mjs).
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // One data folder is shared by the run; tests that write stay out of each other's way by
  // using their own staff codes, and two workers keep the run short.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A whole test: 120 s. Each step still has its own bound (expect 20 s, a page's boot 90 s); this
  // only caps the sum. On CI's two cores, with the month suite's host and browser beside this one,
  // the first-run test (a cold bundle, four page loads) once took 62 s of steps that each passed.
  timeout: 120_000,
  // 20 s, not 10: CI's two cores run the month suite's own host and browser beside this one, and a
  // first page there (the bundle parsed, settings → sign-in state → the page's chunk) once took
  // longer than 10 s. A waiting assertion that passes returns at once; only a failure waits longer.
  expect: { timeout: 20_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never' }], ['./tests/e2e/failure-context-reporter.ts']]
    : [['list'], ['./tests/e2e/failure-context-reporter.ts']],
  use: {
    browserName: 'chromium',
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: OFFICE_TIMEZONE,
    viewport: { width: 1366, height: 768 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Without --disable-background-networking Chromium stalls on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    // First-run setup must see a brand-new office, so it runs before everything else.
    { name: 'first-run', testMatch: /first-run\.spec\.ts/ },
    // A restore replaces the whole office, so it runs alone, before the tests that share the office.
    { name: 'restore', testMatch: /restore\.spec\.ts/, dependencies: ['first-run'] },
    {
      name: 'app',
      testIgnore: [/(first-run|security|restore|archive-audit|signed-in)\.spec\.ts/, /month\//],
      dependencies: ['restore'],
    },
    // A month in the life of an office: each file starts an office of its own (tests/e2e/month/
    // office-server.ts), so it needs nothing from the shared one and can run on its own.
    { name: 'month', testMatch: /month\/.*\.spec\.ts/ },
    // Turning sign-in on changes the office for everyone, so it runs after all the others.
    { name: 'security', testMatch: /security\.spec\.ts/, dependencies: ['app'] },
    // 档案体检 leaves findings in the shared archive and signs in per role: after everything else.
    { name: 'audit', testMatch: /archive-audit\.spec\.ts/, dependencies: ['security'] },
    // With sign-in on: salespeople and the owner signing in and out (业绩确认, issue 19).
    { name: 'signed-in', testMatch: /signed-in\.spec\.ts/, dependencies: ['audit'] },
    // A salesperson signed in (公海 claims): needs sign-in on, so after the security project.
    { name: 'pool-signin', testMatch: /pool-claim\.signin\.ts/, dependencies: ['signed-in'] },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${BASE_URL}/`,
    env: { E2E_PORT: String(PORT) },
    // Always a fresh server: the suite relies on an empty data folder.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
