import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

const html = (lines: string[]): string =>
  `<!doctype html><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;font-size:30px;line-height:2.1;padding:70px;background:#fff;color:#111}</style>` +
  lines.map((l) => `<div>${l}</div>`).join('');

/** Written, then its time set back: a scanner that finished a few seconds ago. */
function drop(folder: string, name: string, bytes: Buffer | string): void {
  const abs = path.join(folder, name);
  fs.writeFileSync(abs, bytes);
  const past = new Date(Date.now() - 5000);
  fs.utimesSync(abs, past, past);
}

test('扫描收件箱: a phone photo of a signed contract files itself under the right client, kind and date; an unsure scan is filed in one click; two characters find them', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(480_000);
  await ensureOfficeSetUp(request);
  const tag = `${Date.now() % 100000}`;
  const surnames = ['赵', '钱', '孙', '李', '周', '吴'];
  const given = ['明', '华', '强', '丽', '军', '静'];
  const name = `${surnames[Number(tag) % 6]}${given[Number(tag) % 5]}${given[(Number(tag) >> 3) % 6]}商行${tag}`;
  const client = await api(request, 'clients.create', { name });
  const other = await api(request, 'clients.create', { name: `收件箱另一客户${tag}` });
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-e2e-inbox-'));

  // The manager points the inbox at the scanner's folder.
  await page.goto('/#/archive/inbox');
  const folderInput = page.getByLabel('收件箱文件夹');
  await expect(folderInput).toBeVisible({ timeout: 60_000 });
  await folderInput.fill(inbox);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('收件箱设置已保存')).toBeVisible();

  // A phone photo of a signed contract (rendered text, photographed as JPEG) and an unsure scan.
  const render = await browser.newPage({ viewport: { width: 1240, height: 900 } });
  await render.setContent(
    html(['网站建设服务合同', `甲方:${name}`, '乙方:门店通网络科技有限公司', '签订日期:2026年6月8日', '双方签字盖章后生效。']),
  );
  await render.evaluate('document.fonts.ready');
  const photo = await render.screenshot({ type: 'jpeg', quality: 80 });
  await render.close();
  drop(inbox, `IMG_${tag}.jpg`, photo);
  drop(inbox, `两家_${tag}.txt`, `${name} 与 收件箱另一客户${tag} 的补充协议,2026-04-02 签订,附件清单。`);

  // The unsure one waits in 待归档 with its preview and the reason; the clerk picks the client.
  const waiting = page.getByTestId('inbox-item').filter({ hasText: `两家_${tag}.txt` });
  await expect(waiting).toContainText('请确认', { timeout: 120_000 });
  await expect(waiting).toContainText('2 个客户');
  await expect(waiting).toContainText('附件清单');
  await screenshot(page, 'inbox-waiting');
  const clientField = waiting.getByLabel('客户');
  await clientField.click();
  await clientField.fill(`收件箱另一客户${tag}`);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: `收件箱另一客户${tag}` })
    .first()
    .click();
  await expect(waiting.locator('.ant-select').nth(1)).toContainText(`收件箱另一客户${tag}`);
  await waiting.getByTestId('inbox-file').click();
  await expect(page.getByText(/已归档到/)).toBeVisible();
  const filed = page.getByTestId('inbox-filed');
  await expect(filed).toContainText(`两家_${tag}.txt`);

  // The photo: read by OCR in the background, filed by itself under 协议合同 with the date on the paper.
  await expect(filed.getByRole('row').filter({ hasText: `IMG_${tag}.jpg` })).toContainText('自动', { timeout: 420_000 });
  await expect(filed.getByRole('row').filter({ hasText: `IMG_${tag}.jpg` })).toContainText('2026-06-08');
  await expect(filed.getByRole('row').filter({ hasText: `IMG_${tag}.jpg` })).toContainText('协议合同');
  expect(fs.readdirSync(inbox)).toEqual([]);
  await screenshot(page, 'inbox-filed');
  const docs = await api(request, 'archive.list', { clientId: client.id });
  expect(docs.rows.map((d) => d.originalName)).toEqual([`IMG_${tag}.jpg`]);
  expect((await api(request, 'archive.list', { clientId: other.id })).rows.map((d) => d.originalName)).toEqual([
    `两家_${tag}.txt`,
  ]);

  // Found again by two characters of what was on the paper.
  await page.goto('/#/archive/files');
  const search = page.getByLabel('搜索标题、文件名、客户、合同或文件内容');
  await search.fill('盖章');
  await search.press('Enter');
  await expect(
    page
      .getByTestId('archive-documents')
      .getByRole('row')
      .filter({ hasText: `IMG_${tag}` }),
  ).toBeVisible();

  // 旧文件夹收编: a small old tree, previewed then brought in with one progress bar.
  const old = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-e2e-old-'));
  fs.mkdirSync(path.join(old, name, '2019'), { recursive: true });
  fs.writeFileSync(path.join(old, name, '2019', '续费合同_20190305.txt'), `续费 ${tag}`);
  fs.writeFileSync(path.join(old, name, '营业执照.txt'), `执照 ${tag}`);
  fs.writeFileSync(path.join(old, name, '营业执照 - 副本.txt'), `执照 ${tag}`);
  fs.mkdirSync(path.join(old, '杂项'));
  fs.writeFileSync(path.join(old, '杂项', '说明.txt'), `杂项 ${tag}`);
  await page.goto('/#/archive/inbox');
  const card = page.getByTestId('old-folders');
  await card.getByLabel('旧资料文件夹').fill(old);
  await card.getByRole('button', { name: '预览(不归档)' }).click();
  await expect(card.getByTestId('old-summary')).toContainText('共 4 个文件');
  await expect(card).toContainText('杂项(1)');
  await expect(card.getByRole('row').filter({ hasText: '续费合同_20190305.txt' })).toContainText('2019-03-05');
  await screenshot(page, 'old-folders-preview');
  await card.getByRole('button', { name: /开始收编 4 个文件/ }).click();
  await expect(card.getByTestId('old-job')).toContainText('收编完成', { timeout: 60_000 });
  await expect(card.getByTestId('old-job')).toContainText('重复跳过 1');
  await screenshot(page, 'old-folders-done');
  // The licence and its copy have the same content: one of them is filed, the other reported.
  const names = (await api(request, 'archive.list', { clientId: client.id })).rows.map((d) => d.originalName).sort();
  expect(names).toHaveLength(3);
  expect(names).toEqual(expect.arrayContaining([`IMG_${tag}.jpg`, '续费合同_20190305.txt']));
  expect(names.filter((n) => n.startsWith('营业执照'))).toHaveLength(1);
  fs.rmSync(old, { recursive: true, force: true });

  // English labels too.
  await page.goto('/#/archive/inbox');
  await page.locator('.ant-segmented').first().getByText('English', { exact: true }).click();
  await expect(page.getByText('Recently filed')).toBeVisible();
  await screenshot(page, 'inbox-filed-en');
  await page.locator('.ant-segmented').first().getByText('中文', { exact: true }).click();
  fs.rmSync(inbox, { recursive: true, force: true });
});
