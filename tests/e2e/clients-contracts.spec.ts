import { todayLocal } from '../../shared/dates';
import { api, ensureOfficeSetUp, expect, languageOption, screenshot, test } from './fixtures';

test('contracts: record a payment, renew from the renewals list; funnel and follow-ups due', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  // Local calendar days, as the office and the renewals list count them (toISOString() would give the
  // UTC day: in Shanghai before 08:00 that is yesterday, and "25 days left" became 26).
  const today = new Date();
  const inDays = (n: number): string => todayLocal(new Date(today.getFullYear(), today.getMonth(), today.getDate() + n));
  const client = await api(request, 'clients.create', {
    name: '续费测试广告公司',
    joinedOn: '2019-05-01',
    stage: 'close',
    phones: ['13600000001'],
  });
  await api(request, 'clients.create', {
    name: '续费测试新客户',
    joinedOn: '2024-05-01',
    stage: 'explain',
    phones: ['13600000002'],
  });
  const k = await api(request, 'contracts.create', {
    clientId: client.id,
    number: 'E2E-HT-1',
    product: '建站年费',
    amountFen: 360000,
    signedOn: inDays(-340),
    startsOn: inDays(-340),
    endsOn: inDays(25),
    status: 'active',
  });
  await api(request, 'payments.create', { contractId: k.id, paidOn: inDays(-339), amountFen: 100000, method: 'wechat' });

  await page.goto('/#/contracts');
  await expect(page.getByRole('heading', { name: '协议合同' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'E2E-HT-1' });
  await expect(row).toContainText('2,600.00');
  await row.getByRole('button', { name: '收款' }).click();
  const pay = page.getByRole('dialog', { name: '收款 / 退款:E2E-HT-1' });
  await expect(pay.getByLabel('金额')).toHaveValue('2,600.00');
  await pay.getByLabel('金额').fill('600');
  await pay.getByRole('button', { name: '保存' }).click();
  await expect(pay).toBeHidden();
  await expect(row).toContainText('2,000.00');
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.locator('.payments-table')).toContainText('¥600.00');
  await screenshot(page, 'contracts-list');

  await page.getByRole('tab', { name: '续费提醒' }).click();
  const due = page.getByRole('row').filter({ hasText: 'E2E-HT-1' });
  await expect(due).toContainText('25 天');
  await screenshot(page, 'contracts-renewals');
  await due.getByText('续费', { exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '续费' }).click();
  await expect(page.getByText(/已生成续费合同 HT-/)).toBeVisible();
  const renewed = await api(request, 'contracts.get', { id: k.id });
  expect(renewed.renewedByNumber).toMatch(/^HT-\d{4}-\d{4}$/);
  // The renewal is only a draft: the reminder stays, naming it, until the client signs.
  await expect(due).toContainText(`续费合同 ${renewed.renewedByNumber} 待签约`);
  await expect(due.getByText('续费', { exact: true })).toHaveCount(0);
  await api(request, 'contracts.update', { id: renewed.renewedById!, status: 'signed', signedOn: inDays(0) });
  await page.reload();
  await expect(due).toHaveCount(0);

  await page.goto('/#/clients/funnel');
  await expect(page.locator('.funnel-steps')).toContainText('签约');
  await screenshot(page, 'clients-funnel');
  await page.goto('/#/clients/due');
  await expect(page.getByText('售后关怀(30 天内)')).toBeVisible();
  await screenshot(page, 'clients-due');

  await page.goto('/#/clients');
  await languageOption(page, 'English').click();
  await expect(page.getByRole('heading', { name: 'Client files' })).toBeVisible();
  await screenshot(page, 'clients-list-en');
});
