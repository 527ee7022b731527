import type { z } from 'zod';
import type { PoolRow, PoolSummary, PoolWarning, poolListSchema } from '../../../shared/contract/pool';
import type { ClientFilters } from '../../../shared/contract/clients';
import type { ClientLevel, ClientSource } from '../../../shared/clients/classification';
import { searchMatchExpression } from '../../../shared/clients/search-grams';
import { localDateOf } from '../../../shared/calendar';
import { todayLocal } from '../../../shared/dates';
import { cooldownEndsOn, type PoolSettings } from '../../../shared/pool/pool-rules';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { isScopedToOwn } from '../clients/client-scope';
import { assertActiveStaff } from '../clients/clients.service';
import { clientWhere } from '../clients/client-list.query';
import { clientNames, judgedClients, staffNames } from './pool-facts';
import { moveIntoPool, moveOutOfPool, ownedClientIds, type MoveStamp } from './pool-moves';
import { POOL_SETTINGS_KEY, readPoolLastRun, readPoolSettings, writeJson } from './pool-settings';

type PoolListInput = z.output<typeof poolListSchema>;

/** Whether this caller sees a pool client's phones, WeChat, contact and notes before claiming. */
function seesContacts(ctx: CallContext, settings: PoolSettings): boolean {
  return !isScopedToOwn(ctx.actor) || settings.showContacts;
}

type PoolSqlRow = {
  id: number;
  kind: string;
  name: string;
  province: string;
  city: string;
  district: string;
  level: number;
  source: string;
  industry: string;
  joined_on: string;
  pool_since: string | null;
  contact_name: string;
  wechat: string;
  qq: string;
  notes: string;
  last_follow: string | null;
  former_owner: string | null;
};

/**
 * 公海: clients nobody owns, newest in the pool first. What a salesperson receives is cut here,
 * in the service — a field they may not see is absent from the answer, not hidden by the page —
 * and their search looks at names only, so a phone number cannot be probed through it.
 */
export function listPool(ctx: CallContext, input: PoolListInput): { rows: PoolRow[]; total: number } {
  const settings = readPoolSettings(ctx.sqlite);
  const contacts = seesContacts(ctx, settings);
  const parts = ['c.owner_staff_id IS NULL', 'c.archived_at IS NULL'];
  const params: (string | number)[] = [];
  const eq = (column: string, value: string | number | undefined): void => {
    if (value === undefined || value === '') return;
    parts.push(`c.${column} = ?`);
    params.push(value);
  };
  eq('level', input.level);
  eq('source', input.source);
  eq('province', input.province);
  eq('city', input.city);
  if (input.search) {
    const match = contacts ? searchMatchExpression(input.search) : null;
    if (match) {
      parts.push('c.id IN (SELECT rowid FROM client_search WHERE client_search MATCH ?)');
      params.push(match);
    } else {
      parts.push(`c.name LIKE ? ESCAPE '\\'`);
      params.push(`%${input.search.replace(/[%_\\]/g, '\\$&')}%`);
    }
  }
  const where = parts.join(' AND ');
  const total = ctx.sqlite
    .prepare(`SELECT count(*) FROM clients c WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = ctx.sqlite
    .prepare(
      `SELECT c.id, c.kind, c.name, c.province, c.city, c.district, c.level, c.source, c.industry, c.joined_on, c.pool_since,
              c.contact_name, c.wechat, c.qq, c.notes,
              (SELECT max(f.happened_on) FROM follow_ups f WHERE f.client_id = c.id) AS last_follow,
              (SELECT s.name FROM client_owner_history h JOIN staff s ON s.id = h.from_staff_id
                WHERE h.client_id = c.id AND h.to_staff_id IS NULL ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) AS former_owner
       FROM clients c WHERE ${where}
       ORDER BY c.pool_since DESC, c.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit, input.offset) as PoolSqlRow[];
  const phones = contacts
    ? phonesOf(
        ctx,
        rows.map((r) => r.id),
      )
    : new Map<number, string[]>();
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind as PoolRow['kind'],
      name: r.name,
      province: r.province,
      city: r.city,
      district: r.district,
      level: r.level as ClientLevel,
      source: r.source as ClientSource,
      industry: r.industry,
      joinedOn: r.joined_on,
      lastFollowUpOn: r.last_follow,
      poolSince: r.pool_since,
      ...(!isScopedToOwn(ctx.actor) && { formerOwnerName: r.former_owner ?? '' }),
      ...(contacts && {
        contacts: { contactName: r.contact_name, phones: phones.get(r.id) ?? [], wechat: r.wechat, qq: r.qq, notes: r.notes },
      }),
    })),
  };
}

