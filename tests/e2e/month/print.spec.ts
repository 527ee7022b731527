import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { api, expect, monthsAgo, ownOffice, SCREENSHOTS, screenshot, test } from './fixtures';
import { pdfPageTexts } from '../pdf-pages';

/**
 * 月度业绩表 on A4 for an office of 4, 40 and 120 people: the signature lines (制表 / 审核 / 店长)
 * always share a page with the last rows and the totals — never a page of their own. Each PDF is
 * printed by Chromium's own engine (page.pdf, the one behind Electron's printToPDF) and the
 * print view is kept as a PNG to look at: test-results/screenshots/print-<n>-staff.png.
 */
test.describe.configure({ mode: 'serial', timeout: 360_000 });
ownOffice('print');

const SIZES = [
  { people: 4, month: monthsAgo(6) },
  { people: 40, month: monthsAgo(4) },
  { people: 120, month: monthsAgo(2) },
] as const;

const code = (i: number) => `P${String(i).padStart(3, '0')}`;
const name = (i: number) => `打印员工${String(i).padStart(3, '0')}`;

/** 120 people in one staff import: the first 4 hired before the first month, 36 more, then 80 more. */
async function seed(request: APIRequestContext): Promise<void> {
  if ((await api(request, 'settings.get')).setupDone) return;
  await api(request, 'settings.completeSetup', { officeName: '阳光加盟店(打印测试)', officeAddress: '' });
  const hired = (i: number) => `${i <= 4 ? SIZES[0].month : i <= 40 ? SIZES[1].month : SIZES[2].month}-01`;
  const lines = ['工号,姓名,角色,入职日期,底薪'];
  for (let i = 1; i <= 120; i++) lines.push(`${code(i)},${name(i)},业务员,${hired(i)},3000`);
  const report = await api(request, 'staff.import', {
    fileName: '员工.csv',
    dataBase64: Buffer.from(`\ufeff${lines.join('\r\n')}`, 'utf8').toString('base64'),
  });
  expect(report.inserted).toBe(120);
  for (const { month } of SIZES)
    await api(request, 'plans.set', {
      month,
      staffId: null,
      plan: { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null },
    });
  // Sales for a few people each month, so the charts have bars.
  const client = await api(request, 'clients.create', { name: '打印测试客户有限公司' });
  const all = await api(request, 'staff.list', {});
  for (const { month, people } of SIZES) {
    for (const i of [1, 2, Math.min(people, 3)]) {
      const staffId = all.find((s) => s.code === code(i))!.id;
      const k = await api(request, 'contracts.create', {
        clientId: client.id,
        staffId,
        amountFen: 2_000_000 + i * 700_000,
        signedOn: `${month}-05`,
        status: 'signed',
      });
      await api(request, 'payments.create', { contractId: k.id, paidOn: `${month}-06`, amountFen: 2_000_000 + i * 700_000 });
    }
  }
}

/** Each printed page's text without whitespace (pdf.js returns letter-spaced headings glyph by glyph). */
async function pdfPages(file: string): Promise<string[]> {
  return (await pdfPageTexts(file)).map((p) => p.replace(/\s+/g, '')).filter(Boolean);
}

const squeezed = (text: string): string => text.replace(/\s+/g, '');

for (const { people, month } of SIZES) {
  test(`${people} staff: the signatures print with the last rows and the totals`, async ({ page, request }) => {
    await seed(request);
    const sheet = await api(request, 'performance.sheet', { month });
    expect(sheet.rows).toHaveLength(people);

    await page.goto(`/#/print/sheet/${month}`);
    await expect(page.locator('[data-print-ready="true"]')).toBeVisible({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = path.join(SCREENSHOTS, `print-${people}-staff.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });

    const pages = await pdfPages(pdf);
    const signed = pages.filter((p) => p.includes('制表') && p.includes('审核'));
    expect(signed, 'one page carries the signature lines').toHaveLength(1);
    const signPage = signed[0]!;
    // …with the totals and the last people above them, on the same sheet of paper.
    expect(signPage).toContain('合计');
    expect(signPage).toContain(squeezed(name(people)));
    expect(signPage).toContain(squeezed(name(people - 1)));
    // Every person is on paper, and nothing is a page of signatures alone.
    const text = pages.join('\n');
    for (let i = 1; i <= people; i++) expect(text, name(i)).toContain(squeezed(name(i)));
    if (people === 4) expect(pages[0], 'four people fit on one page with their signatures').toContain('制表');
    if (people > 4) expect(pages.length, 'more people, more pages').toBeGreaterThan(1);

    // What goes to the printer, as a picture for a person to look at (the PDF is kept beside it).
    await screenshot(page, `print-${people}-staff`);
  });
}
