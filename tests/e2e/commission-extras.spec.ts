import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { api, ensureOfficeSetUp, expect as baseExpect, languageOption, screenshot, test } from './fixtures';

// These screens load several queries each; on a busy CI machine 10 s is not always enough.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Choose an antd Select option, retrying a click lost while the dropdown opens (like fixtures' chooseOption, with more patience). */
async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const openDropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if (!(await openDropdown.isVisible())) await field.click();
    await openDropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 5_000 });
    await baseExpect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/**
 * Issue 19 in the browser, as the owner (sign-in not yet on): 分成 on a contract, 阶梯提成 and
 * 奖金/扣款 for a month, the what-if page and the 排行榜 — in Chinese and in English, at 1366×768.
 * Confirm/dispute as a salesperson is in commission-signed-in.spec.ts (it needs sign-in on).
 */
const today = new Date();
const MONTH = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
const DAY = `${MONTH}-${String(Math.min(today.getDate(), 28)).padStart(2, '0')}`;

type Seeded = { zhang: { id: number }; li: { id: number }; contract: { id: number; number: string } };

async function seed(request: APIRequestContext): Promise<Seeded> {
  await ensureOfficeSetUp(request);
  const existing = await api(request, 'staff.list', { includeLeft: true });
  const staff = async (code: string, name: string) =>
    existing.find((s) => s.code === code) ??
    (await api(request, 'staff.create', { code, name, role: 'salesperson', hiredOn: '2026-01-01', baseSalaryFen: 300_000 }));
  const zhang = await staff('FC01', '张分成');
  const li = await staff('FC02', '李分成');
  for (const s of [zhang, li])
    await api(request, 'plans.set', {
      month: MONTH,
      staffId: s.id,
      plan: { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null },
    });
  const list = await api(request, 'contracts.list', { search: '分成商贸', limit: 5 });
  let contract = list.rows[0];
  if (!contract) {
    const client = await api(request, 'clients.create', { name: '分成商贸有限公司', ownerStaffId: zhang.id });
    contract = await api(request, 'contracts.create', {
      clientId: client.id,
      staffId: zhang.id,
      amountFen: 2_000_001,
      signedOn: DAY,
      status: 'signed',
    });
    await api(request, 'payments.create', { contractId: contract.id, paidOn: DAY, amountFen: 2_000_001 });
  }
  return { zhang, li, contract };
}

async function openContract(page: Page, number: string) {
  await page.goto('/#/contracts');
  const search = page.getByPlaceholder(/合同编号、客户名称或产品|Number, client name or product/);
  await search.fill(number);
  await search.press('Enter');
  const row = page.getByRole('row').filter({ hasText: number }).first();
  await expect(row).toBeVisible();
  await row.locator('.ant-table-row-expand-icon').click();
}

