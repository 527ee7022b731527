import type { PoolSummary, PoolWarning } from '../../../shared/contract/pool';
import { todayLocal } from '../../../shared/dates';
import type { PoolSettings } from '../../../shared/pool/pool-rules';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext } from '../core/context';
import { isScopedToOwn } from '../clients/client-scope';
import { clientNames, judgedClients, staffNames } from './pool-facts';
import { POOL_SETTINGS_KEY, readPoolLastRun, readPoolSettings, writeJson } from './pool-settings';

/** The caller's claims today and clients held (一级 signed clients do not count toward the cap). */
export function claimFigures(ctx: CallContext, staffId: number, today: string): { claimedToday: number; holding: number } {
  const claimedToday = ctx.sqlite
    .prepare(`SELECT count(*) FROM client_owner_history WHERE to_staff_id = ? AND kind = 'claim' AND on_date = ?`)
    .pluck()
    .get(staffId, today) as number;
  const holding = ctx.sqlite
    .prepare('SELECT count(*) FROM clients WHERE owner_staff_id = ? AND archived_at IS NULL AND level != 1')
    .pluck()
    .get(staffId) as number;
  return { claimedToday, holding };
}

export function poolSummary(ctx: CallContext, asOfInput?: string): PoolSummary {
  const asOf = asOfInput ?? todayLocal(ctx.now());
  const settings = readPoolSettings(ctx.sqlite);
  const poolSize = ctx.sqlite
    .prepare('SELECT count(*) FROM clients WHERE owner_staff_id IS NULL AND archived_at IS NULL')
    .pluck()
    .get() as number;
  const staffId = ctx.actor?.staffId ?? null;
  const holds = staffId !== null && ctx.actor?.role !== 'clerk';
  const own = isScopedToOwn(ctx.actor) ? (staffId ?? -1) : undefined;
  // With automatic return off nothing will go back, so nothing is about to.
  const returningSoon = settings.autoReturn ? judgedClients(ctx.sqlite, settings, asOf, own).length : 0;
  return {
    asOf,
    poolSize,
    returningSoon,
    mine: holds
      ? {
          ...claimFigures(ctx, staffId, todayLocal(ctx.now())),
          dailyClaimCap: settings.dailyClaimCap,
          holdingCap: settings.holdingCap,
        }
      : null,
    lastRun: readPoolLastRun(ctx.sqlite),
    autoReturn: settings.autoReturn,
  };
}

/**
 * Clients the rules will take back within the warning days (and those due, until the next run):
 * a salesperson's own. With automatic return off none will go back, so there is nothing to warn of.
 */
export function poolWarnings(
  ctx: CallContext,
  input: { asOf?: string | undefined; staffId?: number | undefined; limit: number },
): PoolWarning[] {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const settings = readPoolSettings(ctx.sqlite);
  const owner = isScopedToOwn(ctx.actor) ? (ctx.actor?.staffId ?? -1) : input.staffId;
  if (!settings.autoReturn) return [];
  const soonest = judgedClients(ctx.sqlite, settings, asOf, owner)
    .sort((a, b) =>
      a.verdict.returnsOn === b.verdict.returnsOn ? a.id - b.id : a.verdict.returnsOn < b.verdict.returnsOn ? -1 : 1,
    )
    .slice(0, input.limit);
  const names = clientNames(
    ctx.sqlite,
    soonest.map((j) => j.id),
  );
  const staff = staffNames(ctx.sqlite);
  return soonest.map((j) => ({
    clientId: j.id,
    clientName: names.get(j.id) ?? '',
    ownerStaffId: j.ownerStaffId,
    ownerName: staff.get(j.ownerStaffId) ?? '',
    level: j.level,
    reason: j.verdict.reason,
    since: j.verdict.since,
    returnsOn: j.verdict.returnsOn,
    daysLeft: j.verdict.daysLeft,
  }));
}

export async function updatePoolSettings(ctx: CallContext, settings: PoolSettings): Promise<PoolSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = readPoolSettings(ctx.sqlite);
    writeJson(ctx.sqlite, POOL_SETTINGS_KEY, settings);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'pool.updateSettings', entity: 'settings', entityId: POOL_SETTINGS_KEY, before, after: settings },
      ctx.now(),
    );
    return settings;
  });
}
