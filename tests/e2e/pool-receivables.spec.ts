import fs from 'node:fs';
import { api, ensureOfficeSetUp, expect, languageOption, screenshot, test } from './fixtures';

// The first thing shown after a page load waits longer: on a busy machine the app's chunks can
// take more than the default 10 s to arrive and run.
const FIRST = { timeout: 90_000 };

// Local calendar dates (the office's, Asia/Shanghai in the tests), as the app counts days — never UTC.
const iso = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number): string => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return iso(d);
};

test('回款计划: a monthly preset, a refused schedule, part payment spread oldest first, 逾期 N 天, 发票', async ({
  page,
  request,
}) => {
  test.setTimeout(360_000);
  await ensureOfficeSetUp(request);
  const client = await api(request, 'clients.create', { name: '回款测试印刷厂', phones: ['13500000011'] });
  const signedOn = daysAgo(75);
  await api(request, 'contracts.create', {
    clientId: client.id,
    number: 'E2E-HK-1',
    product: '年度印刷',
    amountFen: 1_200_000,
    signedOn,
    status: 'signed',
  });

  await page.goto('/#/contracts');
  const row = page.getByRole('row').filter({ hasText: 'E2E-HK-1' });
  await expect(row).toBeVisible(FIRST);
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByRole('tab', { name: '回款计划' }).click();
  const schedule = page.locator('[data-testid^="schedule-"]');
  await expect(schedule).toContainText('未设置回款计划:签订时一次付清');
  await schedule.getByRole('button', { name: '编辑回款计划' }).click();

  const editor = page.getByRole('dialog', { name: '回款计划:E2E-HK-1' });
  await editor.getByLabel('期数').fill('3');
  await editor.getByRole('button', { name: '按月' }).click();
  await expect(editor.getByTestId('schedule-total')).toContainText('与合同金额一致');
  // More than the contract: refused with the reason, nothing saved.
  await editor.getByLabel('金额(元) 3').fill('9000');
  await expect(editor.getByTestId('schedule-total')).toContainText('超出合同 5,000.00 元');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor.locator('.ant-alert-error')).toContainText('超过合同金额 12,000.00 元');
  await editor.getByLabel('金额(元) 3').fill('4000');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor).toBeHidden();
  await expect(schedule.locator('tbody tr')).toHaveCount(3);

  // 5,000 received: the first instalment in full, 1,000 of the second, which is past due.
  const k = (await api(request, 'contracts.list', { search: 'E2E-HK-1' })).rows[0]!;
  await api(request, 'payments.create', { contractId: k.id, paidOn: daysAgo(70), amountFen: 500_000 });
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'E2E-HK-1' })).toBeVisible(FIRST);
  await page.getByRole('row').filter({ hasText: 'E2E-HK-1' }).locator('.ant-table-row-expand-icon').click();
  await page.getByRole('tab', { name: '回款计划' }).click();
  const rows = page.locator('[data-testid^="schedule-"] tbody tr');
  await expect(rows.nth(0)).toContainText('已收');
  await expect(rows.nth(1)).toContainText('部分 1,000.00');
  await expect(rows.nth(1)).toContainText(/逾期 \d+ 天/);
  await screenshot(page, 'receivables-schedule');

  await page.getByRole('tab', { name: '发票' }).click();
  await page.getByRole('button', { name: '登记发票' }).click();
  const invoice = page.getByRole('dialog', { name: '登记发票:E2E-HK-1' });
  await expect(invoice.getByLabel('抬头')).toHaveValue('回款测试印刷厂');
  await invoice.getByLabel('税号').fill('91440300MA5F00001X');
  await invoice.getByLabel('发票号码').fill('E2E-FP-0001');
  await invoice.getByLabel('金额(元)').fill('5000');
  await invoice.getByRole('button', { name: '保存' }).click();
  await expect(invoice).toBeHidden();
  const invoices = page.locator('[data-testid^="invoices-"]');
  await expect(invoices).toContainText('E2E-FP-0001');
  await expect(invoices).toContainText('已开票 ¥5,000.00 · 未开票 ¥7,000.00');
  await screenshot(page, 'receivables-invoices');

  await languageOption(page, 'English').click();
  await page.getByRole('tab', { name: 'Payment schedule' }).click();
  await expect(page.locator('[data-testid^="schedule-"] tbody tr').nth(1)).toContainText(/\d+ days overdue/);
  await screenshot(page, 'receivables-schedule-en');
});