test('分成: a contract shared 60/40 in the 合同 tab credits each person their share on the sheet and drill-down', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const { zhang, li, contract } = await seed(request);
  await openContract(page, contract.number);
  await page.getByRole('tab', { name: '分成' }).click();
  const panel = page.getByTestId('shares-panel');
  await expect(panel).toContainText('本合同不分成:业绩全部计入 张分成');
  await panel.getByRole('button', { name: '设置分成' }).click();
  const dialog = page.getByRole('dialog', { name: `合同 ${contract.number} 的分成` });
  await chooseOption(page, dialog.getByLabel('业务员 2'), '李分成');
  await dialog.getByLabel('比例(%) 1').fill('60');
  await dialog.getByLabel('比例(%) 2').fill('30');
  await expect(dialog.getByTestId('shares-sum')).toHaveText('合计 90%');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toContainText('须正好等于 100%');
  await dialog.getByLabel('比例(%) 2').fill('40');
  await expect(dialog.getByTestId('shares-sum')).toHaveText('合计 100%');
  await dialog.getByLabel('说明(可选)').fill('两人共同开发');
  await screenshot(page, 'commission-shares-dialog');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('shares-current')).toContainText('张分成 60%');
  await expect(panel.getByTestId('shares-current')).toContainText('李分成 40%');
  await screenshot(page, 'commission-shares-panel');

  // The sheet credits the shares: 2,000,001 × 60 % = 1,200,000.6 → 1,200,001; × 40 % → 800,000.
  const sheet = await api(request, 'performance.sheet', { month: MONTH });
  const sales = (id: number) => sheet.rows.find((r) => r.staffId === id)!.pay!.salesFen;
  expect(sales(zhang.id)).toBe(1_200_001);
  expect(sales(li.id)).toBe(800_000);
  await page.goto(`/#/performance/${MONTH}`);
  await page.getByTestId('sheet-table').getByRole('button', { name: '李分成' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByTestId('source-lines')).toContainText('分成 40%');
  await expect(drawer.getByTestId('source-lines')).toContainText('8,000.00');
  await screenshot(page, 'commission-shares-drilldown');
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('source-lines')).toBeHidden();

  await languageOption(page, 'English').click();
  // In English the line's note is English only (the client's name, 分成商贸, stays as it is).
  await page.getByTestId('sheet-table').getByRole('button', { name: '李分成' }).click();
  await expect(drawer.getByTestId('source-lines')).toContainText('40% share of ¥20,000.01');
  await expect(drawer.getByTestId('source-lines')).not.toContainText('分成 40%');
  await expect(drawer.getByTestId('source-lines')).not.toContainText('全额');
  await screenshot(page, 'commission-shares-drilldown-en');
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('source-lines')).toBeHidden();
  await openContract(page, contract.number);
  await page.getByRole('tab', { name: 'Shared credit' }).click();
  await expect(page.getByTestId('shares-current')).toContainText('Current shares');
  await screenshot(page, 'commission-shares-panel-en');
  await languageOption(page, '中文').click();
});

test('阶梯提成 and 奖金/扣款: set team tiers, add a bonus and a deduction; the sheet shows them in their own columns', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const { zhang } = await seed(request);
  const TIER_MONTH = '2026-06';
  await page.goto('/#/staff/targets');
  const tab = page.getByTestId('plans-tab');
  await tab.getByLabel('月份').click();
  await tab.getByLabel('月份').fill(TIER_MONTH);
  await tab.getByLabel('月份').press('Enter');
  await tab.getByRole('button', { name: '阶梯提成' }).first().click();
  const dialog = page.getByRole('dialog', { name: `${TIER_MONTH} 团队阶梯提成(业务员)` });
  // Starts from the manual's rule (5 % → 10 % above target when no team plan: 5 %, ×2).
  await expect(dialog.getByTestId('tiers-words')).toContainText('目标的 0%–100% 按 5%,100% 以上按 10%');
  await dialog.getByLabel('提成比例(%) 2').fill('8');
  await dialog.getByRole('button', { name: '添加一档' }).click();
  await dialog.getByLabel('从目标的(%) 3').fill('150');
  await dialog.getByLabel('提成比例(%) 3').fill('10');
  await expect(dialog.getByTestId('tiers-words')).toHaveText('目标的 0%–100% 按 5%,100%–150% 按 8%,150% 以上按 10%');
  await screenshot(page, 'commission-tiers-dialog');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(tab.getByTestId('team-tiers')).toContainText('150% 以上按 10%');
  const plans = await api(request, 'plans.get', { month: TIER_MONTH });
  expect(plans.teamTiers).toEqual([
    { fromBp: 0, ratePpm: 50_000 },
    { fromBp: 10_000, ratePpm: 80_000 },
    { fromBp: 15_000, ratePpm: 100_000 },
  ]);

  // 奖金与扣款 for the current month.
  await page.goto('/#/staff/payitems');
  const items = page.getByTestId('payitems-tab');
  const add = async (kind: '奖金' | '扣款', category: string, reason: string, amount: string) => {
    await items.getByRole('button', { name: '添加奖金/扣款' }).click();
    const d = page.getByRole('dialog', { name: '添加奖金或扣款' });
    await chooseOption(page, d.getByLabel('员工'), '张分成');
    await d.getByText(kind, { exact: true }).click();
    await d.getByLabel('类别').fill(category);
    await d.getByLabel('原因').fill(reason);
    await d.getByLabel('金额(元)').fill(amount);
    if (kind === '奖金') await screenshot(page, 'commission-payitem-dialog');
    await d.getByRole('button', { name: /保\s*存/ }).click();
    await expect(d).toBeHidden();
  };
  const before = (await api(request, 'payitems.list', { month: MONTH })).filter((i) => i.staffId === zhang.id).length;
  if (before === 0) {
    await add('奖金', '开单奖', '签下分成商贸', '500');
    await add('扣款', '迟到', '本月迟到两次', '50.5');
  }
  await expect(items.getByRole('row').filter({ hasText: '签下分成商贸' })).toContainText('500.00');
  await expect(items.getByRole('row').filter({ hasText: '本月迟到两次' })).toContainText('-50.50');
  await screenshot(page, 'commission-payitems');
  const row = (await api(request, 'performance.sheet', { month: MONTH })).rows.find((r) => r.staffId === zhang.id)!;
  expect(row.pay).toMatchObject({ bonusFen: 50_000, deductionFen: 5_050 });

  await page.goto(`/#/performance/${MONTH}`);
  const table = page.getByTestId('sheet-table');
  await expect(table.getByRole('columnheader', { name: '奖金' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '扣款' })).toBeVisible();
  await table.getByRole('button', { name: '张分成' }).click();
  await expect(page.locator('.ant-drawer').getByTestId('pay-lines')).toContainText('开单奖');
  await screenshot(page, 'commission-sheet-bonus');
});

