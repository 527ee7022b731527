import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Contract, Method, OutputOf, RawInputOf } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

/**
 * Every test fails on a browser console error or uncaught page error — that is how a CSP
 * violation, a React warning turned error or a failed chunk load shows up.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  // After every goto and reload, wait until the app has booted and the page's chunk has run (no
  // full-screen spinner left). On CI's two cores the month suite's host and browser run beside this
  // one, and a first page (bundle parsed, settings → sign-in state → the page's chunk) once took more
  // than the 20 s a single assertion waits. The boot gets its own, longer wait, in one place; what a
  // test then checks on the page still has to appear within the normal 20 s.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await appSettled(page);
      return response;
    };
    page.reload = async (options) => {
      const response = await reload(options);
      await appSettled(page);
      return response;
    };
    await use(page);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        // A refused call (409 duplicate, 400 bad input) is an answer the UI shows, not a fault.
        const refusedCall = /status of 4\d\d/.test(msg.text()) && /\/(api|upload)\//.test(msg.location().url);
        if (!refusedCall) errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'browser console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const BOOT_TIMEOUT_MS = 90_000;

/** The little of the page's `document` that appSettled reads. */
type PageDocument = {
  getElementById(id: string): { childElementCount: number } | null;
  querySelector(selector: string): unknown;
};

/** The app's root has rendered something and no full-screen spinner (boot or a page's chunk) is left. */
async function appSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      // Through globalThis: these tests type-check without the DOM library.
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      const root = doc.getElementById('root');
      return !!root && root.childElementCount > 0 && !doc.querySelector('[data-testid="app-loading"]');
    },
    undefined,
    { timeout: BOOT_TIMEOUT_MS, polling: 100 },
  );
}

/** Call the contract over HTTP, as the browser mode does; throws on an error envelope. */
export async function api<M extends Method>(
  request: APIRequestContext,
  method: M,
  input?: RawInputOf<Contract[M]>,
): Promise<OutputOf<Contract[M]>> {
  const response = await request.post(`/api/${method}`, { data: input ?? {} });
  const envelope = (await response.json()) as Envelope<OutputOf<Contract[M]>>;
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message} / ${envelope.error.messageEn}`);
  return envelope.value;
}

/** Tests after first-run need a set-up office; when run alone they set it up themselves. */
export async function ensureOfficeSetUp(request: APIRequestContext): Promise<void> {
  const settings = await api(request, 'settings.get');
  if (!settings.setupDone) await api(request, 'settings.completeSetup', { officeName: '阳光加盟店', officeAddress: '' });
}

export const SIDEBAR_ZH = ['概览', '客户', '合同', '档案', '员工与指标', '业绩表', '业绩测算', '设置'];
export const SIDEBAR_EN = [
  'Overview',
  'Clients',
  'Contracts',
  'Archive',
  'Staff & targets',
  'Performance sheet',
  'Where I stand',
  'Settings',
];

export function sidebarItems(page: Page): Locator {
  return page.getByRole('navigation').getByRole('menuitem');
}

// Minimal DOM shapes: this project is typed for Node (no DOM lib), and a string predicate would
// be eval'd — which the page's CSP rightly refuses.
type AnimationLike = { playState: string; effect: { getComputedTiming: () => { iterations?: number } } | null };
const animationsSettled = (): boolean =>
  (globalThis as unknown as { document: { getAnimations: () => AnimationLike[] } }).document
    .getAnimations()
    .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);

/** Kept as artifacts under test-results/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  // Wait for antd's enter animations to settle so the picture shows the final state (endless
  // ones, like a spinner or a blinking caret, never settle and are left alone).
  await page.waitForFunction(animationsSettled);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The language switch: the header's (the first one; 设置 has a second) or the setup page's. */
export function languageOption(page: Page, label: '中文' | 'English'): Locator {
  return page.locator('.ant-segmented').first().getByText(label, { exact: true });
}

/**
 * Choose an option in an antd Select and make sure it took: a click that lands while the
 * dropdown is still opening can be lost, which left a form saving the default value in CI.
 */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const openDropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if (!(await openDropdown.isVisible())) await field.click();
    await openDropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 2_000 });
    await expect(select.locator('.ant-select-content')).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
