import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { APIRequestContext, Page } from '@playwright/test';
import { formatFen } from '../../../shared/money';
import { pdfPageTexts } from '../pdf-pages';
import {
  api,
  chooseOption,
  expect,
  monthsAgo,
  ownOffice,
  pickDate,
  SCREENSHOTS,
  screenshot,
  SCROLLBARS_SHOWN,
  signIn,
  signOut,
  test,
  viewShot,
} from './fixtures';

/**
 * 一个月的门店 — one office, from first-run setup to signing in per role, at 1366×768, the way
 * an office works: the owner sets up, adds staff and the month's plan; clients come by hand and
 * from the old GBK spreadsheet; follow-ups, contracts, part payments and a refund; scans filed;
 * the month closed, its sheet printed and exported; a second month below the floor; 待辞退
 * confirmed; then each role signs in and sees only what it may.
 *
 * The months are the two before this one (a month can be closed once it has begun), so the
 * story works whatever day it runs. Screenshots: test-results/screenshots/month-*.png.
 * Extend it by adding a step (a `test`) where it belongs in the month; steps share the office.
 */
test.describe.configure({ mode: 'serial', timeout: 360_000 });
ownOffice('month');
test.use({ launchOptions: SCROLLBARS_SHOWN, viewport: { width: 1366, height: 768 } });

const M1 = monthsAgo(2);
const M2 = monthsAgo(1);
const HIRED = `${monthsAgo(3)}-01`;
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

const PASSWORDS = { DZ01: 'Owner2026pass', JL01: 'Manager2026pass', WY01: 'Clerk2026pass', YW01: 'Sales2026pass' };

async function staffId(request: APIRequestContext, code: string): Promise<number> {
  const all = await api(request, 'staff.list', { includeLeft: true });
  return all.find((s) => s.code === code)!.id;
}

async function clientId(request: APIRequestContext, name: string): Promise<number> {
  const list = await api(request, 'clients.list', { search: name, limit: 5 });
  return list.rows.find((r) => r.name === name)!.id;
}

async function openStaffTab(page: Page, tab: string): Promise<void> {
  await page.goto('/#/staff');
  await page.getByRole('tab', { name: tab }).click();
}

test('1 · first-run setup: all problems at once, Tab skips what cannot be typed in', async ({ page, request }) => {
  await page.goto('/');
  // The very first load also warms the office up (the first page of a fresh office is the slowest).
  await expect(page.getByRole('heading', { name: '欢迎使用门店通' })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('门店名称').fill('');
  await page.getByRole('button', { name: '完成设置' }).click();
  // Every missing field at once, not one per click.
  await expect(page.getByText('请填写门店名称')).toBeVisible();
  await expect(page.getByText('请填写店长姓名')).toBeVisible();
  await expect(page.getByText('请填写店长工号')).toBeVisible();
  await viewShot(page, 'month-01-setup-errors');

  // Tab from the archive folder goes to the owner's name: the data folder is shown, not a stop.
  await page.getByLabel('档案文件夹').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('店长姓名')).toBeFocused();

  await page.getByLabel('门店名称').fill('阳光加盟店');
  await page.getByLabel('地址').fill('杭州市西湖区文三路 88 号');
  await page.getByLabel('店长姓名').fill('王建国');
  await page.getByLabel('店长工号').fill('DZ01');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByTestId('office-name')).toHaveText('阳光加盟店');
  // A new office: 客户 invites the first 登记 or 导入.
  await page.goto('/#/clients');
  await expect(page.getByTestId('clients-first-run')).toContainText('还没有客户');
  await expect(page.getByTestId('clients-first-run').getByRole('button', { name: '导入客户表' })).toBeVisible();
  await screenshot(page, 'month-02-clients-empty');
  expect((await api(request, 'settings.get')).setupDone).toBe(true);
});

