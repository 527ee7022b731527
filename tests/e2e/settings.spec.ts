import { api, ensureOfficeSetUp, expect, test } from './fixtures';

test('设置: rename the office, see the data and archive folders', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  const settings = await api(request, 'settings.get');

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
  await expect(page.getByText(settings.dataDir, { exact: true })).toBeVisible();
  await expect(page.getByText(settings.archiveRoot, { exact: true })).toBeVisible();

  const name = page.getByLabel('门店名称');
  await expect(name).toHaveValue(settings.officeName);
  await name.fill('');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('请填写门店名称')).toBeVisible();

  await name.fill('阳光加盟店(西湖)');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('office-name')).toHaveText('阳光加盟店(西湖)');
  await expect.poll(async () => (await api(request, 'settings.get')).officeName).toBe('阳光加盟店(西湖)');
});