test('业绩测算 and 排行榜: the what-if projects more collected with the sheet’s rule; the dashboard ranks salespeople', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const { zhang } = await seed(request);
  const standing = await api(request, 'standing.get', { staffId: zhang.id });
  await page.goto('/#/standing');
  await chooseOption(page, page.getByLabel('员工'), '张分成');
  const view = page.getByTestId('standing');
  await expect(view).toContainText('本月已计业绩');
  await expect(view).toContainText(`¥${(standing.salesFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  const whatIf = page.getByTestId('what-if');
  await whatIf.getByLabel('再回款(元)').fill('20000');
  const projection = whatIf.getByTestId('projection');
  // 张分成 has 12,000.01 credited (60 % of the shared contract) → 32,000.01: above the 30,000 target.
  await expect(projection).toContainText('¥32,000.01');
  await expect(projection).toContainText('已达到');
  // 回款计划 is on: nothing of this person's is still due this month, and the card says so.
  await expect(page.getByTestId('scheduled')).toContainText('本月没有待回款的计划');
  await screenshot(page, 'commission-standing');
  await whatIf.getByLabel('再回款(元)').fill('abc');
  await expect(whatIf).toContainText('请填写金额');
  await whatIf.getByLabel('再回款(元)').fill('20000');

  await languageOption(page, 'English').click();
  await expect(page.getByTestId('what-if')).toContainText('If more is collected this month');
  await screenshot(page, 'commission-standing-en');
  await languageOption(page, '中文').click();

  await page.goto('/#/dashboard');
  const board = page.getByTestId('leaderboard');
  await expect(board).toContainText('排行榜');
  await expect(board.getByTestId('board-collected')).toContainText('张分成');
  await screenshot(page, 'commission-leaderboard');
  await board.getByText('本年').click();
  await expect(board.getByTestId('board-newContracts')).toContainText('张分成');
  // The owner hides it from staff and shows it again.
  await board.getByRole('button', { name: '对员工隐藏' }).click();
  await expect(board).toContainText('排行榜已对员工隐藏');
  await board.getByRole('button', { name: '显示排行榜' }).click();
  await expect(board).not.toContainText('排行榜已对员工隐藏');
  await languageOption(page, 'English').click();
  await expect(page.getByTestId('leaderboard')).toContainText('Leaderboard');
  await screenshot(page, 'commission-leaderboard-en');
  await languageOption(page, '中文').click();
});
