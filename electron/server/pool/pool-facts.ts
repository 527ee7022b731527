import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ClientsTable } from '../db/schema';
import type { ClientLevel } from '../../../shared/clients/classification';
import { addDays, localDateOf, startOfLocalDay } from '../../../shared/calendar';
import { POOL_LEVELS, poolVerdict, type PoolFacts, type PoolSettings, type PoolVerdict } from '../../../shared/pool/pool-rules';

export type OwnedClientFacts = PoolFacts & { id: number; ownerStaffId: number };

type Row = Pick<Selectable<ClientsTable>, 'id' | 'level' | 'joined_on' | 'owned_at'> & {
  owner: number;
  last_follow: string | null;
  last_signed: string | null;
};

/** Levels some rule can return a client of. */
export function levelsWithRules(settings: PoolSettings): ClientLevel[] {
  return POOL_LEVELS.filter((level) => {
    if (level === 1 && settings.exemptSigned) return false;
    const rule = settings.levels[level];
    return rule.noFollowUpDays !== null || rule.noContractDays !== null;
  });
}

/**
 * The SQL filter for clients a rule could warn about or return as of `asOf`: for a rule of N days,
 * the clock's start — the later of the day the owner got the client and the last event — must be
 * on or before asOf + warnDays − N. Each part is compared on its own column (the owner's moment as
 * the instant the office's next day begins), so clients_pool_facts answers it without the table.
 * The exact verdict is still poolVerdict's; this only keeps the other 99% out of JavaScript.
 */
function candidateFilter(settings: PoolSettings, asOf: string): { sql: string; params: (string | number)[] } {
  const branches: string[] = [];
  const params: (string | number)[] = [];
  for (const level of levelsWithRules(settings)) {
    const rule = settings.levels[level];
    const parts: string[] = [];
    for (const [days, column] of [
      [rule.noFollowUpDays, 'c.last_follow_up_on'],
      [rule.noContractDays, 'c.last_signed_on'],
    ] as const) {
      if (days === null) continue;
      const cutoff = addDays(asOf, settings.warnDays - days);
      parts.push(`(c.joined_on <= ? AND (c.owned_at IS NULL OR c.owned_at < ?) AND (${column} IS NULL OR ${column} <= ?))`);
      params.push(cutoff, startOfLocalDay(addDays(cutoff, 1)), cutoff);
    }
    branches.push(`(c.level = ${level} AND (${parts.join(' OR ')}))`);
  }
  return { sql: branches.length ? branches.join(' OR ') : '0', params };
}

export function candidateSql(
  settings: PoolSettings,
  asOf: string,
  ownerStaffId?: number,
): { sql: string; params: (string | number)[] } {
  const filter = candidateFilter(settings, asOf);
  const owner = ownerStaffId === undefined ? 'c.owner_staff_id IS NOT NULL' : 'c.owner_staff_id = ?';
  return {
    // Only columns of clients_pool_facts: the index answers alone, no table row is read.
    sql: `SELECT c.id, c.level, c.owner_staff_id AS owner, c.joined_on,
                 c.last_follow_up_on AS last_follow, c.last_signed_on AS last_signed, c.owned_at
          FROM clients c INDEXED BY clients_pool_facts
          WHERE ${owner} AND c.archived_at IS NULL AND (${filter.sql})`,
    params: [...(ownerStaffId === undefined ? [] : [ownerStaffId]), ...filter.params],
  };
}

/** The owned clients the rules might warn about or return as of `asOf` (optionally one owner's), with their facts. */
export function loadCandidateFacts(
  sqlite: BetterSqlite3.Database,
  settings: PoolSettings,
  asOf: string,
  ownerStaffId?: number,
): OwnedClientFacts[] {
  const { sql, params } = candidateSql(settings, asOf, ownerStaffId);
  return (sqlite.prepare(sql).all(...params) as Row[]).map((r) => {
    // Ownership moves are timestamps; the clock counts the office's calendar days.
    const ownedOn = r.owned_at ? localDateOf(r.owned_at) : null;
    return {
      id: r.id,
      ownerStaffId: r.owner,
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

/** Warned or due clients as of a day: the candidates, judged exactly. */
export function judgedClients(
  sqlite: BetterSqlite3.Database,
  settings: PoolSettings,
  asOf: string,
  ownerStaffId?: number,
): JudgedClient[] {
  return judgeClients(loadCandidateFacts(sqlite, settings, asOf, ownerStaffId), settings, asOf);
}

/** Names for the few clients a caller shows (the candidate query reads the index only). */
export function clientNames(sqlite: BetterSqlite3.Database, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = sqlite
    .prepare('SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function staffNames(sqlite: BetterSqlite3.Database): Map<number, string> {
  const rows = sqlite.prepare('SELECT id, name FROM staff').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
