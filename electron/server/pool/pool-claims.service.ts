import { localDateOf } from '../../../shared/calendar';
import { todayLocal } from '../../../shared/dates';
import { cooldownEndsOn } from '../../../shared/pool/pool-rules';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { assertActiveStaff } from '../clients/clients.service';
import { assertAllInPool, loadClients, stampOf, type PoolClient } from './pool-clients';
import { moveOutOfPool } from './pool-moves';
import { readPoolSettings } from './pool-settings';
import { claimFigures } from './pool.service';

/**
 * A salesperson (or manager/owner for themself) takes clients from the pool, within the office's
 * caps: claims per calendar day, clients held (一级 signed ones do not count), and a cooldown
 * before a former owner takes back a client they let go. All or nothing.
 */
export async function claimClients(
  ctx: CallContext,
  clientIds: readonly number[],
): Promise<{ claimed: number; claimedToday: number; dailyClaimCap: number | null }> {
  const staffId = ctx.actor?.staffId ?? null;
  if (staffId === null)
    throw new AppError('forbidden', {
      zh: '领取客户需要以员工身份登录(本机店长账户不持有客户);请用“分配”把客户交给业务员。',
      en: 'Claiming needs you signed in as a staff member (the local owner holds no clients); use Assign to give clients to a salesperson.',
    });
  const ids = [...new Set(clientIds)];
  const today = todayLocal(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    await assertActiveStaff(trx, staffId);
    const settings = readPoolSettings(ctx.sqlite);
    const clients = loadClients(ctx, ids);
    assertAllInPool(clients);
    assertCooldownOver(ctx, staffId, clients, settings.cooldownDays, today);
    const figures = claimFigures(ctx, staffId, today);
    if (settings.dailyClaimCap !== null && figures.claimedToday + ids.length > settings.dailyClaimCap) {
      const left = Math.max(0, settings.dailyClaimCap - figures.claimedToday);
      throw new AppError(
        'conflict',
        {
          zh: `每人每天最多领取 ${settings.dailyClaimCap} 位客户,您今天已领取 ${figures.claimedToday} 位,还可领取 ${left} 位(本次选了 ${ids.length} 位)。明天再领取,或请经理分配。`,
          en: `Each person may claim ${settings.dailyClaimCap} clients a day; you claimed ${figures.claimedToday} today and may claim ${left} more (you chose ${ids.length}). Claim again tomorrow, or ask a manager to assign them.`,
        },
        { cap: 'daily', limit: settings.dailyClaimCap, used: figures.claimedToday, left },
      );
    }
    const adding = clients.filter((c) => c.level !== 1).length;
    if (settings.holdingCap !== null && figures.holding + adding > settings.holdingCap) {
      const left = Math.max(0, settings.holdingCap - figures.holding);
      throw new AppError(
        'conflict',
        {
          zh: `每人最多持有 ${settings.holdingCap} 位未成交客户(一级已成交客户不计),您已有 ${figures.holding} 位,还可领取 ${left} 位。请先跟进或退回一些客户。`,
          en: `Each person may hold ${settings.holdingCap} clients not yet signed (level-1 signed clients do not count); you hold ${figures.holding} and may claim ${left} more. Work or return some clients first.`,
        },
        { cap: 'holding', limit: settings.holdingCap, used: figures.holding, left },
      );
    }
    const claimed = moveOutOfPool(ctx.sqlite, ids, staffId, '从公海领取 / Claimed from the pool', stampOf(ctx, 'claim'));
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'pool.claim', entity: 'client', entityId: null, after: { clientIds: ids, staffId } },
      ctx.now(),
    );
    return { claimed, claimedToday: figures.claimedToday + claimed, dailyClaimCap: settings.dailyClaimCap };
  });
}

/** A former owner waits `cooldownDays` office calendar days after a client left them for the pool. */
function assertCooldownOver(
  ctx: CallContext,
  staffId: number,
  clients: readonly PoolClient[],
  cooldownDays: number,
  today: string,
): void {
  if (cooldownDays <= 0) return;
  const lastLeft = ctx.sqlite.prepare(
    `SELECT on_date, changed_at FROM client_owner_history
     WHERE client_id = ? AND from_staff_id = ? AND to_staff_id IS NULL ORDER BY changed_at DESC, id DESC LIMIT 1`,
  );
  for (const c of clients) {
    const row = lastLeft.get(c.id, staffId) as { on_date: string | null; changed_at: string } | undefined;
    if (!row) continue;
    const leftOn = row.on_date ?? localDateOf(row.changed_at);
    const until = cooldownEndsOn(leftOn, cooldownDays);
    if (today < until)
      throw new AppError(
        'conflict',
        {
          zh: `客户“${c.name}”于 ${leftOn} 从您名下退回公海,冷却期 ${cooldownDays} 天,${until} 起才能再次领取。`,
          en: `“${c.name}” left you for the pool on ${leftOn}; after a ${cooldownDays}-day cooldown you may claim it again from ${until}.`,
        },
        { cap: 'cooldown', clientId: c.id, until },
      );
  }
}