test('2 · staff: the team is added by hand; a phone that is not a phone is refused', async ({ page, request }) => {
  await page.goto('/#/staff');
  const team: [code: string, name: string, role: string, salary: string, phone: string][] = [
    ['JL01', '李经理', '经理', '5000', '13900000001'],
    ['WY01', '陈文员', '文员', '3000', '13900000002'],
    ['YW01', '张伟', '业务员', '3000', '13900000003'],
    ['YW02', '赵磊', '业务员', '2800', '13900000004'],
    ['YW03', '孙丽', '业务员', '2800', '13900000005'],
  ];
  for (const [code, name, role, salary, phone] of team) {
    await page.getByRole('button', { name: '新增员工' }).click();
    const dialog = page.getByRole('dialog', { name: '新增员工' });
    await dialog.getByLabel('工号').fill(code);
    await dialog.getByLabel('姓名').fill(name);
    await chooseOption(page, dialog.getByLabel('角色'), role);
    await pickDate(dialog, '入职日期', HIRED);
    await dialog.getByLabel('底薪').fill(salary);
    if (code === 'YW03') {
      await dialog.getByLabel('电话').fill('138abc');
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog.locator('#phone_help')).toContainText('电话号码无效');
    }
    await dialog.getByLabel('电话').fill(phone);
    // Enter in a text field saves, as in any desktop form.
    await dialog.getByLabel('电话').press('Enter');
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('row').filter({ hasText: 'YW03' })).toContainText('孙丽');
  await screenshot(page, 'month-03-staff');

  // Esc on a filled form asks before throwing the typing away.
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  await dialog.getByLabel('姓名').fill('不要了');
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: '放弃未保存的内容?' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: '继续填写' }).click();
  await expect(dialog.getByLabel('姓名')).toHaveValue('不要了');
  await dialog.locator('.ant-modal-close').click();
  await page.getByRole('dialog', { name: '放弃未保存的内容?' }).getByRole('button', { name: '放弃' }).click();
  await expect(dialog).toBeHidden();
  expect((await api(request, 'staff.list', {})).map((s) => s.code).sort()).toEqual([
    'DZ01',
    'JL01',
    'WY01',
    'YW01',
    'YW02',
    'YW03',
  ]);
});

test('3 · plans: the team plan is saved from its own dialog, then carried to the next month', async ({ page, request }) => {
  await openStaffTab(page, '月度指标');
  const tab = page.getByTestId('plans-tab');
  const month = tab.getByLabel('月份');
  await month.click();
  await month.fill(M1);
  await month.press('Enter');
  await tab.getByRole('button', { name: '设置团队指标' }).click();
  const dialog = page.getByRole('dialog', { name: `${M1} 团队指标` });
  await dialog.getByLabel('保底销售额(元)').fill('10,000');
  await dialog.getByLabel('目标销售额(元)').fill('30000');
  await dialog.getByLabel('提成比例(%)').fill('5');
  await dialog.getByLabel('超额倍数').fill('2');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(tab.getByTestId('team-plan')).toContainText('10,000.00');
  await expect(tab.getByRole('row').filter({ hasText: 'YW01' })).toContainText('30,000.00');
  await screenshot(page, 'month-04-plans');

  await month.click();
  await month.fill(M2);
  await month.press('Enter');
  await tab.getByRole('button', { name: '沿用上月指标' }).click();
  await expect(tab.getByTestId('team-plan')).toContainText('30,000.00');
  const m2 = await api(request, 'plans.get', { month: M2 });
  expect(m2.team).toMatchObject({ floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200 });
});

