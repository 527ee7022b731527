import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { todayLocal } from '../../shared/dates';
import { api, chooseOption, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/**
 * A real .xlsx written by exceljs in a child Node process (Playwright's own module loader cannot
 * load exceljs's dependencies).
 */
function writeXlsx(file: string, rows: (string | number)[][]): void {
  const script = `const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook(); const ws = wb.addWorksheet('客户');
    for (const row of JSON.parse(process.argv[2])) ws.addRow(row);
    wb.xlsx.writeFile(process.argv[1]).catch((e) => { console.error(e); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script, file, JSON.stringify(rows)], { cwd: process.cwd() });
}

/** A modal is photographed as seen (a full-page shot of a scroll-locked page shifts it). */
async function dialogShot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function staff(request: Parameters<typeof api>[0], code: string, name: string): Promise<number> {
  const existing = (await api(request, 'staff.list', { includeLeft: true })).find((s) => s.code === code);
  if (existing) return existing.id;
  return (await api(request, 'staff.create', { code, name, role: 'salesperson', hiredOn: '2025-01-01', baseSalaryFen: 300000 }))
    .id;
}

test('clients: register a client, 撞单 is stopped, log a follow-up', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  const ownerId = await staff(request, 'E2EC1', '张三');
  await page.goto('/#/clients');
  await expect(page.getByRole('heading', { name: '客户档案' })).toBeVisible();

  await page.getByRole('button', { name: '登记客户' }).click();
  const dialog = page.getByRole('dialog', { name: '登记客户' });
  await dialog.getByLabel('客户名称').fill('深圳华联超市有限公司');
  await dialog.getByLabel('联系人').fill('王经理');
  await dialog.getByLabel('电话 1').fill('+86 138-0013-8000');
  await dialog.getByLabel('省').fill('广东省');
  await dialog.getByLabel('市', { exact: true }).fill('深圳市');
  await dialog.getByLabel('区/县').fill('南山区');
  await chooseOption(page, dialog.getByLabel('业务员'), '张三 (E2EC1)');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // The new client's file opens.
  await expect(page.getByRole('heading', { name: '深圳华联超市有限公司' })).toBeVisible();
  await expect(page.locator('.client-profile')).toContainText('+86 138-0013-8000');
  await expect(page.locator('.client-profile')).toContainText('张三');

  // 跟进: what happened, next step and date; it shows on the timeline and in the due list.
  await page.getByLabel('跟进情况').fill('电话沟通,客户想了解建站价格');
  await page.getByLabel('下一步').fill('寄报价单');
  const now = new Date();
  const tomorrow = todayLocal(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1)); // local, not UTC's day
  await pickDate(page, '下次跟进日期', tomorrow);
  // Enter confirmed the date; the follow-up is logged only by the button.
  await expect(page.getByLabel('跟进情况')).toHaveValue('电话沟通,客户想了解建站价格');
  await page.getByRole('button', { name: '记录跟进' }).click();
  await expect(page.locator('.followup-timeline')).toContainText('电话沟通,客户想了解建站价格');
  await expect(page.locator('.followup-timeline')).toContainText(`${tomorrow} 跟进`);
  await screenshot(page, 'clients-detail');

  // 撞单: the same mobile written another way, and the company name without 有限公司.
  await page.getByRole('button', { name: '返回客户列表' }).click();
  await page.getByRole('button', { name: '登记客户' }).click();
  await dialog.getByLabel('客户名称').fill('深圳华联超市');
  await dialog.getByLabel('电话 1').fill('13800138000');
  await dialog.getByLabel('联系人').click();
  // Under the field it concerns, once — not in a banner at the top of a long dialog.
  await expect(dialog.getByTestId('duplicate-name')).toContainText('撞单');
  await expect(dialog.getByTestId('duplicate-name')).toContainText('属于 张三');
  await expect(dialog.getByTestId('duplicate-phone')).toContainText('属于 张三');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByTestId('duplicate-name')).toBeVisible();
  await expect(dialog.locator('.ant-alert')).toHaveCount(0);
  await dialogShot(page, 'clients-duplicate');
  await dialog.getByRole('button', { name: '取消' }).click();

  // The list finds it by a 2-character Chinese fragment and by a phone fragment.
  await page.getByLabel('搜索客户').fill('超市');
  const row = page.getByRole('row').filter({ hasText: '深圳华联超市有限公司' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('王经理');
  await page.getByLabel('搜索客户').fill('0013 8000');
  await expect(row).toBeVisible();
  await screenshot(page, 'clients-list');

  const due = await api(request, 'followups.due', { asOf: tomorrow, staffId: ownerId });
  expect(due.today.map((f) => f.clientName)).toContain('深圳华联超市有限公司');
});

test('clients: import a sheet with errors — preview, failed rows, import the valid ones', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  await staff(request, 'E2EI1', '赵六');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-e2e-import-'));
  const file = path.join(dir, '客户名单.xlsx');
  writeXlsx(file, [
    ['客户名称', '联系人', '电话', '地区', '来源', '等级', '加入日期', '业务员工号'],
    ['导入甲贸易', '钱一', '13911110001', '湖南省长沙市岳麓区', '展会', '二级', '2024-03-05', 'E2EI1'],
    ['导入乙科技', '孙二', '13911110002', '广东 深圳 福田', '微信', '三级', '2024/4/1', 'E2EI1'],
    ['导入丙餐饮', '李三', '13911110003', '', '电话咨询', '', '2024年5月1日', ''],
    ['导入丁工作室', '周四', '13911110004', '', '', '', '2024-02-30', ''],
    ['导入戊公司', '吴五', '12345', '', '', '', '', 'NOPE9'],
  ]);
  await page.goto('/#/clients/import');
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  await expect(page.locator('.import-panel .ant-alert-warning')).toContainText('共 5 行,其中 2 行有错误、3 行正确');
  const errors = page.locator('.import-errors');
  await expect(errors.getByRole('row').filter({ hasText: '加入日期' })).toContainText('2024-02-30');
  await expect(errors.getByRole('row').filter({ hasText: '业务员工号' })).toContainText('NOPE9');
  await expect(errors.getByRole('row').filter({ hasText: '电话' })).toContainText('12345');
  await expect(page.getByRole('button', { name: '导入全部 5 行' })).toBeDisabled();
  await screenshot(page, 'clients-import');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载出错的行' }).first().click();
  expect((await download).suggestedFilename()).toBe('客户名单-失败的行.xlsx');

  await page.getByRole('button', { name: '只导入正确的 3 行' }).click();
  await expect(page.getByText('已导入 3 行')).toBeVisible();
  const imported = await api(request, 'clients.list', { search: '导入' });
  expect(imported.rows.map((r) => r.name).sort()).toEqual(['导入丙餐饮', '导入乙科技', '导入甲贸易']);
  expect(imported.rows.find((r) => r.name === '导入甲贸易')).toMatchObject({
    ownerName: '赵六',
    city: '长沙市',
    level: 2,
    joinedOn: '2024-03-05',
  });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('clients: reassign picked clients, and the file shows the ownership history', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  const from = await staff(request, 'E2ER1', '李四');
  await staff(request, 'E2ER2', '王五');
  for (const [i, name] of ['转移测试一号店', '转移测试二号店', '转移测试三号店'].entries()) {
    await api(request, 'clients.create', { name, ownerStaffId: from, phones: [`1370000010${i}`], joinedOn: `2023-0${i + 1}-01` });
  }
  await page.goto('/#/clients/list');
  await page.getByLabel('搜索客户').fill('转移测试');
  await expect(page.getByTestId('client-count')).toHaveText('共 3 位客户');
  await page.getByRole('checkbox', { name: '转移测试一号店' }).check();
  await page.getByRole('checkbox', { name: '转移测试二号店' }).check();
  await expect(page.getByText('已选 2 位')).toBeVisible();
  await page.getByRole('button', { name: '转移客户' }).click();
  const dialog = page.getByRole('dialog', { name: '转移客户' });
  await expect(dialog.getByLabel('选中的 2 位客户')).toBeChecked();
  await chooseOption(page, dialog.getByLabel('转给'), '王五 (E2ER2)');
  await dialog.getByLabel('原因').fill('离职交接');
  await dialogShot(page, 'clients-reassign');
  await dialog.getByRole('button', { name: '确认转移' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '转移测试一号店' })).toContainText('王五');
  await expect(page.getByRole('row').filter({ hasText: '转移测试三号店' })).toContainText('李四');

  await page.getByRole('link', { name: '转移测试一号店' }).click();
  await page.getByRole('tab', { name: '归属记录' }).click();
  const history = page.getByRole('tabpanel').getByRole('row').filter({ hasText: '离职交接' });
  await expect(history).toContainText('李四');
  await expect(history).toContainText('王五');
  await screenshot(page, 'clients-history');
  const moved = await api(request, 'clients.list', { search: '转移测试' });
  expect(moved.rows.map((r) => [r.name, r.ownerName])).toEqual([
    ['转移测试一号店', '王五'],
    ['转移测试二号店', '王五'],
    ['转移测试三号店', '李四'],
  ]);
});
