import { api, chooseOption, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

/**
 * A manager sets a personal plan in the UI; two closed months below the floor put the person on
 * 待辞退; the owner confirms in the UI and every client goes to a colleague.
 */
test('月度指标 and 待辞退: set a plan, close two months, the owner dismisses with the clients handed over', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await ensureOfficeSetUp(request);
  const low = await api(request, 'staff.create', {
    code: 'D001',
    name: '赵低迷',
    role: 'salesperson',
    hiredOn: '2026-01-01',
    baseSalaryFen: 280_000,
  });
  const heir = await api(request, 'staff.create', {
    code: 'D002',
    name: '钱接手',
    role: 'salesperson',
    hiredOn: '2026-01-01',
    baseSalaryFen: 300_000,
  });
  for (const name of ['赵的客户甲', '赵的客户乙']) await api(request, 'clients.create', { name, ownerStaffId: low.id });

  // August's personal plan, typed as a manager would.
  await page.goto('/#/staff/targets');
  const tab = page.getByTestId('plans-tab');
  await tab.getByLabel('月份').click();
  await tab.getByLabel('月份').fill('2026-08');
  await tab.getByLabel('月份').press('Enter');
  const row = tab.getByRole('row').filter({ hasText: 'D001' });
  await row.getByRole('button', { name: '设置个人指标' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('保底销售额(元)').fill('10,000');
  await dialog.getByLabel('目标销售额(元)').fill('abc');
  await dialog.getByLabel('提成比例(%)').fill('5');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写金额,例如 30000 或 30,000.00')).toBeVisible();
  await dialog.getByLabel('目标销售额(元)').fill('30000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('10,000.00');
  await expect(row).toContainText('个人');
  await screenshot(page, 'commission-plans');
  const august = await api(request, 'plans.get', { month: '2026-08' });
  expect(august.people.find((p) => p.code === 'D001')!.override).toMatchObject({
    floorFen: 1_000_000,
    targetFen: 3_000_000,
    rateBp: 500,
  });

  // September: the same plan through the API; both months closed with no sales.
  await api(request, 'plans.set', {
    month: '2026-09',
    staffId: low.id,
    plan: { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: null, leaveReason: null },
  });
  for (const month of ['2026-08', '2026-09']) {
    const states = await api(request, 'months.list');
    if (!states.some((m) => m.month === month && m.closed)) await api(request, 'months.close', { month });
  }

  await page.goto('/#/staff/months');
  const cases = page.getByTestId('dismissal-cases');
  const item = cases.locator('.ant-list-item').filter({ hasText: '赵低迷' });
  await expect(item).toContainText('待辞退');
  await expect(item).toContainText('2026-08');
  await expect(item).toContainText('2026-09');
  await expect(item).toContainText('名下客户 2 位');
  await screenshot(page, 'commission-dismissals');
  await item.getByRole('button', { name: '确认辞退' }).click();
  const decide = page.getByRole('dialog', { name: '确认辞退 赵低迷' });
  await decide.getByLabel('理由(必填)').fill('连续两个月低于保底销售额');
  await chooseOption(page, decide.getByLabel('客户转给'), '钱接手');
  await decide.getByRole('button', { name: '确认辞退' }).click();
  await expect(decide).toBeHidden();
  await expect(cases.locator('.ant-list-item').filter({ hasText: '赵低迷' })).toHaveCount(0);

  const after = await api(request, 'staff.get', { id: low.id });
  expect(after.status).toBe('left');
  const moved = await api(request, 'clients.list', { ownerStaffId: heir.id, limit: 10 });
  expect(moved.rows.map((r) => r.name).sort()).toEqual(['赵的客户乙', '赵的客户甲'].sort());
  const log = await api(request, 'audit.list', { entity: 'staff' });
  expect(log.rows.some((r) => r.action === 'dismissals.dismiss' && r.entityId === String(low.id))).toBe(true);
});
