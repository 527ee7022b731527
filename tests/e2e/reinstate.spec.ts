import { api, ensureOfficeSetUp, expect, screenshot, test } from './fixtures';

/** 恢复在职 (issue 15.3): someone marked 离职 comes back; the leaving stays in 在职记录. */
test('staff: 离职, then 恢复在职 with the history kept', async ({ page, request }) => {
  await ensureOfficeSetUp(request);
  const person = await api(request, 'staff.create', {
    code: 'HF01',
    name: '回来的人',
    role: 'salesperson',
    hiredOn: '2025-03-01',
    baseSalaryFen: 300_000,
  });
  await api(request, 'staff.deactivate', { id: person.id, leftOn: '2026-10-31' });

  await page.goto('/#/staff');
  await page.getByText('显示已离职').click();
  const row = page.getByRole('row', { name: /HF01/ });
  await expect(row).toContainText('2026-10-31');
  await row.getByRole('button', { name: '恢复在职' }).click();
  const dialog = page.getByRole('dialog', { name: /恢复在职:回来的人/ });
  await expect(dialog.getByTestId('staff-history')).toContainText('2025-03-01 入职');
  await expect(dialog.getByTestId('staff-history')).toContainText('2026-10-31 离职');
  await dialog.getByLabel('原因').fill('误操作离职');
  await screenshot(page, 'staff-reinstate');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).not.toContainText('2026-10-31');
  await expect(row.getByRole('button', { name: '离职' })).toBeEnabled();

  const history = await api(request, 'staff.history', { id: person.id });
  expect(history.map((e) => e.event)).toEqual(['hired', 'left', 'reinstated']);
  expect(history[2]!.reason).toBe('误操作离职');
});
