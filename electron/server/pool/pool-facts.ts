import type BetterSqlite3 from 'better-sqlite3';
import type { ClientLevel } from '../../../shared/clients/classification';
import { localDateOf } from '../../../shared/calendar';
import { POOL_LEVELS, poolVerdict, type PoolFacts, type PoolSettings, type PoolVerdict } from '../../../shared/pool/pool-rules';

export type OwnedClientFacts = PoolFacts & { id: number; name: string; ownerStaffId: number; ownerName: string };

type Row = {
  id: number;
  name: string;
  level: number;
  owner: number;
  owner_name: string | null;
  joined_on: string;
  last_follow: string | null;
  last_signed: string | null;
  owned_at: string | null;
};

/**
 * The facts the pool rules read for every owned, not archived client of the levels that have a
 * rule (optionally one owner's): last follow-up, last signed contract and when the current owner
 * got it, each from an index seek per client (follow_ups_client, contracts_client_signed,
 * client_owner_history_client).
 */
export const FACTS_SQL = `
  SELECT c.id, c.name, c.level, c.owner_staff_id AS owner, s.name AS owner_name, c.joined_on,
    (SELECT max(f.happened_on) FROM follow_ups f WHERE f.client_id = c.id) AS last_follow,
    (SELECT max(k.signed_on) FROM contracts k WHERE k.client_id = c.id AND k.signed_on IS NOT NULL AND k.status != 'cancelled') AS last_signed,
    (SELECT max(h.changed_at) FROM client_owner_history h WHERE h.client_id = c.id) AS owned_at
  FROM clients c LEFT JOIN staff s ON s.id = c.owner_staff_id
  WHERE c.owner_staff_id IS NOT NULL AND c.archived_at IS NULL AND c.level IN (SELECT value FROM json_each(?))`;

/** Levels some rule can return a client of. */
export function levelsWithRules(settings: PoolSettings): ClientLevel[] {
  return POOL_LEVELS.filter((level) => {
    if (level === 1 && settings.exemptSigned) return false;
    const rule = settings.levels[level];
    return rule.noFollowUpDays !== null || rule.noContractDays !== null;
  });
}

export function loadOwnedFacts(
  sqlite: BetterSqlite3.Database,
  settings: PoolSettings,
  ownerStaffId?: number,
): OwnedClientFacts[] {
  const levels = levelsWithRules(settings);
  if (levels.length === 0) return [];
  const text = ownerStaffId === undefined ? FACTS_SQL : `${FACTS_SQL} AND c.owner_staff_id = ?`;
  const params: (string | number)[] = [JSON.stringify(levels)];
  if (ownerStaffId !== undefined) params.push(ownerStaffId);
  const rows = sqlite.prepare(text).all(...params) as Row[];
  return rows.map((r) => {
    // Ownership moves are timestamps; the clock counts the office's calendar days.
    const ownedOn = r.owned_at ? localDateOf(r.owned_at) : null;
    return {
      id: r.id,
      name: r.name,
      ownerStaffId: r.owner,
      ownerName: r.owner_name ?? '',
      level: r.level as ClientLevel,
      ownedSince: ownedOn && ownedOn > r.joined_on ? ownedOn : r.joined_on,
      lastFollowUpOn: r.last_follow,
      lastSignedOn: r.last_signed,
    };
  });
}

export type JudgedClient = OwnedClientFacts & { verdict: Exclude<PoolVerdict, { state: 'keep' }> };

/** The clients the rules warn about or return as of a day. */
export function judgeClients(facts: readonly OwnedClientFacts[], settings: PoolSettings, asOf: string): JudgedClient[] {
  const judged: JudgedClient[] = [];
  for (const f of facts) {
    const verdict = poolVerdict(f, settings, asOf);
    if (verdict.state !== 'keep') judged.push({ ...f, verdict });
  }
  return judged;
}
