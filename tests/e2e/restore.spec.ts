import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, ensureOfficeSetUp, expect, test } from './fixtures';

/** What a person sees at 1366×768 (a full-page shot of the fixed shell stacks it oddly). */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
}

/**
 * Issue 15.6 (backup card) and 15.14 (restore in the UI). Runs in its own project, between
 * first-run and the rest: a restore replaces the whole office, which must not happen under
 * another test's feet.
 */
test('设置 › 备份: 立即备份 keeps the folder typed; 从备份恢复 checks, confirms and restores in place', async ({
  page,
  request,
}) => {
  // A full restore with two checks; generous for a loaded CI machine.
  test.setTimeout(300_000);
  await ensureOfficeSetUp(request);
  const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-e2e-backups-'));
  await api(request, 'clients.create', { name: '备份前的客户' });

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible({ timeout: 30_000 });
  const card = page.getByTestId('backup-card');
  const dir = card.getByLabel('备份文件夹(建议用另一块硬盘或 U 盘)');
  // One backslash, as a person types it (the placeholder used to show "D:\\门店通备份").
  await expect(dir).toHaveAttribute('placeholder', 'D:\\门店通备份');
  await card.getByRole('button', { name: '立即备份' }).click();
  await expect(card.getByText('请先填写备份文件夹的完整路径')).toBeVisible();

  // Typed, not saved: 立即备份 uses it and keeps it in one click.
  await dir.fill(backups);
  await card.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/已备份到 .*并逐个校验了 0 个档案文件/)).toBeVisible();
  expect((await api(request, 'backup.settings')).dir).toBe(backups);
  await expect(card.getByText('请先填写备份文件夹的完整路径')).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'backup-card');

  // Life goes on after the backup.
  await api(request, 'clients.create', { name: '备份后的客户' });

  await card.getByRole('button', { name: '从备份恢复…' }).click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByLabel('备份所在的文件夹')).toHaveValue(backups);
  await dialog.getByRole('button', { name: '查看备份' }).click();
  await expect(dialog.getByRole('row')).toHaveCount(2); // header + one backup
  const restoreButton = dialog.getByRole('button', { name: '恢复', exact: true });
  await expect(restoreButton).toBeDisabled();
  await dialog.getByRole('button', { name: '检查这份备份' }).click();
  const report = dialog.getByTestId('restore-report');
  await expect(report).toContainText('这份备份完好,可以恢复。');
  await expect(report).toContainText('客户 1 个');
  await expect(restoreButton).toBeDisabled();
  await dialog.getByRole('checkbox', { name: '我已了解,用这份备份替换当前数据' }).check();
  await screenshot(page, 'restore-confirm');
  await restoreButton.click();
  await expect(page.getByText('恢复完成')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/已从 .* 恢复。原来的数据保留在/)).toBeVisible();
  await screenshot(page, 'restore-done');
  await page.getByRole('button', { name: '重新载入' }).click();

  const names = (await api(request, 'clients.list', {})).rows.map((r) => r.name);
  expect(names).toContain('备份前的客户');
  expect(names).not.toContain('备份后的客户');
  await page.goto('/#/clients');
  await expect(page.getByText('备份前的客户')).toBeVisible({ timeout: 30_000 });

  // A tampered backup: the same check refuses it with the reason, and 恢复 stays disabled.
  const second = await api(request, 'backup.run', {});
  const manifest = path.join(second.folder, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  m.files.push({ relPath: '../../../evil.txt', size: 1, sha256: 'a'.repeat(64) });
  fs.writeFileSync(manifest, JSON.stringify(m));
  await page.goto('/#/settings');
  await page.getByTestId('backup-card').getByRole('button', { name: '从备份恢复…' }).click();
  await dialog.getByRole('button', { name: '查看备份' }).click();
  await dialog.getByRole('button', { name: '检查这份备份' }).click();
  await expect(report).toContainText('这份备份不能用来恢复');
  await expect(report).toContainText('指向档案文件夹之外');
  await expect(dialog.getByRole('button', { name: '恢复', exact: true })).toBeDisabled();
  await screenshot(page, 'restore-refused');
  fs.rmSync(backups, { recursive: true, force: true });
});
