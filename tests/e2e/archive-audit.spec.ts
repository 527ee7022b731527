import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { uploadPath } from '../../shared/http-routes';
import type { Envelope } from '../../shared/errors';
import { api, ensureOfficeSetUp, expect, languageOption, screenshot, test } from './fixtures';

/**
 * 档案体检 (issue 15.5), run after sign-in is on (project "audit", after "security"): each finding
 * offers its choices — 归档到此 with kind/client/date, 移到回收站 (confirmed), 忽略 — in words,
 * not codes; a clerk is not offered what only a manager or the owner decides.
 */
const OWNER = { code: 'BOSS', password: 'Boss2026pass' };
const CLERK = { code: 'AUD-C', password: 'Clerk2026pass', name: '体检文员' };
const MANAGER = { code: 'AUD-M', password: 'Mgr2026pass', name: '体检经理' };

async function signIn(page: Page, who: { code: string; password: string }): Promise<void> {
  await page.goto('/');
  const login = page.getByTestId('login');
  await expect(login).toBeVisible({ timeout: 30_000 });
  await login.getByLabel('工号').fill(who.code);
  await login.getByLabel('密码').fill(who.password);
  await login.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').getByRole('button', { name: '退出' }).click();
  await expect(page.getByTestId('login')).toBeVisible();
}

