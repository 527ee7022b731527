import fs from 'node:fs';
import path from 'node:path';
import type { LaunchOptions, Locator, Page } from '@playwright/test';
import { expect as baseExpect, test as base } from '../fixtures';
import { startOfficeServer, type OfficeServer } from './office-server';

export { api, languageOption, screenshot } from '../fixtures';

/** A month is a long story on a busy machine: waits are a little more patient than the default. */
export const expect = baseExpect.configure({ timeout: 45_000 });

let current: OfficeServer | null = null;
let label: string | null = null;

/**
 * Specs in this folder each run against an office of their own (see office-server.ts): call
 * `ownOffice('label')` at the top of a file; `page` and `request` then talk to that office.
 * The console-error guard of ../fixtures applies unchanged.
 */
export const test = base.extend<{ office: OfficeServer }>({
  // Started by the file's first test (fixtures come before beforeAll hooks), stopped after its last.
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures destructure their dependencies; this one has none
  office: async ({}, use) => {
    if (!label) throw new Error('ownOffice() was not called in this file');
    current ??= await startOfficeServer(label);
    await use(current);
  },
  baseURL: async ({ office }, use) => use(office.url),
});

export function ownOffice(name: string): void {
  label = name;
  // Charts are drawn at once (as on paper) rather than growing in: a screenshot shows them whole.
  test.use({ reducedMotion: 'reduce' });
  test.afterAll(async () => {
    await current?.stop();
    current = null;
  });
}

/**
 * Chromium as a person sees it: headless Chromium hides scrollbars by default, which would hide
 * exactly what the table checks are about (a sideways scrollbar you can see).
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const SCROLLBARS_SHOWN: LaunchOptions = {
  ...(fs.existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
  ignoreDefaultArgs: ['--hide-scrollbars'],
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export const SCREENSHOTS = path.resolve('test-results/screenshots');

/** What the window shows right now (a dialog, a drawer) — a full-page shot of a scroll-locked page shifts it. */
export async function viewShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(350); // antd's open animation
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Choose an option in an antd Select and make sure it took — like ../fixtures' chooseOption, with
 * the patience a loaded machine needs (a click during the dropdown's opening animation is lost).
 */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const openDropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if ((await select.locator('.ant-select-content').textContent())?.includes(option)) return;
    if (!(await openDropdown.isVisible())) await field.click();
    await openDropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 8_000 });
    await baseExpect(select.locator('.ant-select-content')).toContainText(option, { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await expect(openDropdown).toHaveCount(0);
}

/** Type a date into an antd DatePicker found by its label and confirm it with Enter. */
export async function pickDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** Months relative to today: the story runs in the two months before this one, which can be closed. */
export function monthsAgo(n: number, today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - n, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export async function signIn(page: Page, code: string, password: string): Promise<void> {
  await page.goto('/');
  const login = page.getByTestId('login');
  await expect(login).toBeVisible();
  await login.getByLabel('工号').fill(code);
  await login.getByLabel('密码').fill(password);
  await login.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').getByRole('button', { name: '退出' }).click();
  await expect(page.getByTestId('login')).toBeVisible();
}

/** Does this element scroll sideways, with a scrollbar that takes room (i.e. one a person sees)? */
export async function scrollsSideways(element: Locator): Promise<{ scrolls: boolean; barVisible: boolean }> {
  return element.evaluate((node) => {
    const el = node as unknown as { scrollWidth: number; clientWidth: number; offsetHeight: number; clientHeight: number };
    return { scrolls: el.scrollWidth > el.clientWidth + 1, barVisible: el.offsetHeight > el.clientHeight };
  });
}

/**
 * Every cell of the locator holds its text on one line (a date broken as "2027-/11-09" fails).
 * Only the text is measured, line by line: a tag's border box sits a few pixels above its
 * text, which is not a second line.
 */
export async function expectSingleLine(cells: Locator, what: string): Promise<void> {
  const heights = await cells.evaluateAll((nodes) =>
    nodes.map((n) => {
      type Rect = { top: number; height: number };
      type DomLike = {
        createRange: () => { selectNodeContents: (x: unknown) => void; getClientRects: () => ArrayLike<Rect> };
        createTreeWalker: (root: unknown, what: number) => { nextNode: () => unknown };
      };
      const doc = (globalThis as unknown as { document: DomLike }).document;
      const walker = doc.createTreeWalker(n, 4 /* NodeFilter.SHOW_TEXT */);
      const rects: Rect[] = [];
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const range = doc.createRange();
        range.selectNodeContents(text);
        rects.push(...Array.from(range.getClientRects()).filter((r) => r.height > 0));
      }
      rects.sort((a, b) => a.top - b.top);
      // A new line starts where a piece of text begins below more than half of the previous one.
      let lines = rects.length ? 1 : 0;
      for (let i = 1; i < rects.length; i++) if (rects[i]!.top - rects[i - 1]!.top > rects[i - 1]!.height / 2) lines++;
      return { text: (n as unknown as { textContent: string | null }).textContent ?? '', lines };
    }),
  );
  for (const h of heights) expect(h.lines, `${what}: "${h.text}" should be on one line`).toBeLessThanOrEqual(1);
}
