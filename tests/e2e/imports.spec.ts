import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigClientsCsv } from '../../electron/server/imports/testing/hostile-files';
import { erpTemplateXls } from '../../electron/server/imports/testing/produced-files';
import { api, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

/**
 * The import screen as an office uses it (issues 14.9, 15.15, 16, 18): download a template,
 * import an ERP-style .xls template (written at test time by SheetJS's BIFF8 writer) with a
 * column mapped by hand, choose what to do with 撞单, follow a big file's progress and cancel it,
 * and import staff as the owner.
 */

// Each import starts a worker that loads the importers from the TypeScript sources in this
// server: on a loaded 2-core machine the first check of a file can take most of a minute.
test.describe.configure({ timeout: 240_000 });
const FIRST_CHECK = { timeout: 120_000 };

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-e2e-imports-'));
}

test('imports: template download, an ERP .xls template, a column mapped by hand, then imported', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  await page.goto('/#/clients/import');
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载导入模板' }).click();
  expect((await template).suggestedFilename()).toBe('客户导入模板.xlsx');

  // An ERP customer template: a merged note on row 1, "名称*", columns this import does not know.
  const dir = tempDir();
  const file = path.join(dir, 'customer_template.xls');
  fs.writeFileSync(file, erpTemplateXls());
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  const summary = page.locator('.import-summary');
  await expect(summary).toContainText('共 2 行,全部正确', FIRST_CHECK);
  await expect(summary).toContainText('XLS · 客户信息');
  // Columns it did not recognise are listed, not dropped: 期初应收 becomes 备注 by hand.
  const columns = page.locator('.import-columns-panel');
  await expect(columns).toContainText('3 列没有认出');
  await expect(columns.getByRole('row').filter({ hasText: '期初应收' })).toContainText('100');
  // The field list is long (a virtual list): the clerk types to find 备注, then picks it.
  const select = columns.locator('.import-column-select[data-column="E"]');
  await select.locator('input').fill('备注');
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="备注"]');
  await expect(option).toHaveCount(1);
  // The dropdown opens under the fold of a long page; a DOM click picks it wherever it is.
  await option.dispatchEvent('click');
  await expect(select.locator('.ant-select-content')).toHaveText('备注');
  await screenshot(page, 'imports-mapping');
  await columns.getByRole('button', { name: '按此对应重新检查' }).click();
  await expect(columns).toContainText('按您的选择', FIRST_CHECK);
  // Every column is now decided (the other unknown ones left out on purpose), and E shows 备注.
  await expect(columns).not.toContainText('列没有认出');
  await expect(columns.locator('.import-column-select[data-column="E"] .ant-select-content')).toHaveText('备注');
  await page.getByRole('button', { name: '导入全部 2 行' }).click();
  await expect(page.getByText('已导入 2 行')).toBeVisible(FIRST_CHECK);
  await expect(page.getByText('新增 2 条,更新 0 条,跳过 0 条。')).toBeVisible();
  const imported = await api(request, 'clients.list', { search: '鹏城文具' });
  expect(imported.rows.map((r) => r.name)).toEqual(['鹏城文具商行']);
  const detail = await api(request, 'clients.get', { id: imported.rows[0]!.id });
  expect(detail.notes).toContain('100');

  // The same layout again: the mapping chosen by hand is remembered.
  await page.getByRole('button', { name: '重新选择文件' }).click();
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  await page.locator('.import-columns-panel .ant-collapse-header').click();
  await expect(page.locator('.import-column-select[data-column="E"] .ant-select-content')).toHaveText('备注', FIRST_CHECK);
  await expect(page.locator('.import-columns-panel')).toContainText('已按上次为同样格式的表格所做的选择');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('imports: 撞单 — refuse by default, or skip the duplicates', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  await api(request, 'clients.create', { name: '撞单测试老客户', phones: ['13977770001'] });
  const dir = tempDir();
  const file = path.join(dir, '撞单.csv');
  fs.writeFileSync(file, '客户名称,电话\r\n撞单测试老客户,13977770001\r\n撞单测试新客户,13977770002\r\n');
  await page.goto('/#/clients/import');
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  await expect(page.locator('.import-summary')).toContainText('1 行有错误', FIRST_CHECK);
  await expect(page.locator('.import-errors')).toContainText('撞单');
  await page.locator('.import-duplicates').getByText('跳过撞单的行').click();
  await expect(page.locator('.import-summary')).toContainText('1 行与已有记录撞单,将跳过', FIRST_CHECK);
  await expect(page.locator('.import-preview')).toContainText('跳过(撞单)');
  await screenshot(page, 'imports-duplicates');
  await page.getByRole('button', { name: '导入全部 2 行' }).click();
  await expect(page.getByText('新增 1 条,更新 0 条,跳过 1 条。')).toBeVisible(FIRST_CHECK);
  expect((await api(request, 'clients.list', { search: '撞单测试' })).total).toBe(2);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('imports: a 19 MB file shows its progress and can be cancelled; nothing is written', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  const dir = tempDir();
  const file = path.join(dir, '大文件.csv');
  fs.writeFileSync(file, bigClientsCsv(283_000));
  // The file's own clients (商贸N号), not the office's total: the other worker adds clients meanwhile.
  const fromThisFile = async (): Promise<number> =>
    (await api(request, 'clients.list', { search: '商贸', limit: 500 })).rows.filter((r) => /^商贸\d+号$/.test(r.name)).length;
  expect(await fromThisFile()).toBe(0);
  await page.goto('/#/clients/import');
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  const progress = page.locator('.import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/正在(读取文件|检查第)/, FIRST_CHECK);
  await screenshot(page, 'imports-progress');
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText('导入已取消,未写入任何数据。')).toBeVisible(FIRST_CHECK);
  expect(await fromThisFile()).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('imports: the owner imports staff from 员工与指标 › 导入, and gets the 月度指标 template', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  const dir = tempDir();
  const file = path.join(dir, '员工.csv');
  fs.writeFileSync(file, '工号,姓名,岗位,入职日期,底薪,手机号码\r\nE2EIM1,导入员工甲,业务员,2026-03-01,3000,13966660001\r\n');
  await page.goto('/#/staff/import');
  await expect(page.getByRole('tab', { name: '导入' })).toHaveAttribute('aria-selected', 'true', FIRST_CHECK);
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  await expect(page.locator('.import-summary')).toContainText('共 1 行,全部正确', FIRST_CHECK);
  await screenshot(page, 'imports-staff');
  await page.getByRole('button', { name: '导入全部 1 行' }).click();
  await expect(page.getByText('已导入 1 行')).toBeVisible(FIRST_CHECK);
  const staff = await api(request, 'staff.list', { includeLeft: false });
  expect(staff.find((s) => s.code === 'E2EIM1')).toMatchObject({ name: '导入员工甲', role: 'salesperson' });

  await page.locator('.import-kind').getByText('月度指标').click();
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载导入模板' }).click();
  expect((await template).suggestedFilename()).toBe('月度指标导入模板.xlsx');
  fs.rmSync(dir, { recursive: true, force: true });
});
