import type { Page } from '@playwright/test';
import type { Contract, Method, OutputOf, RawInputOf } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { api, ensureOfficeSetUp, expect, languageOption, screenshot, test } from './fixtures';

/**
 * Runs after the security project (sign-in is on by then, with the owner BOSS / Boss2026pass;
 * run alone, it turns sign-in on itself the same way): a salesperson signs in, sees the 公海
 * without anyone's phones or notes, claims a client, and is stopped at the daily cap.
 */
const OWNER = { code: 'BOSS', password: 'Boss2026pass' };
const SELLER = { code: 'E2E-S9', name: '赵敏', password: 'Sales2026pass' };
const FIRST = { timeout: 90_000 };

/** A call with the page's session: its cookie and the CSRF token the core gave it. */
async function asSignedIn<M extends Method>(page: Page, method: M, input: RawInputOf<Contract[M]>): Promise<OutputOf<Contract[M]>> {
  const status = (await (await page.request.post('/api/auth.status', { data: {} })).json()) as Envelope<{ csrf: string | null }>;
  const csrf = status.ok ? (status.value.csrf ?? '') : '';
  const response = await page.request.post(`/api/${method}`, { data: input, headers: { 'X-CSRF-Token': csrf } });
  const envelope = (await response.json()) as Envelope<OutputOf<Contract[M]>>;
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
  return envelope.value;
}

async function signIn(page: Page, who: { code: string; password: string }): Promise<void> {
  await page.goto('/');
  const login = page.getByTestId('login');
  await expect(login).toBeVisible(FIRST);
  await login.getByLabel('工号').fill(who.code);
  await login.getByLabel('密码').fill(who.password);
  await login.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible(FIRST);
}

test('a salesperson claims from the 公海: no contacts before claiming, stopped at the daily cap', async ({ page, request }) => {
  test.setTimeout(420_000);
  await ensureOfficeSetUp(request);
  const before = await api(request, 'auth.status');
  if (!before.signInRequired) {
    // Run on its own: turn sign-in on as the security test does.
    const boss = await api(request, 'staff.create', { code: OWNER.code, name: '王店长', role: 'owner', hiredOn: '2024-01-01', baseSalaryFen: 800_000 });
    await api(request, 'auth.setPassword', { staffId: boss.id, password: OWNER.password });
  }

  await signIn(page, OWNER);
  const seller = await asSignedIn(page, 'staff.create', {
    code: SELLER.code,
    name: SELLER.name,
    role: 'salesperson',
    hiredOn: '2024-01-01',
    baseSalaryFen: 300_000,
  });
  await asSignedIn(page, 'auth.setPassword', { staffId: seller.id, password: SELLER.password });
  const rules = await asSignedIn(page, 'pool.settings', {});
  await asSignedIn(page, 'pool.updateSettings', { ...rules, dailyClaimCap: 1 });
  for (const [name, phone] of [
    ['公海测试五金店', '13700000091'],
    ['公海测试花店', '13700000092'],
  ] as const)
    await asSignedIn(page, 'clients.create', { name, phones: [phone], wechat: `wx-${phone}`, notes: '老板只在周三在店', province: '江苏省', city: '苏州市' });
  await page.goto('/#/clients/pool');
  await expect(page.getByTestId('pool-tab').getByRole('row').filter({ hasText: '公海测试五金店' })).toContainText('13700000091', FIRST);
  await screenshot(page, 'pool-manager');
  await page.getByRole('button', { name: '公海规则' }).click();
  await expect(page.getByTestId('pool-rules')).toBeVisible();
  await screenshot(page, 'pool-rules');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByTestId('user-menu').getByRole('button', { name: '退出' }).click();

  await signIn(page, SELLER);
  await page.goto('/#/clients/pool');
  const pool = page.getByTestId('pool-tab');
  const hardware = pool.getByRole('row').filter({ hasText: '公海测试五金店' });
  await expect(hardware).toContainText('领取后可见', FIRST);
  await expect(hardware).toContainText('江苏省 苏州市');
  for (const secret of ['13700000091', 'wx-13700000091', '老板只在周三在店']) await expect(pool).not.toContainText(secret);
  await screenshot(page, 'pool-salesperson');

  await hardware.getByRole('button', { name: '领取' }).click();
  await expect(page.getByText('已领取 1 位客户')).toBeVisible();
  await expect(pool.getByRole('row').filter({ hasText: '公海测试五金店' })).toHaveCount(0);
  await pool.getByRole('row').filter({ hasText: '公海测试花店' }).getByRole('button', { name: '领取' }).click();
  await expect(page.getByText(/每人每天最多领取 1 位客户/)).toBeVisible();
  await expect(page.getByTestId('pool-summary')).toContainText('今日已领取 1 / 1');
  await screenshot(page, 'pool-claim-cap');

  // The claimed client is theirs now, phones and all.
  const mine = await asSignedIn(page, 'clients.list', { search: '公海测试五金店' });
  expect(mine.rows.map((r) => r.phone)).toEqual(['13700000091']);

  await languageOption(page, 'English').click();
  await expect(pool.getByRole('row').filter({ hasText: '公海测试花店' })).toContainText('Shown after claiming');
  await screenshot(page, 'pool-salesperson-en');
});