test('4 · clients by hand: 撞单 is said once, under the field it concerns', async ({ page }) => {
  await page.goto('/#/clients');
  const register = async (name: string, phone: string, owner: string) => {
    await page.getByRole('button', { name: '登记客户' }).first().click();
    const dialog = page.getByRole('dialog', { name: '登记客户' });
    await dialog.getByLabel('客户名称').fill(name);
    await dialog.getByLabel('联系人').fill('刘先生');
    await dialog.getByLabel('电话 1').fill(phone);
    await pickDate(dialog, '加入日期', day(M1, 2));
    await chooseOption(page, dialog.getByLabel('业务员'), owner);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await page.getByRole('button', { name: '返回客户列表' }).click();
  };
  await register('杭州星光科技有限公司', '13811110001', '张伟');
  await register('杭州海纳广告有限公司', '13811110002', '赵磊');
  await register('杭州云帆贸易有限公司', '13811110003', '孙丽');

  await page.getByRole('button', { name: '登记客户' }).first().click();
  const dialog = page.getByRole('dialog', { name: '登记客户' });
  await dialog.getByLabel('客户名称').fill('杭州星光科技');
  await dialog.getByLabel('电话 1').fill('138-1111-0001');
  await dialog.getByLabel('联系人').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  const nameNote = dialog.getByTestId('duplicate-name');
  await expect(nameNote).toContainText('属于 张伟');
  await expect(nameNote).toBeInViewport();
  await expect(dialog.getByTestId('duplicate-phone')).toContainText('属于 张伟');
  // Once per field, and no banner repeating it.
  await expect(dialog.getByText('杭州星光科技有限公司', { exact: false })).toHaveCount(2);
  await expect(dialog.locator('.ant-alert')).toHaveCount(0);
  await viewShot(page, 'month-05-duplicate');
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('dialog', { name: '放弃未保存的内容?' }).getByRole('button', { name: '放弃' }).click();
  await expect(dialog).toBeHidden();
});

test('5 · clients from the old GBK spreadsheet', async ({ page, request }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-month-import-'));
  const file = path.join(dir, '老客户名单.csv');
  const rows = [
    ['客户名称', '联系人', '电话', '加入日期', '业务员工号', '等级'],
    ['西湖茶叶有限公司', '周女士', '13822220001', day(M1, 3), 'YW01', '二级'],
    ['滨江电子科技有限公司', '吴先生', '13822220002', day(M1, 4), 'YW02', '三级'],
    ['萧山五金制品厂', '郑先生', '0571-82345678', day(M1, 5), 'YW03', '四级'],
    ['余杭家具城', '冯女士', '13822220004', day(M1, 6), 'YW02', '三级'],
  ];
  // Written the way an old Excel or WPS saves a Chinese CSV: GBK, CRLF.
  fs.writeFileSync(file, iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'gbk'));
  await page.goto('/#/clients/import');
  await page.locator('.import-panel input[type=file]').setInputFiles(file);
  await expect(page.locator('.import-panel')).toContainText('共 4 行,全部正确');
  await expect(page.locator('.import-panel')).toContainText('西湖茶叶有限公司');
  await screenshot(page, 'month-06-import-gbk');
  await page.getByRole('button', { name: '导入全部 4 行' }).click();
  await expect(page.getByText('已导入 4 行')).toBeVisible();
  const list = await api(request, 'clients.list', { limit: 20 });
  expect(list.total).toBe(7);
  expect(list.rows.find((r) => r.name === '萧山五金制品厂')).toMatchObject({ ownerName: '孙丽', joinedOn: day(M1, 5) });
  fs.rmSync(dir, { recursive: true, force: true });

  // The list: newest first, and the manual's join-date order one header click away.
  await page.goto('/#/clients/list');
  const names = page.locator('.vtable-row .vtable-name');
  await expect(names.first()).toContainText('余杭家具城');
  await page.getByRole('columnheader', { name: '加入日期' }).getByRole('button').click();
  await expect(names.first()).toContainText('杭州星光科技有限公司');
  await screenshot(page, 'month-07-clients');
});

test('6 · follow-ups: a wrong date is said on its field', async ({ page, request }) => {
  await page.goto(`/#/clients/${await clientId(request, '杭州星光科技有限公司')}`);
  await page.getByLabel('跟进情况').fill('上门拜访,客户要做新官网');
  await page.getByLabel('下一步').fill('发报价单');
  await pickDate(page, '跟进日期', day(M1, 10));
  await pickDate(page, '下次跟进日期', day(M1, 8));
  await page.getByRole('button', { name: '记录跟进' }).click();
  await expect(page.locator('#nextOn_help')).toContainText('下次跟进日期不能早于本次跟进的日期');
  await expect(page.getByText('nextOn')).toHaveCount(0);
  await pickDate(page, '下次跟进日期', day(M1, 12));
  await page.getByRole('button', { name: '记录跟进' }).click();
  await expect(page.locator('.followup-timeline')).toContainText('上门拜访,客户要做新官网');
  await screenshot(page, 'month-08-followup');
});

