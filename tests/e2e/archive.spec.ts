import { ensureOfficeSetUp, api, expect, screenshot, test } from './fixtures';

test('档案: file files with progress, the duplicate question, search, the check, the template preview', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await ensureOfficeSetUp(request);
  const client = await api(request, 'clients.create', { name: '档案测试超市有限公司' });

  await page.goto('/#/archive/files');
  await expect(page.getByRole('heading', { name: '档案管理' })).toBeVisible();
  const filing = page.getByTestId('archive-filing');
  await filing.getByLabel('分类').click();
  await page
    .locator('.ant-select-tree-title')
    .filter({ hasText: /^建站合同$/ })
    .click();
  await filing.getByLabel('客户').click();
  await filing.getByLabel('客户').fill('档案测试');
  await page.locator('.ant-select-item-option').filter({ hasText: '档案测试超市有限公司' }).click();
  await filing.locator('input[type=file]').setInputFiles([
    { name: '建站合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 e2e contract') },
    { name: '报价单.txt', mimeType: 'text/plain', buffer: Buffer.from('报价单:网站建设 3000 元,含域名') },
  ]);
  const table = page.getByTestId('archive-documents').locator('.ant-table');
  await expect(table.getByRole('row').filter({ hasText: '报价单' })).toContainText('协议合同/建站合同');
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: '建站合同.pdf' })
      .or(table.getByRole('row').filter({ hasText: '建站合同' }))
      .first(),
  ).toBeVisible();
  await screenshot(page, 'archive-files');

  // The same content again: the question, answered "skip".
  await filing
    .locator('input[type=file]')
    .setInputFiles([{ name: '副本.txt', mimeType: 'text/plain', buffer: Buffer.from('报价单:网站建设 3000 元,含域名') }]);
  const question = page.getByRole('dialog').filter({ hasText: '已归档过' });
  await expect(question).toContainText('报价单');
  await screenshot(page, 'archive-duplicate');
  await question.getByRole('button', { name: '跳过' }).click();
  await expect(question).toBeHidden();

  // Drag and drop: a real drop event carrying a file, as Explorer/Finder deliver it — once the
  // batch above has finished (the drop zone is disabled while a batch runs).
  await expect(page.getByText('已跳过 1 个重复文件')).toBeVisible();
  await expect(filing.locator('.ant-upload-disabled')).toHaveCount(0);
  const dropped = await page.evaluateHandle(() => {
    // Typed by hand: the tests compile without the DOM library.
    const dom = globalThis as unknown as {
      DataTransfer: new () => { items: { add: (file: unknown) => void } };
      File: new (parts: string[], name: string, options: { type: string }) => unknown;
    };
    const transfer = new dom.DataTransfer();
    transfer.items.add(new dom.File(['拖进来的会议纪要:续费三年'], '会议纪要.txt', { type: 'text/plain' }));
    return transfer;
  });
  await filing.locator('.ant-upload-btn').dispatchEvent('dragover', { dataTransfer: dropped });
  await filing.locator('.ant-upload-btn').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(table.getByRole('row').filter({ hasText: '会议纪要' })).toContainText('协议合同/建站合同');

  const listed = await api(request, 'archive.list', { clientId: client.id });
  expect(listed.rows.map((r) => r.title).sort()).toEqual(['会议纪要', '建站合同', '报价单'].sort());
  expect(listed.rows.every((r) => r.relPath.startsWith('协议合同/建站合同/'))).toBe(true);

  // Full text: a word inside the text file.
  await page.getByLabel('搜索标题、文件名、客户、合同或文件内容').fill('域名');
  await page.getByLabel('搜索标题、文件名、客户、合同或文件内容').press('Enter');
  await expect(page.getByText('共 1 份')).toBeVisible();

  // 文件夹: the tree the template made, with counts; a folder lists everything inside it.
  await page.getByRole('tab', { name: '文件夹' }).click();
  const folders = page.getByTestId('archive-folders');
  await folders
    .locator('.ant-tree-title')
    .filter({ hasText: /^协议合同 \(\d+\)$/ })
    .click();
  await folders
    .locator('.ant-tree-title')
    .filter({ hasText: /^建站合同 \(\d+\)$/ })
    .click();
  await expect(folders.getByTestId('folder-shown')).toHaveText('协议合同/建站合同');
  await expect(folders.locator('.ant-table').getByRole('row').filter({ hasText: '报价单' })).toBeVisible();
  await screenshot(page, 'archive-folders');

  // The client's own 档案 tab: its documents, and filing there picks the client by itself.
  await page.goto(`/#/clients/${client.id}`);
  await page.getByRole('tab', { name: '档案', exact: true }).click();
  const own = page.getByTestId('client-documents');
  await expect(own.getByRole('row').filter({ hasText: '报价单' })).toBeVisible();
  await expect(own.getByTestId('archive-filing')).toContainText('档案测试超市有限公司');
  await own
    .locator('input[type=file]')
    .setInputFiles([{ name: '营业执照.txt', mimeType: 'text/plain', buffer: Buffer.from('营业执照副本 e2e') }]);
  await expect(own.getByRole('row').filter({ hasText: '营业执照' })).toBeVisible();
  await screenshot(page, 'client-documents');
  const own2 = await api(request, 'archive.list', { clientId: client.id });
  expect(own2.rows.map((r) => r.title).sort()).toEqual(['会议纪要', '建站合同', '报价单', '营业执照'].sort());

  await page.goto('/#/archive/files');
  await page.getByRole('tab', { name: '档案体检' }).click();
  await page.getByRole('button', { name: '开始体检' }).click();
  await expect(page.getByTestId('archive-audit')).toContainText('文件夹与记录完全一致');
  await screenshot(page, 'archive-audit');

  await page.getByRole('tab', { name: '分类与路径' }).click();
  const input = page.getByLabel('归档路径模板');
  await expect(input).toHaveValue('{母目录}/{子目录}/{YYYY}/{YYYY-MM}/{YYYY-MM-DD}_{客户}_{标题}.{ext}');
  await input.fill('{母目录}/{客户}/{YYYY-MM-DD}_{标题}.{ext}');
  await expect(page.getByTestId('template-example')).toContainText('协议合同/深圳华联超市有限公司/2026-03-05_年度建站合同.pdf');
  await input.fill('{母目录}/{坏字段}.{ext}');
  await expect(page.getByText('不认识的字段')).toBeVisible();
  await screenshot(page, 'archive-settings');
});
