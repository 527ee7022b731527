import type { Locator, Page } from '@playwright/test';
import { api, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

/**
 * A person's row in the password table, found with its search box: by the time this runs the
 * shared office has the earlier tests' staff too (several pages of them), and the clerk is not on
 * the first page. The box only shows in a big office, so a small one is searched by eye.
 */
async function personRow(page: Page, name: string): Promise<Locator> {
  const account = page.getByTestId('account-card');
  const table = account.getByTestId('password-table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const search = account.getByPlaceholder('按姓名或工号查找');
  if ((await search.count()) > 0) await search.fill(name);
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toHaveCount(1);
  return row;
}

/**
 * Runs last (project "security"): sign-in turns on only with an owner's password (a clerk's
 * button waits until then), the login page says what to do about a forgotten password, the owner
 * resets a colleague's password in 设置 › 账户与安全, the only owner cannot be marked 离职, and 退出
 * signs out.
 */
test('sign-in: an owner’s password turns it on; the login page helps; the owner resets passwords', async ({ page, request }) => {
  test.setTimeout(180_000);
  await ensureOfficeSetUp(request);
  const { dataDir } = await api(request, 'settings.get');
  for (const person of [
    { code: 'BOSS', name: '王店长', role: 'owner' as const },
    { code: 'WY01', name: '文员小李', role: 'clerk' as const },
  ])
    await api(request, 'staff.create', { ...person, hiredOn: '2024-01-01', baseSalaryFen: 300_000 });

  await page.goto('/#/settings');
  const account = page.getByTestId('account-card');
  // The first visit loads the settings page's code; a busy CI machine may take a while.
  await expect(account).toContainText('尚未启用登录', { timeout: 30_000 });
  await expect(account).toContainText('请先为店长设置密码');
  // Until an owner can sign in, nobody else gets a password (the server refuses it too).
  await expect((await personRow(page, '文员小李')).getByRole('button', { name: '设置密码' })).toBeDisabled();
  await expect(account).toContainText('office user password');
  await screenshot(page, 'security-account-before');

  await (await personRow(page, 'BOSS')).getByRole('button', { name: '设置密码' }).click();
  const dialog = page.getByRole('dialog', { name: /王店长/ });
  await expect(dialog).toContainText('第一个密码');
  await dialog.getByLabel('新密码(至少 8 位,含字母和数字)').fill('Boss2026pass');
  await dialog.getByRole('button', { name: '设置密码' }).click();

  // Sign-in is on: the shell gives way to 登录, which says what to do about a forgotten password.
  // Each password set or checked costs a full scrypt (N = 2^17): seconds on a busy machine.
  const slow = { timeout: 45_000 };
  const login = page.getByTestId('login');
  await expect(login).toBeVisible(slow);
  expect((await request.post('/api/staff.list', { data: {} })).status()).toBe(401);
  await login.getByText('忘记密码?').click();
  await expect(page.getByTestId('login-forgot')).toContainText('office user password');
  await expect(page.getByTestId('login-forgot')).toContainText('设置 › 账户与安全');
  await screenshot(page, 'security-login-forgot');
  // A fresh page signs in: what it read before (no folders for a caller not signed in) is read again after.
  expect((await api(request, 'settings.get')).dataDir).toBe('');
  await page.reload();
  await expect(login).toBeVisible(slow);

  await login.getByLabel('工号').fill('BOSS');
  await login.getByLabel('密码').fill('wrong-pass-1');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(login).toContainText('工号或密码不对', slow);
  await login.getByLabel('密码').fill('Boss2026pass');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toContainText('王店长', slow);

  // The owner resets the clerk's password in 账户与安全 — on the page that shows the folders again.
  await page.goto('/#/settings');
  await expect(page.getByText(dataDir, { exact: true })).toBeVisible();
  const clerkRow = await personRow(page, '文员小李');
  await expect(clerkRow).toContainText('未设置');
  await clerkRow.getByRole('button', { name: '设置密码' }).click();
  const reset = page.getByRole('dialog', { name: /文员小李/ });
  await reset.getByLabel('新密码(至少 8 位,含字母和数字)').fill('Clerk2026pass');
  await screenshot(page, 'security-password-reset');
  await reset.getByRole('button', { name: '设置密码' }).click();
  await expect(clerkRow).toContainText('已设置', slow);
  await expect(clerkRow.getByRole('button', { name: '重设密码' })).toBeEnabled();
  await screenshot(page, 'security-accounts');

  // The last owner who can sign in cannot leave: whether BOSS is the only active owner or
  // first-run's owner (no password) is there too, the button is off and says why; the server
  // refuses it as well (staff-policy.test.ts).
  await page.goto('/#/staff');
  const bossRow = page.getByRole('row', { name: /BOSS/ });
  const leaveButton = bossRow.getByRole('button', { name: '离职' });
  await expect(leaveButton).toBeVisible({ timeout: 30_000 });
  await expect(leaveButton).toBeDisabled();
  await leaveButton.hover({ force: true });
  await expect(page.getByRole('tooltip')).toContainText(/唯一的店长不能离职|唯一能登录的店长不能离职/);
  await screenshot(page, 'security-signed-in');

  await page.getByTestId('user-menu').getByRole('button', { name: '退出' }).click();
  await expect(page.getByTestId('login')).toBeVisible();
  await login.getByLabel('工号').fill('WY01');
  await login.getByLabel('密码').fill('Clerk2026pass');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toContainText('文员小李', slow);
});