/** The page's own session (cookie) with its CSRF token: calls as the person signed in there. */
async function sessionCall(request: APIRequestContext, method: string, input: unknown, bytes?: Buffer): Promise<unknown> {
  const status = (await (await request.post('/api/auth.status', { data: {} })).json()) as Envelope<{ csrf: string }>;
  const csrf = status.ok ? status.value.csrf : '';
  const response = bytes
    ? await request.post(uploadPath(method, input), {
        headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': csrf },
        data: bytes,
      })
    : await request.post(`/api/${method}`, { data: input, headers: { 'X-CSRF-Token': csrf } });
  const envelope = (await response.json()) as Envelope<unknown>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

/** When run on its own, sign-in is not on yet: turn it on the way the security test does. */
async function ensureSignInOn(request: APIRequestContext): Promise<void> {
  await ensureOfficeSetUp(request);
  const status = await api(request, 'auth.status');
  if (status.signInRequired) return;
  const boss = await api(request, 'staff.create', {
    code: OWNER.code,
    name: '王店长',
    role: 'owner',
    hiredOn: '2024-01-01',
    baseSalaryFen: 800_000,
  });
  await api(request, 'auth.setPassword', { staffId: boss.id, password: OWNER.password });
}

const row = (page: Page, text: string) => page.getByTestId('archive-audit').locator('.ant-table-row').filter({ hasText: text });

test('档案体检: each finding with its choices, confirmed; kinds in words; a clerk sees only what a clerk may do', async ({
  page,
  request,
}) => {
  test.setTimeout(420_000);
  await ensureSignInOn(request);
  await signIn(page, OWNER);
  const call = (method: string, input: unknown, bytes?: Buffer) => sessionCall(page.request, method, input, bytes);
  for (const person of [
    { ...CLERK, role: 'clerk' },
    { ...MANAGER, role: 'manager' },
  ]) {
    const staff = (await call('staff.create', {
      code: person.code,
      name: person.name,
      role: person.role,
      hiredOn: '2025-01-01',
      baseSalaryFen: 300_000,
    })) as { id: number };
    await call('auth.setPassword', { staffId: staff.id, password: person.password });
  }
  const client = (await call('clients.create', { name: '体检测试超市有限公司' })) as { id: number };
  const root = ((await call('settings.get', {})) as { archiveRoot: string }).archiveRoot;
  const tag = Date.now().toString(36);
  const contract = (await call(
    'archive.upload',
    { name: `签约合同${tag}.pdf`, fields: { clientId: client.id } },
    Buffer.from(`%PDF contract ${tag}`),
  )) as {
    document: { relPath: string };
  };
  const put = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };
  put(`客户档案/名片扫描${tag}.pdf`, `%PDF business card ${tag}`);
  put(`稿件/空白${tag}.docx`, '');
  put(`未分类/合同副本${tag}.pdf`, `%PDF contract ${tag}`);
  put(`.staging/interrupted-${tag}`, 'half an upload');

  await page.goto('/#/archive/audit');
  await page.getByRole('button', { name: '开始体检' }).click();
  const audit = page.getByTestId('archive-audit');
  await expect(row(page, `名片扫描${tag}`)).toContainText('未登记的文件');
  await expect(row(page, `空白${tag}`)).toContainText('空文件');
  await expect(row(page, `interrupted-${tag}`)).toContainText('中断的上传');
  for (const code of ['unrecorded', 'empty', 'staging', 'unlinked', 'missing'])
    await expect(audit.locator('.ant-tag', { hasText: code })).toHaveCount(0);
  await expect(row(page, `名片扫描${tag}`).getByRole('button')).toHaveText(['归档到此…', '移到回收站', '忽略']);
  await screenshot(page, 'archive-audit-findings');

  // 归档到此: kind, client and title, then it is filed where the template puts it.
  await row(page, `名片扫描${tag}`).getByRole('button', { name: '归档到此…' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `归档:名片扫描${tag}.pdf` });
  const form = dialog.getByTestId('file-finding-form');
  await expect(form.getByLabel('标题')).toHaveValue(`名片扫描${tag}`);
  await form.getByLabel('客户').click();
  await form.getByLabel('客户').fill('体检测试');
  await page.locator('.ant-select-item-option').filter({ hasText: '体检测试超市有限公司' }).click();
  await expect(form).toContainText('体检测试超市有限公司');
  await screenshot(page, 'archive-audit-file-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(/已归档到 客户档案\//)).toBeVisible();
  await expect(row(page, `名片扫描${tag}`)).toHaveCount(0);

  // An extra copy of the filed contract: filing it again is refused, naming the original; trashed instead.
  await row(page, `合同副本${tag}`).getByRole('button', { name: '归档到此…' }).click();
  const copyDialog = page.getByRole('dialog').filter({ hasText: `归档:合同副本${tag}.pdf` });
  await copyDialog.getByRole('button', { name: '保存' }).click();
  await expect(copyDialog).toContainText(contract.document.relPath);
  await expect(copyDialog).toContainText('多余的副本');
  await copyDialog.getByRole('button', { name: '取消' }).click();

  // 移到回收站 asks first, and says it can be restored.
  for (const name of [`空白${tag}`, `合同副本${tag}`]) {
    await row(page, name).getByRole('button', { name: '移到回收站' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '移到回收站?' });
    await expect(confirm).toContainText('可随时在"回收站"中恢复');
    if (name.startsWith('空白')) await screenshot(page, 'archive-audit-trash-confirm');
    await confirm.getByRole('button', { name: '移到回收站' }).click();
    await expect(row(page, name)).toHaveCount(0);
  }
  expect(fs.readFileSync(path.join(root, contract.document.relPath), 'utf8')).toBe(`%PDF contract ${tag}`);

  // 忽略: gone from the list, counted, shown on request, brought back.
  await row(page, `interrupted-${tag}`).getByRole('button', { name: '忽略' }).click();
  await expect(row(page, `interrupted-${tag}`)).toHaveCount(0);
  await audit.getByRole('checkbox', { name: /显示已忽略的问题/ }).check();
  await expect(row(page, `interrupted-${tag}`)).toContainText('已忽略');
  await screenshot(page, 'archive-audit-ignored');
  await row(page, `interrupted-${tag}`).getByRole('button', { name: '恢复提示' }).click();
  await expect(row(page, `interrupted-${tag}`)).not.toContainText('已忽略');

  await page.getByRole('tab', { name: '回收站' }).click();
  await expect(page.getByText(`空白${tag}`)).toBeVisible();
  await expect(page.getByText(`合同副本${tag}`)).toBeVisible();

  // English: words for the kinds, no "1 findings".
  await languageOption(page, 'English').click();
  await page.getByRole('tab', { name: 'Archive check' }).click();
  await page.getByRole('button', { name: 'Run the check' }).click();
  await expect(row(page, `interrupted-${tag}`)).toContainText('Interrupted upload');
  await expect(page.getByTestId('audit-summary')).toContainText('findings:');
  await expect(page.getByTestId('audit-summary')).not.toContainText(/\b1 findings/);
  await screenshot(page, 'archive-audit-en');
  await languageOption(page, '中文').click();

  // A clerk: the changed contract may only be accepted by a manager or the owner; nothing to ignore either.
  fs.appendFileSync(path.join(root, contract.document.relPath), ' edited later');
  await signOut(page);
  await signIn(page, CLERK);
  await page.goto('/#/archive/audit');
  await page.getByRole('button', { name: '开始体检' }).click();
  const changed = row(page, `签约合同${tag}`).filter({ hasText: '内容有变化' });
  await expect(changed).toContainText('需由经理或店长处理');
  await expect(changed.getByRole('button')).toHaveCount(0);
  await expect(row(page, `interrupted-${tag}`).getByRole('button')).toHaveText(['移到回收站']);
  await screenshot(page, 'archive-audit-clerk');

  await signOut(page);
  await signIn(page, MANAGER);
  await page.goto('/#/archive/audit');
  await page.getByRole('button', { name: '开始体检' }).click();
  const forManager = row(page, `签约合同${tag}`).filter({ hasText: '内容有变化' });
  await expect(forManager.getByRole('button')).toHaveText(['确认新内容', '忽略']);
  await forManager.getByRole('button', { name: '确认新内容' }).click();
  const accept = page.getByRole('dialog').filter({ hasText: '确认文件的新内容?' });
  await accept.getByRole('button', { name: '确认新内容' }).click();
  await expect(page.getByText('已确认文件的新内容')).toBeVisible();
  await expect(row(page, `签约合同${tag}`).filter({ hasText: '内容有变化' })).toHaveCount(0);
  await signOut(page);
});
