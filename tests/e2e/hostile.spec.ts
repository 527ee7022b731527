import { api, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

// What a careless paste or a malicious import could put in a name: markup, script, an event
// handler, control and zero-width characters. All must come back as the same text, inert.
const MARKUP = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const CONTROL = '\u0001\u0007\u200b\u202e';

test('hostile strings are stored and shown as text; nothing runs and the CSP holds', async ({ page, request }) => {
  test.setTimeout(120_000);
  await ensureOfficeSetUp(request);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // A tag per run, so the test can be repeated on one office (clients and 工号 are unique).
  const tag = Date.now().toString(36).slice(-5);
  const name = `恶意${MARKUP}${CONTROL}客户${tag}`;
  const notes = `${'很长的备注,'.repeat(300)}<b>not bold</b>`.slice(0, 2000);
  const client = await api(request, 'clients.create', { name, notes });
  expect(client.name).toBe(name);
  expect(client.notes).toBe(notes);
  await api(request, 'followups.create', {
    clientId: client.id,
    happenedOn: '2026-11-20',
    way: 'phone',
    content: `<a href="javascript:window.__pwned=3">点我</a>`,
  });
  const staff = await api(request, 'staff.create', {
    code: `X${tag}`,
    name: `<i onmouseover="window.__pwned=4">业务员${tag}</i>`,
    role: 'salesperson',
    hiredOn: '2026-01-01',
    baseSalaryFen: 300_000,
  });

  await page.goto('/#/clients');
  // Wait for the search's own answer: clicking a row of the list it replaces would click nothing.
  const searched = page.waitForResponse(
    (r) => r.url().endsWith('/api/clients.list') && (r.request().postData() ?? '').includes('恶意'),
  );
  await page.getByLabel('搜索客户').fill('恶意');
  await searched;
  const row = page.getByRole('row').filter({ hasText: tag });
  await expect(row).toContainText('<img src=x onerror=');
  await row.getByRole('link').filter({ hasText: tag }).click();
  await expect(page.getByRole('heading').filter({ hasText: tag })).toContainText(MARKUP);
  await expect(page.getByText('<b>not bold</b>', { exact: false })).toBeVisible();
  await expect(page.getByText('<a href="javascript:window.__pwned=3">点我</a>')).toBeVisible();
  await screenshot(page, 'hostile-client');

  await page.goto('/#/staff');
  await expect(page.getByText(staff.name)).toBeVisible();
  await page.getByText(staff.name).hover();
  await page.goto(`/#/print/statement/2026-11/${staff.id}`);
  await expect(page.getByText(staff.name).first()).toBeVisible();

  // Nothing ran: no flag, no dialog, no injected element (and no console error: the fixture
  // fails the test on any, which is how a CSP violation would show).
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"], i[onmouseover]').count()).toBe(0);
});