function phonesOf(ctx: CallContext, ids: readonly number[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = ctx.sqlite
    .prepare('SELECT client_id, phone FROM client_phones WHERE client_id IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(JSON.stringify(ids)) as { client_id: number; phone: string }[];
  for (const r of rows) map.set(r.client_id, [...(map.get(r.client_id) ?? []), r.phone]);
  return map;
}

/** The caller's claims today and clients held (一级 signed clients do not count toward the cap). */
function claimFigures(ctx: CallContext, staffId: number, today: string): { claimedToday: number; holding: number } {
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

function stampOf(ctx: CallContext, kind: MoveStamp['kind']): MoveStamp {
  const now = ctx.now();
  return { kind, changedBy: ctx.actor?.name ?? 'system', at: now.toISOString(), onDate: todayLocal(now) };
}

type PoolClient = {
  id: number;
  name: string;
  owner_staff_id: number | null;
  archived_at: string | null;
  level: number;
  owner_name: string | null;
};

function loadClients(ctx: CallContext, ids: readonly number[]): PoolClient[] {
  const found = ctx.sqlite
    .prepare(
      `SELECT c.id, c.name, c.owner_staff_id, c.archived_at, c.level, s.name AS owner_name
       FROM clients c LEFT JOIN staff s ON s.id = c.owner_staff_id WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as PoolClient[];
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0)
    throw new AppError(
      'not_found',
      `找不到客户:${missing.slice(0, 20).join(', ')}。请刷新公海列表后重试。`,
      `Clients not found: ${missing.slice(0, 20).join(', ')}. Refresh the pool and try again.`,
      { missing },
    );
  return found;
}

/** Clients that are not in the pool any more (someone took them meanwhile), named with their owner (撞单 says the same). */
function assertAllInPool(clients: readonly PoolClient[]): void {
  const taken = clients.filter((c) => c.owner_staff_id !== null || c.archived_at !== null);
  if (taken.length === 0) return;
  const zh = taken.map((c) => (c.owner_staff_id !== null ? `“${c.name}”已属于 ${c.owner_name}` : `“${c.name}”已归档`)).join(';');
  const en = taken
    .map((c) => (c.owner_staff_id !== null ? `“${c.name}” already belongs to ${c.owner_name}` : `“${c.name}” is archived`))
    .join('; ');
  throw new AppError('conflict', `${zh},不在公海中了。请刷新列表。`, `${en}; no longer in the pool. Refresh the list.`, {
    taken: taken.map((c) => c.id),
  });
}

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
    throw new AppError(
      'forbidden',
      '领取客户需要以员工身份登录(本机店长账户不持有客户);请用“分配”把客户交给业务员。',
      'Claiming needs you signed in as a staff member (the local owner holds no clients); use Assign to give clients to a salesperson.',
    );
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
        `每人每天最多领取 ${settings.dailyClaimCap} 位客户,您今天已领取 ${figures.claimedToday} 位,还可领取 ${left} 位(本次选了 ${ids.length} 位)。明天再领取,或请经理分配。`,
        `Each person may claim ${settings.dailyClaimCap} clients a day; you claimed ${figures.claimedToday} today and may claim ${left} more (you chose ${ids.length}). Claim again tomorrow, or ask a manager to assign them.`,
        { cap: 'daily', limit: settings.dailyClaimCap, used: figures.claimedToday, left },
      );
    }
    const adding = clients.filter((c) => c.level !== 1).length;
    if (settings.holdingCap !== null && figures.holding + adding > settings.holdingCap) {
      const left = Math.max(0, settings.holdingCap - figures.holding);
      throw new AppError(
        'conflict',
        `每人最多持有 ${settings.holdingCap} 位未成交客户(一级已成交客户不计),您已有 ${figures.holding} 位,还可领取 ${left} 位。请先跟进或退回一些客户。`,
        `Each person may hold ${settings.holdingCap} clients not yet signed (level-1 signed clients do not count); you hold ${figures.holding} and may claim ${left} more. Work or return some clients first.`,
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
        `客户“${c.name}”于 ${leftOn} 从您名下退回公海,冷却期 ${cooldownDays} 天,${until} 起才能再次领取。`,
        `“${c.name}” left you for the pool on ${leftOn}; after a ${cooldownDays}-day cooldown you may claim it again from ${until}.`,
        { cap: 'cooldown', clientId: c.id, until },
      );
  }
}

/** A manager gives pool clients to a colleague (caps are for claims; a manager decides). */
export async function assignFromPool(
  ctx: CallContext,
  input: { clientIds: number[]; toStaffId: number; reason: string },
): Promise<{ assigned: number }> {
  const ids = [...new Set(input.clientIds)];
  return ctx.db.transaction().execute(async (trx) => {
    const to = await assertActiveStaff(trx, input.toStaffId);
    assertAllInPool(loadClients(ctx, ids));
    const reason = input.reason || '经理从公海分配 / Assigned from the pool';
    const assigned = moveOutOfPool(ctx.sqlite, ids, to.id, reason, stampOf(ctx, 'assign'));
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'pool.assign', entity: 'client', entityId: null, after: { clientIds: ids, toStaffId: to.id, reason } },
      ctx.now(),
    );
    return { assigned };
  });
}

/** A manager puts owned clients back by hand: chosen ones, or every client the list's filters match. */
export async function putBackToPool(
  ctx: CallContext,
  input: { clientIds?: number[] | undefined; filters?: ClientFilters | undefined; reason: string },
): Promise<{ returned: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    let owned: { id: number; owner_staff_id: number | null }[];
    if (input.clientIds) {
      owned = loadClients(ctx, [...new Set(input.clientIds)]);
    } else {
      const where = clientWhere(input.filters!, null);
      owned = ctx.sqlite
        .prepare(`SELECT c.id, c.owner_staff_id FROM clients c ${where.sql}`)
        .all(...where.params) as typeof owned;
    }
    const moves = owned
      .filter((c): c is { id: number; owner_staff_id: number } => c.owner_staff_id !== null)
      .map((c) => ({
        clientId: c.id,
        fromStaffId: c.owner_staff_id,
        reason: `退回公海:${input.reason} / Put back: ${input.reason}`,
      }));
    const returned = moveIntoPool(ctx.sqlite, moves, stampOf(ctx, 'put_back'));
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'pool.putBack',
        entity: 'client',
        entityId: null,
        after: { reason: input.reason, filters: input.filters ?? null, clientIds: moves.map((m) => m.clientId), returned },
      },
      ctx.now(),
    );
    return { returned };
  });
}

/**
 * Leaving staff (离职 or a confirmed dismissal): every one of their clients goes to the pool, in
 * the caller's transaction, each with a history row saying why.
 */
export function leavingStaffToPool(ctx: CallContext, staffId: number, staffName: string): number {
  const ids = ownedClientIds(ctx.sqlite, staffId);
  return moveIntoPool(
    ctx.sqlite,
    ids.map((id) => ({
      clientId: id,
      fromStaffId: staffId,
      reason: `${staffName} 离职,客户退回公海 / ${staffName} left; client back to the pool`,
    })),
    stampOf(ctx, 'leave'),
  );
}