test('应收与逾期 and 应收账龄: the buckets, per salesperson and client, exported to Excel', async ({ page, request }) => {
  test.setTimeout(360_000);
  await ensureOfficeSetUp(request);
  const staff = await api(request, 'staff.create', {
    code: 'E2E-AG',
    name: '账龄张',
    role: 'salesperson',
    hiredOn: '2024-01-01',
    baseSalaryFen: 300000,
  });
  const client = await api(request, 'clients.create', { name: '账龄测试餐厅', ownerStaffId: staff.id, phones: ['13500000021'] });
  // 100 days ago, nothing paid: 90 天以上; and a part paid one due 40 days ago.
  await api(request, 'contracts.create', {
    clientId: client.id,
    number: 'E2E-AG-1',
    amountFen: 300_000,
    signedOn: daysAgo(100),
    status: 'signed',
  });
  const b = await api(request, 'contracts.create', {
    clientId: client.id,
    number: 'E2E-AG-2',
    amountFen: 200_000,
    signedOn: daysAgo(40),
    status: 'signed',
  });
  await api(request, 'payments.create', { contractId: b.id, paidOn: daysAgo(39), amountFen: 50_000 });

  await page.goto('/#/contracts/aging');
  const aging = page.getByTestId('aging-tab');
  await expect(aging.getByRole('columnheader', { name: '90 天以上' }).first()).toBeVisible(FIRST);
  const byClient = aging.getByRole('row').filter({ hasText: '账龄测试餐厅' });
  await expect(byClient).toContainText('3,000.00');
  await expect(byClient).toContainText('1,500.00');
  await expect(byClient).toContainText('4,500.00');
  await screenshot(page, 'receivables-aging');
  const download = page.waitForEvent('download');
  await aging.getByRole('button', { name: '导出' }).click();
  await page.getByRole('menuitem', { name: /Excel/ }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');

  await page.goto('/#/contracts/receivables');
  await page.getByText('逾期', { exact: true }).click(FIRST);
  const overdue = page.getByTestId('receivables-tab');
  await expect(overdue.getByRole('row').filter({ hasText: 'E2E-AG-1' })).toContainText('逾期 100 天');
  await expect(overdue.getByRole('row').filter({ hasText: '账龄张' }).first()).toBeVisible();
  await screenshot(page, 'receivables-overdue');

  await page.goto('/#/contracts/aging');
  await expect(page.getByTestId('aging-tab')).toBeVisible(FIRST);
  await languageOption(page, 'English').click();
  await expect(page.getByTestId('aging-tab').getByRole('columnheader', { name: 'Over 90 days' }).first()).toBeVisible();
  await screenshot(page, 'receivables-aging-en');

  // The dashboard's tiles and 跟进提醒 show the same money.
  await languageOption(page, '中文').click();
  await page.goto('/#/dashboard');
  await expect(page.getByTestId('dash-receivables')).toContainText('逾期', FIRST);
  await expect(page.getByTestId('dash-pool')).toContainText('公海客户');
  await screenshot(page, 'dashboard-receivables');
  await page.goto('/#/clients/due');
  await expect(page.getByTestId('receivable-reminders')).toContainText(/另有逾期 \d+ 笔/, FIRST);
  await expect(page.getByTestId('pool-warnings')).toBeVisible();
  await screenshot(page, 'clients-due-pool-receivables');
});

test('合并: the possible-duplicates list, a field-by-field merge, contracts and follow-ups moved', async ({ page, request }) => {
  test.setTimeout(360_000);
  await ensureOfficeSetUp(request);
  const region = { province: '浙江省', city: '杭州市', district: '西湖区' };
  const kept = await api(request, 'clients.create', { name: '星河广告', ...region, phones: ['13500000031'], notes: '老客户' });
  const dup = await api(request, 'clients.create', {
    name: '星河广告传媒',
    ...region,
    phones: ['13500000032'],
    wechat: 'xinghe-ad',
  });
  await api(request, 'contracts.create', {
    clientId: dup.id,
    number: 'E2E-HB-1',
    amountFen: 100_000,
    signedOn: daysAgo(10),
    status: 'signed',
  });
  await api(request, 'followups.create', { clientId: dup.id, happenedOn: daysAgo(3), way: 'phone', content: '约了下周见面' });

  await page.goto('/#/clients/duplicates');
  const group = page.locator('.duplicate-group').filter({ hasText: '星河广告传媒' });
  await expect(group).toContainText('同地区名称相近', FIRST);
  await screenshot(page, 'merge-candidates');
  await group.getByRole('button', { name: '合并…' }).click();
  const dialog = page.getByRole('dialog', { name: '合并客户' });
  await expect(dialog.getByTestId('merge-moves')).toContainText('合同 1 份');
  const wechat = dialog.getByRole('row').filter({ hasText: 'xinghe-ad' });
  await wechat.getByText('xinghe-ad').click();
  await dialog.getByRole('radio', { name: '电话 · 全部保留' }).check();
  await screenshot(page, 'merge-dialog');
  await dialog.getByRole('button', { name: '合并' }).click();
  await expect(page.getByText('已合并为“星河广告”')).toBeVisible();

  const merged = await api(request, 'clients.get', { id: kept.id });
  expect(merged.wechat).toBe('xinghe-ad');
  expect(merged.phones.map((p) => p.phone)).toEqual(['13500000031', '13500000032']);
  const contracts = await api(request, 'contracts.list', { search: 'E2E-HB-1' });
  expect(contracts.rows[0]!.clientId).toBe(kept.id);
  expect((await api(request, 'followups.list', { clientId: kept.id })).map((f) => f.content)).toContain('约了下周见面');
  const gone = await request.post('/api/clients.get', { data: { id: dup.id } });
  expect(gone.status()).toBe(404);

  // The same dialog in English, for another pair.
  const a = await api(request, 'clients.create', { name: '月光超市朝阳店', ...region });
  await api(request, 'clients.create', { name: '月光超市朝阳店铺', ...region });
  // The same address as now: only a reload asks again.
  await page.reload();
  await expect(page.locator('.duplicate-group').first()).toBeVisible(FIRST);
  await languageOption(page, 'English').click();
  await page.locator('.duplicate-group').filter({ hasText: '月光超市朝阳店铺' }).getByRole('button', { name: 'Merge…' }).click();
  await expect(page.getByRole('dialog', { name: 'Merge clients' }).getByTestId('merge-moves')).toContainText('Moves:');
  await screenshot(page, 'merge-dialog-en');
  expect(a.id).toBeGreaterThan(0);
});