test('7 · a contract, part payments and a refund', async ({ page, request }) => {
  await page.goto(`/#/clients/${await clientId(request, '杭州星光科技有限公司')}`);
  await page.getByRole('tab', { name: '协议合同' }).click();
  await page.getByRole('button', { name: '新建合同' }).click();
  const dialog = page.getByRole('dialog', { name: '新建合同' });
  await dialog.getByLabel('合同编号').fill(`HT-${M1}-01`);
  await dialog.getByLabel('产品/服务').fill('企业官网建设');
  await dialog.getByLabel('金额').fill('36,000');
  await chooseOption(page, dialog.getByLabel('状态'), '已签');
  await pickDate(dialog, '签约日期', day(M1, 3));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: `HT-${M1}-01` });
  const pay = async (date: string, amount: string, refund = false) => {
    await row.getByRole('button', { name: '收款' }).click();
    const d = page.getByRole('dialog', { name: `收款 / 退款:HT-${M1}-01` });
    if (refund) {
      await d.getByText('退款', { exact: true }).click();
      // A refund returns what was received, not what is still unpaid.
      await expect(d.getByLabel('金额')).toHaveValue('32,000.00');
    }
    await pickDate(d, '日期', date);
    await d.getByLabel('金额').fill(amount);
    await d.getByRole('button', { name: '保存' }).click();
    await expect(d).toBeHidden();
  };
  await pay(day(M1, 5), '20000');
  await pay(day(M1, 20), '12000');
  await pay(day(M1, 25), '2000', true);
  await expect(row).toContainText('30,000.00');
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.locator('.payments-table')).toContainText('-¥2,000.00');
  await screenshot(page, 'month-09-contract-payments');

  // The rest of the month's business, as the office would have typed it.
  const sign = async (client: string, owner: string, amountFen: number, paidFen: number, on: number) => {
    const k = await api(request, 'contracts.create', {
      clientId: await clientId(request, client),
      staffId: await staffId(request, owner),
      product: '网站年费',
      amountFen,
      signedOn: day(M1, on),
      startsOn: day(M1, on),
      status: 'signed',
    });
    await api(request, 'payments.create', { contractId: k.id, paidOn: day(M1, on + 1), amountFen: paidFen });
    return k;
  };
  await sign('杭州海纳广告有限公司', 'YW02', 3_000_000, 2_000_000, 6);
  await sign('杭州云帆贸易有限公司', 'YW03', 1_000_000, 300_000, 8);
});

test('8 · filing scans: a kind is asked for, an empty file is refused', async ({ page, request }) => {
  await page.goto('/#/archive/files');
  const filing = page.getByTestId('archive-filing');
  await expect(filing.getByTestId('no-kind-warning')).toBeVisible();
  await filing.getByLabel('分类').click();
  await page
    .locator('.ant-select-tree-title')
    .filter({ hasText: /^建站合同$/ })
    .click();
  await expect(filing.getByTestId('no-kind-warning')).toHaveCount(0);
  await filing.getByLabel('客户').click();
  await filing.getByLabel('客户').fill('星光');
  await page.locator('.ant-select-item-option').filter({ hasText: '杭州星光科技有限公司' }).click();
  await filing.locator('input[type=file]').setInputFiles([
    { name: '官网合同扫描.pdf', mimeType: 'application/pdf', buffer: fs.readFileSync(samplePdf()) },
    { name: '空白扫描.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
  ]);
  await expect(page.getByText('“空白扫描.pdf”是空文件(0 字节),没有归档')).toBeVisible();
  const table = page.getByTestId('document-table');
  await expect(table.getByRole('row').filter({ hasText: '官网合同扫描' })).toContainText('协议合同/建站合同');
  await expect(table.getByRole('row').filter({ hasText: '空白扫描' })).toHaveCount(0);
  await screenshot(page, 'month-10-archive');
  const docs = await api(request, 'archive.list', { search: '' });
  expect(docs.rows.map((d) => d.title)).toEqual(['官网合同扫描']);
});

async function closeMonth(page: Page, month: string): Promise<void> {
  await openStaffTab(page, '月结与待辞退');
  const picker = page.locator('.months-tab').getByLabel('月份');
  await picker.click();
  await picker.fill(month);
  await picker.press('Enter');
  await page.getByRole('button', { name: `月结 ${month}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `月结 ${month}` })
    .click();
  await expect(page.getByText(`${month} 已月结`).first()).toBeVisible();
  // Closed: the button says so and cannot close it twice.
  await expect(page.getByRole('button', { name: `${month} 已月结` })).toBeDisabled();
}

/** Read an .xlsx the way Excel would, in a child Node (Playwright's loader cannot load exceljs's dependencies). */
function readXlsx(file: string): (string | number | null)[][] {
  const script = `const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.xlsx.readFile(process.argv[1]).then(() => {
      const rows = [];
      wb.worksheets[0].eachRow((row) => rows.push(row.values.slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v ?? null))));
      console.log(JSON.stringify(rows));
    }).catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: process.cwd(), encoding: 'utf8' })) as (
    string | number | null
  )[][];
}

