import type { Kysely } from 'kysely';
import type { DuplicateHit } from '../../../shared/contract/clients';
import { companyNameKey, formatPhoneKey } from '../../../shared/clients/normalise';
import type { Actor } from '../../../shared/roles';
import { AppError } from '../core/app-error';
import type { Database } from '../db/schema';
import { canSeeClient } from './client-scope';

export type DuplicateMatch = {
  field: 'phone' | 'name';
  /** The phone as people read it, or the name as typed by the caller. */
  value: string;
  clientId: number;
  clientName: string;
  ownerStaffId: number | null;
  ownerName: string;
  /** An archived client without an owner is not in the pool. */
  archived?: boolean;
};

/**
 * 撞单: the same phone (any spelling) or, for companies, the same name once 全角/半角, spaces
 * and 有限公司-type suffixes are set aside. People's names are not unique (two 张伟 are two
 * clients), so a person is matched by phone only.
 */
export async function findDuplicates(
  db: Kysely<Database>,
  probe: { kind: 'company' | 'person'; name: string; phoneKeys: readonly string[]; excludeId?: number | undefined },
): Promise<DuplicateMatch[]> {
  const matches: DuplicateMatch[] = [];
  if (probe.phoneKeys.length > 0) {
    let query = db
      .selectFrom('client_phones as p')
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .leftJoin('staff as s', 's.id', 'c.owner_staff_id')
      .select(['p.phone_key', 'c.id', 'c.name', 'c.owner_staff_id', 'c.archived_at', 's.name as owner_name'])
      .where('p.phone_key', 'in', [...probe.phoneKeys]);
    if (probe.excludeId !== undefined) query = query.where('c.id', '!=', probe.excludeId);
    for (const r of await query.execute()) {
      matches.push({
        field: 'phone',
        value: formatPhoneKey(r.phone_key),
        clientId: r.id,
        clientName: r.name,
        ownerStaffId: r.owner_staff_id,
        ownerName: r.owner_name ?? '',
        archived: r.archived_at !== null,
      });
    }
  }
  if (probe.kind === 'company' && probe.name.trim()) {
    let query = db
      .selectFrom('clients as c')
      .leftJoin('staff as s', 's.id', 'c.owner_staff_id')
      .select(['c.id', 'c.name', 'c.owner_staff_id', 'c.archived_at', 's.name as owner_name'])
      .where('c.name_key', '=', companyNameKey(probe.name))
      .where('c.kind', '=', 'company');
    if (probe.excludeId !== undefined) query = query.where('c.id', '!=', probe.excludeId);
    for (const r of await query.execute()) {
      matches.push({
        field: 'name',
        value: probe.name.trim(),
        clientId: r.id,
        clientName: r.name,
        ownerStaffId: r.owner_staff_id,
        ownerName: r.owner_name ?? '',
        archived: r.archived_at !== null,
      });
    }
  }
  return matches;
}

/**
 * What the caller is told (撞单): a client in the pool (公海) is named — anyone may see and claim
 * it there — and offered for claiming; an owned client is "属于 X", and its name and id only
 * reach a caller who may see that client. Never any other detail.
 */
export function toDuplicateHits(matches: readonly DuplicateMatch[], actor: Actor | null): DuplicateHit[] {
  return matches.map((m) => {
    const inPool = m.ownerStaffId === null && m.archived !== true;
    const visible = inPool || canSeeClient(actor, m.ownerStaffId);
    return {
      field: m.field,
      value: m.value,
      ownerName: m.ownerName || '未分配',
      clientId: visible ? m.clientId : null,
      clientName: visible ? m.clientName : null,
      inPool,
    };
  });
}

/** One sentence per hit, Chinese and English: 在公海中 (可以领取), or 属于 X. */
export function describeDuplicate(hit: DuplicateHit): { zh: string; en: string } {
  const what =
    hit.field === 'phone'
      ? { zh: `电话 ${hit.value}`, en: `Phone ${hit.value}` }
      : { zh: `名称"${hit.value}"`, en: `The name "${hit.value}"` };
  if (hit.inPool) {
    return {
      zh: `${what.zh} 已登记为客户"${hit.clientName}",该客户在公海中,可以领取`,
      en: `${what.en} is already registered as client "${hit.clientName}", which is in the pool (公海) and can be claimed`,
    };
  }
  const owner =
    hit.ownerName === '未分配'
      ? { zh: '未分配业务员(已归档)', en: 'no salesperson (archived)' }
      : { zh: hit.ownerName, en: hit.ownerName };
  if (hit.clientName !== null) {
    return {
      zh: `${what.zh} 已登记为客户"${hit.clientName}"(编号 ${hit.clientId}),属于 ${owner.zh}`,
      en: `${what.en} is already registered as client "${hit.clientName}" (no. ${hit.clientId}), which belongs to ${owner.en}`,
    };
  }
  return { zh: `${what.zh} 已登记,属于 ${owner.zh}`, en: `${what.en} is already registered and belongs to ${owner.en}` };
}

export function duplicateError(hits: readonly DuplicateHit[]): AppError {
  const lines = hits.map(describeDuplicate);
  const pool = hits.some((h) => h.inPool);
  return new AppError(
    'conflict',
    {
      zh: `撞单:${lines.map((l) => l.zh).join(';')}。${pool ? '请勿重复登记;可在公海中直接领取该客户。' : '请勿重复登记;如需接手该客户,请联系经理转移。'}`,
      en: `Duplicate (撞单): ${lines.map((l) => l.en).join('; ')}. ${pool ? 'Do not register it again; claim it from the pool instead.' : 'Do not register it again; ask a manager to reassign the client if you should take it over.'}`,
    },
    {
      duplicates: hits,
      issues: hits.map((h, i) => ({
        path: h.field === 'phone' ? 'phones' : 'name',
        message: lines[i]!.zh,
        messageEn: lines[i]!.en,
      })),
    },
  );
}
