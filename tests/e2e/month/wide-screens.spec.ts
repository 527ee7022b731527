import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  api,
  expect,
  expectSingleLine,
  languageOption,
  monthsAgo,
  ownOffice,
  SCROLLBARS_SHOWN,
  screenshot,
  scrollsSideways,
  test,
} from './fixtures';

/**
 * The widest screens — 合同, 业绩表, 档案 and 客户 — at 1366×768 and 1920×1080, in Chinese and in
 * English: key columns stay in view, the rest scrolls sideways with a scrollbar a person can
 * see, no date is broken mid-string, no action is cut, no header runs into the next.
 * Screenshots: test-results/screenshots/wide-<screen>-<lang>-<width>.png.
 */
test.describe.configure({ mode: 'serial', timeout: 360_000 });
ownOffice('wide');
test.use({ launchOptions: SCROLLBARS_SHOWN });

const MONTH = monthsAgo(1);

async function seed(request: APIRequestContext): Promise<void> {
  if ((await api(request, 'settings.get')).setupDone) return;
  await api(request, 'settings.completeSetup', { officeName: '阳光加盟店', officeAddress: '杭州市西湖区文三路 88 号' });
  await api(request, 'plans.set', {
    month: MONTH,
    staffId: null,
    plan: { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null },
  });
  const names = ['张伟', '欧阳晓明', '赵磊', '孙丽', '李娜', '王芳'];
  for (const [i, name] of names.entries()) {
    const staff = await api(request, 'staff.create', {
      code: `W${i + 1}`,
      name,
      role: 'salesperson',
      hiredOn: '2025-01-01',
      baseSalaryFen: 300_000,
    });
    const client = await api(request, 'clients.create', {
      name: `浙江省杭州市西湖区第${i + 1}号网络科技发展有限公司`,
      ownerStaffId: staff.id,
      contactName: '刘先生',
      phones: [`1390000${String(1000 + i)}`],
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
    });
    const k = await api(request, 'contracts.create', {
      clientId: client.id,
      staffId: staff.id,
      product: '企业官网建设及三年运维服务',
      amountFen: 3_600_000 + i * 250_000,
      signedOn: `${MONTH}-0${i + 1}`,
      startsOn: `${MONTH}-0${i + 1}`,
      endsOn: `${Number(MONTH.slice(0, 4)) + 1}${MONTH.slice(4)}-0${i + 1}`,
      status: 'signed',
    });
    await api(request, 'payments.create', { contractId: k.id, paidOn: `${MONTH}-1${i}`, amountFen: 1_000_000 + i * 400_000 });
  }
  await api(request, 'months.close', { month: MONTH });
}

/** The element is drawn entirely inside the box (not cut by the table's edge or the window). */
async function expectInside(element: Locator, box: Locator, what: string): Promise<void> {
  const e = (await element.boundingBox())!;
  const b = (await box.boundingBox())!;
  expect(e.x, `${what}: left edge`).toBeGreaterThanOrEqual(b.x - 1);
  expect(e.x + e.width, `${what}: right edge`).toBeLessThanOrEqual(b.x + b.width + 1);
}

async function setLanguage(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await languageOption(page, lang === 'en' ? 'English' : '中文').click();
}

for (const width of [1366, 1920]) {
  for (const lang of ['zh', 'en'] as const) {
    test(`${width} · ${lang}: 合同, 业绩表, 档案 and 客户 fit the screen`, async ({ page, request }) => {
      await seed(request);
      await page.setViewportSize({ width, height: width === 1366 ? 768 : 1080 });
      await page.goto('/#/contracts');
      await expect(page.getByTestId('contract-table')).toBeVisible({ timeout: 60_000 });
      await setLanguage(page, lang);

      // 合同: the client never shrinks to a character, dates stay whole, the actions are whole.
      const contracts = page.getByTestId('contract-table');
      await expect(contracts.getByRole('row')).toHaveCount(7);
      const clientCell = contracts.locator('td.contract-client-cell').first();
      expect((await clientCell.boundingBox())!.width).toBeGreaterThanOrEqual(170);
      await expectSingleLine(contracts.locator('td.nowrap'), 'contract cells');
      const actions = contracts.getByRole('row').nth(1).locator('td').last();
      await expectInside(actions, contracts, 'contract actions');
      await expectInside(actions, page.locator('.shell-content'), 'contract actions in the window');
      const body = contracts.locator('.ant-table-body, .ant-table-content').first();
      const sideways = await scrollsSideways(body);
      if (sideways.scrolls) {
        // Rows scroll sideways: the bar is there to see (the table's own or the sticky one).
        const sticky = contracts.locator('.ant-table-sticky-scroll');
        expect(sideways.barVisible || (await sticky.isVisible())).toBe(true);
      }
      await screenshot(page, `wide-contracts-${lang}-${width}`);

      // 业绩表: name and 状态 in view, every column reachable, no header drawn over another.
      await page.goto(`/#/performance/${MONTH}`);
      const sheet = page.getByTestId('sheet-table');
      await expect(sheet.getByRole('row').filter({ hasText: 'W2' })).toBeVisible();
      const statusHeader = sheet.locator('th.sheet-col-status').first();
      await expectInside(statusHeader, page.locator('.shell-content'), 'sheet 状态 column');
      await expectInside(sheet.locator('th.sheet-col-name').first(), page.locator('.shell-content'), 'sheet name column');
      const sheetBody = sheet.locator('.ant-table-body').first();
      const sheetSideways = await scrollsSideways(sheetBody);
      if (sheetSideways.scrolls)
        expect(sheetSideways.barVisible || (await sheet.locator('.ant-table-sticky-scroll').isVisible())).toBe(true);
      await screenshot(page, `wide-sheet-${lang}-${width}`);

      // 客户: headers never run into each other.
      await page.goto('/#/clients/list');
      const headers = page.locator('.vtable-head [role=columnheader]');
      // (The first header is the empty one over the row checkboxes: wait for the rows instead.)
      await expect(page.locator('.vtable-row').first()).toBeVisible();
      const boxes = (await headers.evaluateAll((nodes) =>
        nodes.map((n) => {
          const text = n.querySelector('.vtable-th-text') ?? n;
          const cell = (n as unknown as { getBoundingClientRect: () => { left: number; right: number } }).getBoundingClientRect();
          const label = (
            text as unknown as { getBoundingClientRect: () => { left: number; right: number } }
          ).getBoundingClientRect();
          return { cellRight: cell.right, labelRight: label.right };
        }),
      )) as { cellRight: number; labelRight: number }[];
      for (const b of boxes) expect(b.labelRight).toBeLessThanOrEqual(b.cellRight + 1);
      await screenshot(page, `wide-clients-${lang}-${width}`);

      // 档案: size, path and the actions reachable; the actions pinned in view.
      await page.goto('/#/archive/files');
      const docs = page.getByTestId('document-table');
      await expect(docs).toBeVisible();
      const head = docs.locator('thead th').last();
      await expectInside(head, page.locator('.shell-content'), 'archive actions column');
      await screenshot(page, `wide-archive-${lang}-${width}`);
    });
  }
}