test('9 · 月结: the first month is closed, and cannot be closed twice', async ({ page, request }) => {
  await closeMonth(page, M1);
  // Before sign-in is turned on, the person at this computer acts as the owner, and is named so.
  await expect(page.locator('.months-tab')).toContainText('由 本机(未启用登录,以店长身份) 月结');
  await screenshot(page, 'month-11-closed');
  const staff = await api(request, 'staff.list', {});
  expect(staff.find((s) => s.code === 'YW03')!.status).toBe('warning');
});

test('10 · the sheet on screen, on paper and in Excel', async ({ page, request }) => {
  const sheet = await api(request, 'performance.sheet', { month: M1 });
  const zhang = sheet.rows.find((r) => r.code === 'YW01')!;
  expect(zhang.pay).toMatchObject({ salesFen: 3_000_000, commissionFen: 150_000 });
  await page.goto(`/#/performance/${M1}`);
  await expect(page.getByTestId('sheet-closed')).toHaveText('已月结');
  const table = page.getByTestId('sheet-table');
  const row = table.getByRole('row').filter({ hasText: 'YW01' });
  await expect(row).toContainText('30,000.00');
  await expect(row).toContainText('1,500.00');
  await expect(table.getByRole('row').filter({ hasText: 'YW03' })).toContainText('预警');
  await screenshot(page, 'month-12-sheet');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出' }).click();
  await page.getByRole('menuitem', { name: '导出为 Excel (.xlsx)' }).click();
  const file = path.join(os.tmpdir(), `month-sheet-${Date.now()}.xlsx`);
  await (await download).saveAs(file);
  const cells = readXlsx(file).flat();
  expect(cells).toContain('张伟');
  expect(cells).toContain(30000);
  expect(cells).toContain('合计');
  fs.rmSync(file, { force: true });

  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('[data-print-ready="true"]')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = path.join(SCREENSHOTS, 'month-13-sheet.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  // pdf.js reads letter-spaced headings glyph by glyph: compare without whitespace.
  const text = (await pdfPageTexts(pdf)).join('').replace(/\s+/g, '');
  expect(text).toContain('阳光加盟店');
  expect(text).toContain(formatFen(3_000_000));
  expect(text).toContain('制表');
  // The print view as the printer receives it (print media), for a person to look at; the PDF
  // itself is kept next to it.
  await screenshot(page, 'month-13-sheet-print');
  await page.emulateMedia({ media: 'screen' });
});

test('11 · the second month below the floor, with a late refund of a closed month', async ({ page, request }) => {
  const business = async (client: string, owner: string, amountFen: number, on: number) => {
    const k = await api(request, 'contracts.create', {
      clientId: await clientId(request, client),
      staffId: await staffId(request, owner),
      product: '推广服务',
      amountFen,
      signedOn: day(M2, on),
      status: 'signed',
    });
    await api(request, 'payments.create', { contractId: k.id, paidOn: day(M2, on), amountFen });
  };
  await business('西湖茶叶有限公司', 'YW01', 1_500_000, 4);
  await business('滨江电子科技有限公司', 'YW02', 1_200_000, 6);
  await business('萧山五金制品厂', 'YW03', 200_000, 8);

  // 孙丽's client asks for 3,000 back on the M1 contract; it is dated in M1, which is closed.
  await page.goto('/#/contracts');
  await page.getByLabel('搜索客户').fill('云帆');
  await page.getByLabel('搜索客户').press('Enter');
  const row = page.getByRole('row').filter({ hasText: '杭州云帆贸易有限公司' });
  await row.getByRole('button', { name: '收款' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('退款', { exact: true }).click();
  await pickDate(dialog, '日期', day(M1, 28));
  await expect(dialog.getByTestId('closed-month-hint')).toContainText(`${M1} 已月结:这笔退款计入 ${M2}`);
  await viewShot(page, 'month-14-late-refund');
  await dialog.getByLabel('金额').fill('3000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.locator('.payments-table')).toContainText(`计入 ${M2}`);

  // The sheet of M2 shows it as an adjustment and says why 孙丽's commission is negative.
  await page.goto(`/#/performance/${M2}`);
  await expect(page.getByTestId('negative-hint')).toContainText('提成为负数');
  await page.getByTestId('sheet-table').getByRole('button', { name: '孙丽' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('source-lines')).toContainText(`${M1} 已月结,计入本月`);
  await expect(drawer.getByTestId('source-lines')).not.toContainText('closed month');
  await viewShot(page, 'month-15-adjustment');
  await page.keyboard.press('Escape');

  await closeMonth(page, M2);
  const cases = page.getByTestId('dismissal-cases');
  await expect(cases).toContainText('孙丽');
  await expect(cases).toContainText(M1);
  await expect(cases).toContainText(M2);
});

test('12 · 待辞退 confirmed by the owner; every client handed over', async ({ page, request }) => {
  await openStaffTab(page, '月结与待辞退');
  const item = page.getByTestId('dismissal-cases').locator('.ant-list-item').filter({ hasText: '孙丽' });
  await item.getByRole('button', { name: '确认辞退' }).click();
  const dialog = page.getByRole('dialog', { name: '确认辞退 孙丽' });
  await dialog.getByLabel('理由(必填)').fill('连续两个月低于保底销售额');
  await chooseOption(page, dialog.getByLabel('客户转给'), '赵磊');
  await dialog.getByRole('button', { name: '确认辞退' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/已确认辞退 孙丽,离职日期 \d{4}-\d{2}-\d{2};2 位客户已全部转给 赵磊/)).toBeVisible();
  const moved = await api(request, 'clients.list', { ownerStaffId: await staffId(request, 'YW02'), limit: 20 });
  expect(moved.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['杭州云帆贸易有限公司', '萧山五金制品厂']));
  expect((await api(request, 'staff.list', { includeLeft: true })).find((s) => s.code === 'YW03')!.status).toBe('left');
});

test('13 · 操作日志 reads as sentences: who, what, on whom, yuan, before → after', async ({ page }) => {
  await openStaffTab(page, '操作日志');
  const lines = page.getByTestId('audit-text');
  await expect(lines.first()).toBeVisible();
  const texts = await lines.allTextContents();
  expect(
    texts.some((t) =>
      /^确认辞退 孙丽\(YW03\),离职日期 \d{4}-\d{2}-\d{2},2 位客户已转给同事,理由:连续两个月低于保底销售额$/.test(t),
    ),
  ).toBe(true);
  expect(texts.some((t) => t.startsWith(`设置 团队 ${M1} 的指标:保底销售额 ¥10,000.00`))).toBe(true);
  expect(texts.some((t) => /^登记合同 .*的退款 ¥3,000\.00/.test(t))).toBe(true);
  for (const text of texts) expect(text).not.toMatch(/[a-z]+\.[a-z]+|[{}"]|Fen|#\d|\blocal\b/);
  await expect(page.getByTestId('audit-tab')).toContainText('本机(未启用登录,以店长身份)');
  await screenshot(page, 'month-16-audit');
});

test("14 · sign-in is turned on with the owner's password, then one for each role", async ({ page }) => {
  await page.goto('/#/settings');
  const account = page.getByTestId('account-card');
  // 账户与安全 lists every account; each row sets (or resets) that person's password in a dialog.
  const setPassword = async (person: string, password: string) => {
    const name = person.slice(0, person.indexOf('('));
    const row = account.getByTestId('password-table').getByRole('row', { name: new RegExp(name) });
    await row.getByRole('button', { name: /设置密码|重设密码/ }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(name) });
    await dialog.getByLabel('新密码(至少 8 位,含字母和数字)').fill(password);
    await dialog.getByRole('button', { name: '设置密码' }).click();
  };
  await setPassword('王建国(DZ01)', PASSWORDS.DZ01);
  await expect(page.getByTestId('login')).toBeVisible();
  await signIn(page, 'DZ01', PASSWORDS.DZ01);
  await page.goto('/#/settings');
  for (const [code, person] of [
    ['JL01', '李经理(JL01)'],
    ['WY01', '陈文员(WY01)'],
    ['YW01', '张伟(YW01)'],
  ] as const) {
    await setPassword(person, PASSWORDS[code]);
    await expect(
      account.getByTestId('password-table').getByRole('row', { name: new RegExp(person.slice(0, person.indexOf('('))) }),
    ).toContainText('已设置');
  }
  await signOut(page);
});

test("15 · the owner sees everything, and reopening a closed month is the owner's", async ({ page }) => {
  await signIn(page, 'DZ01', PASSWORDS.DZ01);
  await expect(page).toHaveURL(/#\/dashboard$/);
  await expect(page.getByTestId('dashboard')).toContainText('团队实际销售额');
  await expect(page.getByTestId('dashboard')).toContainText('本月个人进度');
  // A new month without sales or targets yet says so, and where to set them — not a bare "no data".
  await expect(page.getByTestId('dash-people-empty')).toContainText('2 位业务员本月还没有到账业绩,也没有设定指标');
  await expect(page.getByTestId('dash-people-empty').getByText('设置本月指标')).toBeVisible();
  await screenshot(page, 'month-17-owner-dashboard');
  await openStaffTab(page, '月结与待辞退');
  await expect(page.getByRole('button', { name: '撤销月结' }).first()).toBeVisible();
  await expect(page.getByRole('tab', { name: '操作日志' })).toBeVisible();
  await signOut(page);
});

test('16 · the manager runs the month but does not reopen it or decide dismissals', async ({ page }) => {
  // The owner left the page on 员工与指标; the manager starts on 概览 all the same.
  await signIn(page, 'JL01', PASSWORDS.JL01);
  await expect(page).toHaveURL(/#\/dashboard$/);
  await page.goto('/#/staff');
  await expect(page.getByRole('button', { name: '新增员工' })).toBeVisible();
  await openStaffTab(page, '月结与待辞退');
  // Last month is closed already: its button says so; this month's is the manager's to press.
  await expect(page.getByRole('button', { name: `${M2} 已月结` })).toBeDisabled();
  const picker = page.locator('.months-tab').getByLabel('月份');
  await picker.click();
  await picker.fill(monthsAgo(0));
  await picker.press('Enter');
  await expect(page.getByRole('button', { name: `月结 ${monthsAgo(0)}` })).toBeEnabled();
  await expect(page.getByRole('button', { name: '撤销月结' })).toHaveCount(0);
  await expect(page.getByTestId('dismissal-cases').getByRole('button', { name: '确认辞退' })).toHaveCount(0);
  await screenshot(page, 'month-18-manager-months');
  await signOut(page);
});

test('17 · the clerk registers and records, and sees no salary and no manager buttons', async ({ page }) => {
  await signIn(page, 'WY01', PASSWORDS.WY01);
  // A clerk's day starts at 客户.
  await expect(page).toHaveURL(/#\/clients$/);
  await expect(page.getByRole('button', { name: '登记客户' })).toBeVisible();
  await expect(page.getByRole('button', { name: '转移客户' })).toHaveCount(0);
  await screenshot(page, 'month-19-clerk-clients');

  await page.goto('/#/staff');
  await expect(page.getByRole('row').filter({ hasText: 'YW01' })).toContainText('张伟');
  for (const hidden of ['新增员工', '编辑', '离职']) await expect(page.getByRole('button', { name: hidden })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: '底薪' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '月度指标' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '操作日志' })).toHaveCount(0);
  await screenshot(page, 'month-20-clerk-staff');
  await page.getByRole('tab', { name: '月结与待辞退' }).click();
  await expect(page.getByRole('button', { name: /^月结 / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '撤销月结' })).toHaveCount(0);
  await expect(page.getByTestId('dismissal-cases')).toHaveCount(0);

  await page.goto('/#/contracts');
  const row = page.getByRole('row').filter({ hasText: `HT-${M1}-01` });
  await expect(row.getByRole('button', { name: '收款' })).toBeVisible();
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.locator('.payments-table')).toContainText('¥20,000.00');
  await expect(page.locator('.payments-table').getByRole('button', { name: '删除' })).toHaveCount(0);

  await page.goto(`/#/performance/${M1}`);
  await expect(page.getByTestId('sheet-table')).toContainText('张伟');
  await expect(page.getByTestId('sheet-table').getByRole('columnheader', { name: '底薪' })).toHaveCount(0);
  await page.getByTestId('sheet-table').getByRole('button', { name: '张伟' }).click();
  await expect(page.getByTestId('lines-hidden')).toContainText('只有经理和店长能看到');
  await viewShot(page, 'month-21-clerk-sheet');
  await page.keyboard.press('Escape');
  await signOut(page);
});

test('18 · the salesperson sees their own clients, contracts and month — labelled as theirs', async ({ page }) => {
  await signIn(page, 'YW01', PASSWORDS.YW01);
  await expect(page).toHaveURL(/#\/dashboard$/);
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toContainText('我的实际销售额');
  await expect(dashboard).not.toContainText('团队实际销售额');
  await expect(dashboard).not.toContainText('本月个人进度');
  await screenshot(page, 'month-22-sales-dashboard');

  await page.goto('/#/clients');
  await expect(page.getByTestId('client-count')).toHaveText('共 2 位客户');
  for (const hidden of ['导出', '转移客户']) await expect(page.getByRole('button', { name: hidden })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '导入客户' })).toHaveCount(0);
  await screenshot(page, 'month-23-sales-clients');

  await page.goto('/#/contracts');
  const row = page.getByRole('row').filter({ hasText: `HT-${M1}-01` });
  await expect(row).toBeVisible();
  await expect(row.getByRole('button', { name: '收款' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导出' })).toHaveCount(0);

  await page.goto('/#/staff');
  await expect(page.getByRole('button', { name: '新增员工' })).toHaveCount(0);
  await page.getByRole('tab', { name: '月度指标' }).click();
  await expect(page.getByRole('button', { name: '设置团队指标' })).toHaveCount(0);

  await page.goto(`/#/performance/${M1}`);
  const sheet = page.getByTestId('sheet-table');
  await expect(sheet).toContainText('张伟');
  await expect(sheet).not.toContainText('赵磊');
  await screenshot(page, 'month-24-sales-sheet');
  await signOut(page);
});

/** A small real PDF (one page of text), made once with the same Chromium. */
let pdfFile: string | null = null;
function samplePdf(): string {
  if (pdfFile) return pdfFile;
  pdfFile = path.join(SCREENSHOTS, '..', 'month-sample-scan.pdf');
  if (!fs.existsSync(pdfFile)) {
    fs.mkdirSync(path.dirname(pdfFile), { recursive: true });
    // The smallest valid PDF a scanner would never make, but enough for filing and opening.
    fs.writeFileSync(
      pdfFile,
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
  }
  return pdfFile;
}
