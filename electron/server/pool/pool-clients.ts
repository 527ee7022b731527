/** What the people-driven pool moves share: the stamp of a move, and loading the clients it names. */
import { todayLocal } from '../../../shared/dates';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { MoveStamp } from './pool-moves';

export function stampOf(ctx: CallContext, kind: MoveStamp['kind']): MoveStamp {
  const now = ctx.now();
  return { kind, changedBy: ctx.actor?.name ?? 'system', at: now.toISOString(), onDate: todayLocal(now) };
}

export type PoolClient = {
  id: number;
  name: string;
  owner_staff_id: number | null;
  archived_at: string | null;
  level: number;
  owner_name: string | null;
};

export function loadClients(ctx: CallContext, ids: readonly number[]): PoolClient[] {
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
      {
        zh: `找不到客户:${missing.slice(0, 20).join(', ')}。请刷新公海列表后重试。`,
        en: `Clients not found: ${missing.slice(0, 20).join(', ')}. Refresh the pool and try again.`,
      },
      { missing },
    );
  return found;
}

/** Clients that are not in the pool any more (someone took them meanwhile), named with their owner (撞单 says the same). */
export function assertAllInPool(clients: readonly PoolClient[]): void {
  const taken = clients.filter((c) => c.owner_staff_id !== null || c.archived_at !== null);
  if (taken.length === 0) return;
  const zh = taken.map((c) => (c.owner_staff_id !== null ? `“${c.name}”已属于 ${c.owner_name}` : `“${c.name}”已归档`)).join(';');
  const en = taken
    .map((c) => (c.owner_staff_id !== null ? `“${c.name}” already belongs to ${c.owner_name}` : `“${c.name}” is archived`))
    .join('; ');
  throw new AppError(
    'conflict',
    { zh: `${zh},不在公海中了。请刷新列表。`, en: `${en}; no longer in the pool. Refresh the list.` },
    {
      taken: taken.map((c) => c.id),
    },
  );
}
