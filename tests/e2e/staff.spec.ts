import type { Page } from '@playwright/test';
import { api, chooseOption, ensureOfficeSetUp, expect, languageOption, screenshot, test } from './fixtures';

/** A form field's error text (antd renders it as `#<field>_help`). */
const fieldError = (page: Page, field: string) => page.getByRole('dialog').locator(`#${field}_help`);

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

test('staff: add, edit, duplicate 工号, bad salary, 离职 — and the API agrees', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  const creates: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/api/staff.create')) creates.push(req.postData() ?? '');
  });

  await page.goto('/#/staff');
  await expect(page.getByRole('heading', { name: '员工与指标' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '员工名单' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: '月度指标' })).toBeVisible();

  // 新增员工 with a salary in yuan and fen.
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  await dialog.getByLabel('工号').fill('E2E01');
  await dialog.getByLabel('姓名').fill('张伟');
  await chooseOption(page, dialog.getByLabel('角色'), '经理');
  await pickDate(page, '入职日期', '2026-03-02');
  await dialog.getByLabel('底薪').fill('3,000.50');
  await dialog.getByLabel('电话').fill('13800000001');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const zhang = page.getByRole('row').filter({ hasText: 'E2E01' });
  await expect(zhang).toContainText('张伟');
  await expect(zhang).toContainText('经理');
  await expect(zhang).toContainText('2026-03-02');
  await expect(zhang).toContainText('¥3,000.50');
  await expect(zhang).toContainText('在职');

  // 编辑: the salary comes back as yuan and is saved as fen.
  await zhang.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑员工:张伟' });
  await expect(edit.getByLabel('底薪')).toHaveValue('3000.50');
  await edit.getByLabel('底薪').fill('3200');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(zhang).toContainText('¥3,200.00');

  // A duplicate 工号 is refused by the core and shown on the 工号 field, in Chinese.
  await page.getByRole('button', { name: '新增员工' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('工号').fill('E2E01');
  await dialog.getByLabel('姓名').fill('李娜');
  await dialog.getByLabel('底薪').fill('2800');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, 'code')).toHaveText('已被 张伟 使用');
  await expect(dialog).toBeVisible();
  await screenshot(page, 'staff-error');

  // A negative or non-numeric salary is caught before anything is sent.
  await dialog.getByLabel('工号').fill('E2E02');
  await expect(fieldError(page, 'code')).toHaveCount(0);
  const sentBefore = creates.length;
  await dialog.getByLabel('底薪').fill('-100');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, 'baseSalaryYuan')).toHaveText('底薪不能为负数');
  await dialog.getByLabel('底薪').fill('三千');
  await expect(fieldError(page, 'baseSalaryYuan')).toHaveText('底薪格式不正确,请输入金额,例如 3000 或 3,000.50');
  expect(creates.length).toBe(sentBefore);

  await dialog.getByLabel('底薪').fill('2,800');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const li = page.getByRole('row').filter({ hasText: 'E2E02' });
  await expect(li).toContainText('¥2,800.00');
  await expect(li).toContainText('业务员');

  // 离职 asks for the date and a confirmation; the person then leaves the default list.
  await zhang.getByRole('button', { name: '离职' }).click();
  const leave = page.getByRole('dialog', { name: '办理离职:张伟(E2E01)' });
  await expect(leave).toContainText('名下客户需要重新分配');
  await pickDate(page, '离职日期', '2026-04-30');
  await leave.getByRole('button', { name: '确认离职' }).click();
  await expect(leave).toBeHidden();
  await expect(zhang).toHaveCount(0);

  await page.getByRole('switch').click();
  await expect(zhang).toContainText('已离职');
  await expect(zhang).toContainText('2026-04-30');
  await expect(zhang.getByRole('button', { name: '离职' })).toHaveCount(0);
  await screenshot(page, 'staff');

  // The same facts through the HTTP API.
  const all = await api(request, 'staff.list', { includeLeft: true });
  expect(all.find((s) => s.code === 'E2E01')).toMatchObject({
    name: '张伟',
    role: 'manager',
    hiredOn: '2026-03-02',
    baseSalaryFen: 320000,
    phone: '13800000001',
    status: 'left',
    leftOn: '2026-04-30',
  });
  expect(all.find((s) => s.code === 'E2E02')).toMatchObject({
    name: '李娜',
    role: 'salesperson',
    baseSalaryFen: 280000,
    status: 'active',
    leftOn: null,
  });
  const active = await api(request, 'staff.list', { includeLeft: false });
  expect(active.map((s) => s.code)).not.toContain('E2E01');
});

test('staff errors and labels follow the English switch', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  await api(request, 'staff.create', {
    code: 'E2E10',
    name: '王芳',
    role: 'clerk',
    hiredOn: '2026-01-05',
    baseSalaryFen: 250000,
  }).catch(() => undefined);

  await page.goto('/#/staff');
  await languageOption(page, 'English').click();
  await expect(page.getByRole('heading', { name: 'Staff & targets' })).toBeVisible();
  const wang = page.getByRole('row').filter({ hasText: 'E2E10' });
  await expect(wang).toContainText('Clerk');
  await expect(wang).toContainText('¥2,500.00');

  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await dialog.getByLabel('Staff code').fill('E2E10');
  await dialog.getByLabel('Name').fill('Test');
  await dialog.getByLabel('Base salary').fill('-1');
  await expect(fieldError(page, 'baseSalaryYuan')).toHaveText('Base salary cannot be negative');
  await dialog.getByLabel('Base salary').fill('1000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(fieldError(page, 'code')).toHaveText('already used by 王芳');
  await screenshot(page, 'staff-en');
});
