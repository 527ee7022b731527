import { contractHtml, makeContract } from '../../electron/server/ocr/testing/contract-page';
import { encryptedPdf } from '../../electron/server/archive/text/test-files';
import { ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

test('档案文字: an encrypted PDF is marked; a photographed contract is read by OCR, shown with its confidence, corrected by hand and found by two characters', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(400_000);
  await ensureOfficeSetUp(request);
  // A contract page made up for this run, photographed as the office's phone would.
  const contract = makeContract(Date.now() % 100_000);
  const render = await browser.newPage({ viewport: { width: 1240, height: 1754 } });
  await render.setContent(contractHtml(contract));
  await render.evaluate('document.fonts.ready');
  const photo = await render.screenshot({ type: 'jpeg', quality: 80 });
  await render.close();

  await page.goto('/#/archive/files');
  // The archive page's code loads on first visit: generous on a busy two-core machine.
  await expect(page.getByTestId('ocr-queue')).toContainText('可全文检索的格式', { timeout: 60_000 });
  const filing = page.getByTestId('archive-filing');
  const tag = `E${Date.now() % 100000}`;
  await filing.locator('input[type=file]').setInputFiles([
    { name: `加密报价${tag}.pdf`, mimeType: 'application/pdf', buffer: encryptedPdf() },
    { name: `合同照片${tag}.jpg`, mimeType: 'image/jpeg', buffer: photo },
  ]);
  const table = page.getByTestId('archive-documents').locator('.ant-table');
  const lockedRow = table.getByRole('row').filter({ hasText: `加密报价${tag}` });
  await expect(lockedRow).toContainText('加密,无法检索内容', { timeout: 60_000 });
  await screenshot(page, 'archive-encrypted-mark');

  // The photo: OCR runs in the background; the drawer shows progress, then the text.
  const photoRow = table.getByRole('row').filter({ hasText: `合同照片${tag}` });
  await photoRow.getByRole('button', { name: '文字' }).click();
  const drawer = page.getByTestId('document-text');
  await expect(drawer.getByText('文字识别(OCR)')).toBeVisible({ timeout: 360_000 });
  await expect(drawer).toContainText('置信度');
  const text = drawer.getByRole('textbox', { name: '文字', exact: true });
  await expect(text).toHaveValue(/合同编号/);
  await screenshot(page, 'archive-ocr-text');

  // A hand correction: a note only a person would add, then found by two of its characters.
  const value = await text.inputValue();
  await text.fill(`${value}\n备注:原件存放于甲柜三层`);
  await drawer.getByRole('button', { name: '保存更正' }).click();
  await expect(drawer.getByText('已手工更正')).toBeVisible();
  await screenshot(page, 'archive-ocr-corrected');
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  const search = page.getByLabel('搜索标题、文件名、客户、合同或文件内容');
  await search.fill('甲柜');
  await search.press('Enter');
  await expect(table.getByRole('row').filter({ hasText: `合同照片${tag}` })).toBeVisible();
  // And a word OCR read from the page itself (part of the second party's name).
  await search.fill(contract.lines[3]!.slice(-8, -6));
  await search.press('Enter');
  await expect(table.getByRole('row').filter({ hasText: `合同照片${tag}` })).toBeVisible();
});
