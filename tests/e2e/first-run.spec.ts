import { api, expect, languageOption, screenshot, SIDEBAR_EN, SIDEBAR_ZH, sidebarItems, test } from './fixtures';

test('first-run setup leads to the shell in Chinese; the language switch persists across reloads', async ({ page, request }) => {
  const before = await api(request, 'settings.get');
  expect(before.setupDone).toBe(false);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用门店通' })).toBeVisible();
  // The archive folder is prefilled from the office; the data folder is shown, not editable.
  await expect(page.getByLabel('档案文件夹')).toHaveValue(before.archiveRoot);
  const dataDir = page.getByLabel('数据文件夹');
  await expect(dataDir).toHaveValue(before.dataDir);
  await expect(dataDir).toHaveAttribute('readonly', '');

  // The office name is required, in Chinese.
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('请填写门店名称')).toBeVisible();

  await page.getByLabel('门店名称').fill('阳光加盟店');
  await page.getByLabel('地址').fill('杭州市西湖区文三路 88 号');
  // The owner's account is created with the office; no password here, so no sign-in yet.
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('请填写店长姓名')).toBeVisible();
  await page.getByLabel('店长姓名').fill('王建国');
  await page.getByLabel('店长工号').fill('DZ01');
  await screenshot(page, 'setup');
  await page.getByRole('button', { name: '完成设置' }).click();

  // The shell: office name in the header, the six sections in the manual's order.
  await expect(page.getByTestId('office-name')).toHaveText('阳光加盟店');
  await expect(sidebarItems(page)).toHaveText(SIDEBAR_ZH);
  // The first section, 概览, is the owner's home.
  await expect(page.getByRole('heading', { name: '概览' })).toBeVisible();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page).toHaveTitle('阳光加盟店 · 门店通');
  await screenshot(page, 'shell');

  const staff = await api(request, 'staff.list', {});
  expect(staff.map((s) => [s.code, s.name, s.role])).toEqual([['DZ01', '王建国', 'owner']]);
  const after = await api(request, 'settings.get');
  expect(after).toMatchObject({
    setupDone: true,
    officeName: '阳光加盟店',
    officeAddress: '杭州市西湖区文三路 88 号',
    archiveRoot: before.archiveRoot,
  });

  // English, kept across a reload…
  await languageOption(page, 'English').click();
  await expect(sidebarItems(page)).toHaveText(SIDEBAR_EN);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(sidebarItems(page)).toHaveText(SIDEBAR_EN);

  // …and back to Chinese, also kept.
  await languageOption(page, '中文').click();
  await expect(sidebarItems(page)).toHaveText(SIDEBAR_ZH);
  await page.reload();
  await expect(sidebarItems(page)).toHaveText(SIDEBAR_ZH);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // Each section has its own address; unknown addresses go to the first section.
  await sidebarItems(page).filter({ hasText: '员工与指标' }).click();
  await expect(page).toHaveURL(/#\/staff$/);
  await expect(page.getByRole('heading', { name: '员工与指标' })).toBeVisible();
  await page.goto('/#/nowhere');
  await expect(page).toHaveURL(/#\/dashboard$/);
});

test('the page is served with the strict content security policy', async ({ request }) => {
  const response = await request.get('/');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});
