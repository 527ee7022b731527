import { api, chooseOption, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

/**
 * Runs last (project "security"): the owner sets the first password in 设置, sign-in turns on,
 * the page asks to 登录, a wrong password is refused, the right one opens the shell, the API
 * refuses a call without the session, and 退出 signs out.
 */
test('sign-in: the first password turns it on; 登录, refused calls, 退出', async ({ page, request }) => {
  test.setTimeout(120_000);
  await ensureOfficeSetUp(request);
  await api(request, 'staff.create', {
    code: 'BOSS',
    name: '王店长',
    role: 'owner',
    hiredOn: '2024-01-01',
    baseSalaryFen: 800_000,
  });

  await page.goto('/#/settings');
  const account = page.getByTestId('account-card');
  await expect(account).toContainText('尚未启用登录');
  await chooseOption(page, account.getByLabel('员工'), '王店长(BOSS)');
  await account.getByLabel('新密码(至少 8 位,含字母和数字)').fill('Boss2026pass');
  await account.getByRole('button', { name: '设置密码' }).click();

  // Sign-in is on: the shell gives way to 登录.
  const login = page.getByTestId('login');
  await expect(login).toBeVisible();
  await screenshot(page, 'security-login');
  const noSession = await request.post('/api/staff.list', { data: {} });
  expect(noSession.status()).toBe(401);

  await login.getByLabel('工号').fill('BOSS');
  await login.getByLabel('密码').fill('wrong-pass-1');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(login).toContainText('工号或密码不对');
  await login.getByLabel('密码').fill('Boss2026pass');
  await login.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toContainText('王店长');
  await page.goto('/#/staff');
  await expect(page.getByRole('heading', { name: '员工与指标' })).toBeVisible();
  await screenshot(page, 'security-signed-in');

  await page.getByTestId('user-menu').getByRole('button', { name: '退出' }).click();
  await expect(page.getByTestId('login')).toBeVisible();
});
