import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 5599);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Debian's chromium when present (Playwright's own browsers may not be downloadable here).
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const executablePath = fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // One data folder is shared by the run; tests that write stay out of each other's way by
  // using their own staff codes, and two workers keep the run short.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    browserName: 'chromium',
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
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
    { name: 'app', testIgnore: [/(first-run|security)\.spec\.ts/, /month\//], dependencies: ['first-run'] },
    // A month in the life of an office: each file starts an office of its own (tests/e2e/month/
    // office-server.ts), so it needs nothing from the shared one and can run on its own.
    { name: 'month', testMatch: /month\/.*\.spec\.ts/ },
    // Turning sign-in on changes the office for everyone, so it runs after all the others.
    { name: 'security', testMatch: /security\.spec\.ts/, dependencies: ['app'] },
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
