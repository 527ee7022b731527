import { auditArchive, LAST_AUDIT_SETTING } from '../archive/health-check.service';
import { runBackup } from '../backup/backup-run';
import { isBackupDue, readBackupSettings } from '../backup/backup-settings';
import type { OfficeContext } from '../core/context';
import { readSettingsMap } from '../settings/settings.repository';
import { todayLocal } from '../../../shared/dates';
import { isPoolRunDue, runPoolRules } from '../pool/pool-job.service';
import { readPoolLastRun } from '../pool/pool-settings';

const DAY = 24 * 3600_000;

/** The scheduled 档案体检 (no re-hash: it stays within seconds at 200k documents) runs once a day. */
export function isAuditDue(lastAt: string | null, now: Date): boolean {
  return !lastAt || now.getTime() - Date.parse(lastAt) >= DAY;
}

async function lastAuditAt(ctx: OfficeContext): Promise<string | null> {
  const stored = (await readSettingsMap(ctx.db)).get(LAST_AUDIT_SETTING) as { at?: string } | undefined;
  return stored?.at ?? null;
}

/**
 * What the office does by itself while the app (or `office serve`) runs: the daily backup once
 * the owner chose a folder, the daily archive audit whose result the dashboard shows, and the
 * 公海 rules once per office calendar day (clients due go back to the pool).
 * Checked hourly; the timer never keeps the process alive; a database that failed its startup
 * check is left alone (writes are refused anyway).
 */
export function startDailyJobs(ctx: OfficeContext, log: (text: string) => void = () => undefined): () => void {
  const tick = async (): Promise<void> => {
    await ctx.healthChecked;
    if (ctx.health && !ctx.health.ok) return;
    try {
      if (isBackupDue(await readBackupSettings(ctx), ctx.now())) log(`backup: ${(await runBackup(ctx)).folder}`);
    } catch (error) {
      log(`backup failed: ${(error as Error).message}`);
    }
    try {
      if (isAuditDue(await lastAuditAt(ctx), ctx.now())) {
        const report = await auditArchive({ ...ctx, actor: null }, false);
        log(`archive audit: ${report.findings.length} findings in ${report.documents} documents`);
      }
    } catch (error) {
      log(`archive audit failed: ${(error as Error).message}`);
    }
    try {
      const today = todayLocal(ctx.now());
      if (isPoolRunDue(readPoolLastRun(ctx.sqlite)?.asOf ?? null, today)) {
        const run = await runPoolRules({ ...ctx, actor: null }, today);
        log(`pool: ${run.returned} returned, ${run.warned} warned`);
      }
    } catch (error) {
      log(`pool rules failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => void tick(), 3600_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
