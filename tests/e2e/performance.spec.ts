import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { formatFen } from '../../shared/money';
import { api, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';
import { pdfPageTexts, renderPdfPageToPng } from './pdf-pages';

const MONTH = '2026-10';
const PEOPLE = 40;

/** 40 salespeople with a team plan and varied October payments, then October closed. */
async function seedOffice(request: APIRequestContext): Promise<void> {
  await ensureOfficeSetUp(request);
  const existing = await api(request, 'staff.list', { includeLeft: true });
  if (existing.some((s) => s.code === 'P001')) return;
  for (let i = 1; i <= PEOPLE; i++) {
    const code = `P${String(i).padStart(3, '0')}`;
    const staff = await api(request, 'staff.create', {
      code,
      name: `业绩员${String(i).padStart(2, '0')}`,
      role: 'salesperson',
      hiredOn: '2026-01-01',
      baseSalaryFen: 300_000,
    });
    const client = await api(request, 'clients.create', { name: `业绩测试客户${i}号有限公司`, ownerStaffId: staff.id });
    const amountFen = 500_000 + i * 100_000; // 6,000 … 45,000 元: some below the floor, some above target
    const contract = await api(request, 'contracts.create', {
      clientId: client.id,
      staffId: staff.id,
      amountFen,
      signedOn: `${MONTH}-03`,
      status: 'signed',
    });
    await api(request, 'payments.create', {
      contractId: contract.id,
      paidOn: `${MONTH}-${String((i % 27) + 1).padStart(2, '0')}`,
      amountFen,
    });
  }
  await api(request, 'plans.set', {
    month: MONTH,
    staffId: null,
    plan: { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null },
  });
  await api(request, 'months.close', { month: MONTH });
}

test('月度业绩表: screen, drill-down, A4 print with repeated header and charts, exports', async ({ page, request }) => {
  test.setTimeout(180_000);
  await seedOffice(request);
  const sheet = await api(request, 'performance.sheet', { month: MONTH });
  expect(sheet.closed).toBe(true);

  await page.goto(`/#/performance/${MONTH}`);
  await expect(page.getByRole('heading', { name: '月度业绩表' })).toBeVisible();
  await expect(page.getByTestId('sheet-closed')).toHaveText('已月结');
  const table = page.getByTestId('sheet-table');
  await expect(table.getByRole('button', { name: '业绩员40' })).toBeVisible();
  await screenshot(page, 'performance-sheet');

  // Click a figure: the payments behind it.
  await table.getByRole('row').filter({ hasText: 'P012' }).getByRole('button', { name: '业绩员12' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('source-lines')).toContainText('业绩测试客户12号有限公司');
  await expect(drawer.getByTestId('source-lines')).toContainText(formatFen(1_700_000));
  await screenshot(page, 'performance-drilldown');
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('source-lines')).toBeHidden();

  // The print view, printed by Chromium's PDF engine (the one behind Electron's printToPDF).
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page).toHaveURL(new RegExp(`#/print/sheet/${MONTH}$`));
  await expect(page.locator('[data-print-ready="true"]')).toBeVisible();
  const charts = page.getByTestId('print-charts');
  await expect(charts.locator('.recharts-wrapper')).toHaveCount(2);
  // 40 people × (target, sales) bars, and the trend's lines.
  expect(await charts.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2 * PEOPLE);
  expect(await charts.locator('.recharts-line-curve').count()).toBeGreaterThanOrEqual(3);
  await screenshot(page, 'performance-print-screen');
  await page.emulateMedia({ media: 'print' });
  const dir = path.resolve('test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, 'performance-sheet.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });

  const pages = (await pdfPageTexts(pdf)).filter((p) => p.trim());
  const text = pages.join('\n');
  // Letter-spaced headings come out of pdf.js one glyph at a time ("阳 光 加 盟 店"): compare those without spaces.
  const dense = (s: string | undefined): string => (s ?? '').replace(/\s+/g, '');
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(dense(pages[0])).toContain(dense(sheet.officeName));
  expect(pages[0]).toContain('2026年10月');
  for (const row of sheet.rows) expect(text, row.name).toContain(row.name);
  expect(text).toContain(formatFen(sheet.totals.pay!.salesFen));
  expect(text).toContain(formatFen(sheet.totals.pay!.totalPayFen));
  // The table header repeats on page 2, and pages are numbered.
  expect(pages[1]).toContain('保底销售额');
  expect(pages[1]).toContain('应发合计');
  expect(pages[0]).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
  expect(pages[1]).toMatch(/第\s*2\s*页/);
  for (const label of ['制表', '审核', '店长']) expect(dense(text)).toContain(label);
  // The first page as a picture for a person to look at (pdf.js + @napi-rs/canvas; no poppler needed).
  const png = await renderPdfPageToPng(pdf, 1, path.join(dir, 'performance-print-page-1.png'));
  // A4 landscape at 72 dpi is 842 × 595 points; portrait would be the other way round.
  expect(png.width).toBeGreaterThan(png.height);
  expect(fs.statSync(path.join(dir, 'performance-print-page-1.png')).size).toBeGreaterThan(10_000);

  // A personal statement prints the same way.
  const zhang = sheet.rows.find((r) => r.code === 'P030')!;
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/#/print/statement/${MONTH}/${zhang.staffId}`);
  await expect(page.locator('[data-print-ready="true"]')).toBeVisible();
  await screenshot(page, 'performance-statement');
  const statementPdf = path.join(dir, 'performance-statement.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: statementPdf, preferCSSPageSize: true, printBackground: true });
  const statementText = (await pdfPageTexts(statementPdf)).join('\n');
  expect(dense(statementText)).toContain('个人业绩单');
  expect(statementText).toContain('业绩员30');
  expect(statementText).toContain(formatFen(zhang.pay!.commissionFen));
  expect(dense(statementText)).toContain('员工签字');
});

test('概览: this month, funnel, renewals, follow-ups and warnings at a glance', async ({ page, request }) => {
  await seedOffice(request);
  await page.goto('/#/dashboard');
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toBeVisible();
  await expect(dashboard).toContainText('团队实际销售额');
  await expect(dashboard).toContainText('销售漏斗');
  await expect(dashboard).toContainText('30 天内到期续费');
  await expect(dashboard).toContainText('预警与待辞退');
  await expect(dashboard.locator('svg.recharts-surface').first()).toBeVisible();
  await screenshot(page, 'dashboard');
});
