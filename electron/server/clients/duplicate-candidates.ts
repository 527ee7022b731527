import type { CandidateClient, DuplicateGroup, DuplicateReason } from '../../../shared/contract/merge';
import { formatPhoneKey } from '../../../shared/clients/normalise';
import { similarPairs } from '../../../shared/clients/similar-names';
import type { CallContext } from '../core/context';

/**
 * 疑似重复: clients that share a normalised phone, companies that share a normalised name, and
 * companies in the same region (省/市/区) whose names are similar (shared/clients/similar-names.ts).
 * People are matched by phone only — two 张伟 are two people.
 */
export function duplicateCandidates(ctx: CallContext, input: { reasons: DuplicateReason[]; limit: number }): DuplicateGroup[] {
  const groups: { reason: DuplicateReason; key: string; ids: number[] }[] = [];
  const seen = new Set<string>();
  const add = (reason: DuplicateReason, key: string, ids: number[]): void => {
    const sorted = [...new Set(ids)].sort((a, b) => a - b);
    const signature = sorted.join(',');
    if (sorted.length < 2 || seen.has(signature)) return;
    seen.add(signature);
    groups.push({ reason, key, ids: sorted });
  };
  if (input.reasons.includes('phone')) {
    const rows = ctx.sqlite
      .prepare(
        `SELECT phone_key, json_group_array(DISTINCT client_id) AS ids FROM client_phones
         GROUP BY phone_key HAVING count(DISTINCT client_id) > 1 ORDER BY phone_key LIMIT ?`,
      )
      .all(input.limit) as { phone_key: string; ids: string }[];
    for (const r of rows) add('phone', formatPhoneKey(r.phone_key), JSON.parse(r.ids) as number[]);
  }
  if (input.reasons.includes('name') && groups.length < input.limit) {
    const rows = ctx.sqlite
      .prepare(
        `SELECT min(name) AS name, json_group_array(id) AS ids FROM clients WHERE kind = 'company' AND name_key != ''
         GROUP BY name_key HAVING count(*) > 1 ORDER BY name_key LIMIT ?`,
      )
      .all(input.limit) as { name: string; ids: string }[];
    for (const r of rows) add('name', r.name, JSON.parse(r.ids) as number[]);
  }
  if (input.reasons.includes('similar') && groups.length < input.limit) {
    for (const g of similarGroups(ctx)) {
      if (groups.length >= input.limit) break;
      add('similar', g.region, g.ids);
    }
  }
  const kept = groups.slice(0, input.limit);
  const details = candidateDetails(ctx, [...new Set(kept.flatMap((g) => g.ids))]);
  return kept.map((g) => ({ reason: g.reason, key: g.key, clients: g.ids.map((id) => details.get(id)!).filter(Boolean) }));
}

/** Similar names, region by region; pairs joined into groups (a ~ b and b ~ c make one group). */
function similarGroups(ctx: CallContext): { region: string; ids: number[] }[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, name_key, province, city, district FROM clients
       WHERE kind = 'company' AND length(name_key) >= 4 AND (province != '' OR city != '')
       ORDER BY province, city, district`,
    )
    .all() as { id: number; name_key: string; province: string; city: string; district: string }[];
  const regions = new Map<string, { id: number; key: string }[]>();
  for (const r of rows) {
    const region = [r.province, r.city, r.district].filter(Boolean).join(' ');
    const list = regions.get(region) ?? [];
    list.push({ id: r.id, key: r.name_key });
    regions.set(region, list);
  }
  const out: { region: string; ids: number[] }[] = [];
  for (const [region, items] of regions) {
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let root = x;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      parent.set(x, root);
      return root;
    };
    for (const [a, b] of similarPairs(items)) {
      const ra = find(a.id);
      const rb = find(b.id);
      if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
    }
    const byRoot = new Map<number, number[]>();
    for (const id of parent.keys()) byRoot.set(find(id), [...(byRoot.get(find(id)) ?? []), id]);
    for (const ids of byRoot.values()) out.push({ region, ids });
  }
  return out;
}

function candidateDetails(ctx: CallContext, ids: readonly number[]): Map<number, CandidateClient> {
  if (ids.length === 0) return new Map();
  const rows = ctx.sqlite
    .prepare(
      `SELECT c.id, c.name, c.kind, c.province, c.city, c.district, c.joined_on, s.name AS owner_name,
              (SELECT json_group_array(p.phone) FROM client_phones p WHERE p.client_id = c.id) AS phones,
              (SELECT count(*) FROM contracts k WHERE k.client_id = c.id) AS contracts
       FROM clients c LEFT JOIN staff s ON s.id = c.owner_staff_id WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as {
    id: number;
    name: string;
    kind: string;
    province: string;
    city: string;
    district: string;
    joined_on: string;
    owner_name: string | null;
    phones: string;
    contracts: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        kind: r.kind as CandidateClient['kind'],
        phones: JSON.parse(r.phones) as string[],
        province: r.province,
        city: r.city,
        district: r.district,
        ownerName: r.owner_name ?? '',
        joinedOn: r.joined_on,
        contracts: r.contracts,
      },
    ]),
  );
}
