import type { z } from 'zod';
import type { Selectable } from 'kysely';
import type { ClientsTable } from '../db/schema';
import type { PoolRow, poolListSchema } from '../../../shared/contract/pool';
import type { ClientLevel, ClientSource } from '../../../shared/clients/classification';
import { searchMatchExpression } from '../../../shared/clients/search-grams';
import type { PoolSettings } from '../../../shared/pool/pool-rules';
import type { CallContext } from '../core/context';
import { isScopedToOwn } from '../clients/client-scope';
import { readPoolSettings } from './pool-settings';

type PoolListInput = z.output<typeof poolListSchema>;

/** Whether this caller sees a pool client's phones, WeChat, contact and notes before claiming. */
function seesContacts(ctx: CallContext, settings: PoolSettings): boolean {
  return !isScopedToOwn(ctx.actor) || settings.showContacts;
}

type PoolSqlRow = Pick<
  Selectable<ClientsTable>,
  | 'id'
  | 'kind'
  | 'name'
  | 'province'
  | 'city'
  | 'district'
  | 'level'
  | 'source'
  | 'industry'
  | 'joined_on'
  | 'pool_since'
  | 'contact_name'
  | 'wechat'
  | 'qq'
  | 'notes'
> & {
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
