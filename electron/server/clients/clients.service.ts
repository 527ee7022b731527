import type { Kysely } from 'kysely';
import type { ClientDetail, ClientPatch, DuplicateHit, NewClient } from '../../../shared/contract/clients';
import { companyNameKey, tidyName } from '../../../shared/clients/normalise';
import { completenessScore } from '../../../shared/clients/completeness';
import { todayLocal } from '../../../shared/dates';
import type { Actor } from '../../../shared/roles';
import { writeAudit } from '../audit/audit.repository';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { ClientRecord, Database } from '../db/schema';
import { findStaffById } from '../staff/staff.repository';
import { assertCanSeeClient, isScopedToOwn } from './client-scope';
import { phonesOrThrow, type PhoneEntry } from './client-phones';
import {
  completenessInputOf,
  findClientPhones,
  findClientRecord,
  replaceClientPhones,
  toClientDetail,
  writeClientSearch,
  type ClientWithOwner,
} from './clients.repository';
import { duplicateError, findDuplicates, toDuplicateHits } from './duplicates';

export async function getClient(ctx: CallContext, id: number): Promise<ClientDetail> {
  const record = await visibleClient(ctx.db, ctx.actor, id);
  return toClientDetail(record, await findClientPhones(ctx.db, id));
}

/** The client if it exists and the caller may see it; otherwise not_found. */
export async function visibleClient(db: Kysely<Database>, actor: Actor | null, id: number): Promise<ClientWithOwner> {
  const record = await findClientRecord(db, id);
  if (!record) throw notFound({ zh: '客户', en: 'Client' }, id);
  assertCanSeeClient(actor, record);
  return record;
}

export async function checkDuplicates(
  ctx: CallContext,
  probe: { kind: 'company' | 'person'; name: string; phones: string[]; excludeId?: number | undefined },
): Promise<DuplicateHit[]> {
  // Numbers that are not phones cannot clash; the form reports them when saved.
  const keys = probe.phones.map((p) => phonesKeysOrEmpty(p)).flat();
  return toDuplicateHits(
    await findDuplicates(ctx.db, { kind: probe.kind, name: probe.name, phoneKeys: keys, excludeId: probe.excludeId }),
    ctx.actor,
  );
}

function phonesKeysOrEmpty(phone: string): string[] {
  try {
    return phonesOrThrow([phone]).map((e) => e.key);
  } catch {
    return [];
  }
}

export async function createClient(ctx: CallContext, input: NewClient): Promise<ClientDetail> {
  const phones = phonesOrThrow(input.phones);
  const name = tidyName(input.name);
  const stamp = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const ownerStaffId = await resolveNewOwner(trx, ctx.actor, input.ownerStaffId);
    await assertNoDuplicates(trx, ctx.actor, { kind: input.kind, name, phones });
    if (input.referrerClientId !== null) await visibleClient(trx, ctx.actor, input.referrerClientId);
    const values = {
      kind: input.kind,
      name,
      name_key: companyNameKey(name),
      contact_name: input.contactName,
      wechat: input.wechat,
      qq: input.qq,
      email: input.email,
      address: input.address,
      province: input.province,
      city: input.city,
      district: input.district,
      township: input.township,
      industry: input.industry,
      size: input.size,
      source: input.source,
      referrer_client_id: input.referrerClientId,
      referrer_name: input.referrerName,
      joined_on: input.joinedOn ?? todayLocal(ctx.now()),
      owner_staff_id: ownerStaffId,
      level: input.level,
      grade: input.grade,
      man_money: input.manMoney ? 1 : 0,
      man_authority: input.manAuthority ? 1 : 0,
      man_need: input.manNeed ? 1 : 0,
      value_type: input.valueType,
      stage: input.stage,
      birthday: input.birthday,
      anniversary: input.anniversary,
      notes: input.notes,
      created_at: stamp,
      updated_at: stamp,
      archived_at: null,
    };
    const { id } = await trx.insertInto('clients').values(values).returning('id').executeTakeFirstOrThrow();
    await replaceClientPhones(trx, id, phones);
    await refreshDerived(trx, id, phones);
    const detail = toClientDetail((await findClientRecord(trx, id))!, await findClientPhones(trx, id));
    await writeAudit(trx, ctx.actor, { action: 'clients.create', entity: 'client', entityId: id, after: detail }, ctx.now());
    return detail;
  });
}

export async function updateClient(ctx: CallContext, patch: ClientPatch): Promise<ClientDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await visibleClient(trx, ctx.actor, patch.id);
    const before = toClientDetail(existing, await findClientPhones(trx, patch.id));
    const phones =
      patch.phones === undefined
        ? before.phones.map((p) => ({ phone: p.phone, key: p.key, kind: p.kind }))
        : phonesOrThrow(patch.phones);
    const name = patch.name === undefined ? existing.name : tidyName(patch.name);
    const kind = patch.kind ?? (existing.kind as 'company' | 'person');
    await assertNoDuplicates(trx, ctx.actor, { kind, name, phones, excludeId: patch.id });
    if (patch.referrerClientId) {
      if (patch.referrerClientId === patch.id)
        throw new AppError('invalid_input', { zh: '客户不能介绍自己。', en: 'A client cannot refer itself.' });
      await visibleClient(trx, ctx.actor, patch.referrerClientId);
    }
    const set = {
      ...(patch.kind !== undefined && { kind: patch.kind }),
      ...(patch.name !== undefined && { name, name_key: companyNameKey(name) }),
      ...(patch.contactName !== undefined && { contact_name: patch.contactName }),
      ...(patch.wechat !== undefined && { wechat: patch.wechat }),
      ...(patch.qq !== undefined && { qq: patch.qq }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.address !== undefined && { address: patch.address }),
      ...(patch.province !== undefined && { province: patch.province }),
      ...(patch.city !== undefined && { city: patch.city }),
      ...(patch.district !== undefined && { district: patch.district }),
      ...(patch.township !== undefined && { township: patch.township }),
      ...(patch.industry !== undefined && { industry: patch.industry }),
      ...(patch.size !== undefined && { size: patch.size }),
      ...(patch.source !== undefined && { source: patch.source }),
      ...(patch.referrerClientId !== undefined && { referrer_client_id: patch.referrerClientId }),
      ...(patch.referrerName !== undefined && { referrer_name: patch.referrerName }),
      ...(patch.joinedOn !== undefined && { joined_on: patch.joinedOn }),
      ...(patch.level !== undefined && { level: patch.level }),
      ...(patch.grade !== undefined && { grade: patch.grade }),
      ...(patch.manMoney !== undefined && { man_money: patch.manMoney ? 1 : 0 }),
      ...(patch.manAuthority !== undefined && { man_authority: patch.manAuthority ? 1 : 0 }),
      ...(patch.manNeed !== undefined && { man_need: patch.manNeed ? 1 : 0 }),
      ...(patch.valueType !== undefined && { value_type: patch.valueType }),
      ...(patch.stage !== undefined && { stage: patch.stage }),
      ...(patch.birthday !== undefined && { birthday: patch.birthday }),
      ...(patch.anniversary !== undefined && { anniversary: patch.anniversary }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      updated_at: ctx.now().toISOString(),
    };
    await trx.updateTable('clients').set(set).where('id', '=', patch.id).execute();
    if (patch.phones !== undefined) await replaceClientPhones(trx, patch.id, phones);
    await refreshDerived(trx, patch.id, phones);
    const after = toClientDetail((await findClientRecord(trx, patch.id))!, await findClientPhones(trx, patch.id));
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'clients.update', entity: 'client', entityId: patch.id, before, after },
      ctx.now(),
    );
    return after;
  });
}

/** Archived clients leave the everyday lists but stay on file (the office's resource). */
export async function archiveClient(ctx: CallContext, id: number, archived: boolean): Promise<ClientDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await visibleClient(trx, ctx.actor, id);
    const at = archived ? (existing.archived_at ?? ctx.now().toISOString()) : null;
    await trx.updateTable('clients').set({ archived_at: at, updated_at: ctx.now().toISOString() }).where('id', '=', id).execute();
    await writeAudit(
      trx,
      ctx.actor,
      { action: archived ? 'clients.archive' : 'clients.restore', entity: 'client', entityId: id },
      ctx.now(),
    );
    return toClientDetail((await findClientRecord(trx, id))!, await findClientPhones(trx, id));
  });
}

/** Completeness and the search index follow every change of the card. */
export async function refreshDerived(trx: Kysely<Database>, id: number, phones: readonly PhoneEntry[]): Promise<void> {
  const record = (await trx.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as ClientRecord;
  const score = completenessScore(completenessInputOf(record, phones.length));
  if (score !== record.completeness) await trx.updateTable('clients').set({ completeness: score }).where('id', '=', id).execute();
  await writeClientSearch(trx, id, {
    name: record.name,
    contactName: record.contact_name,
    phones: phones.map((p) => p.phone),
    wechat: record.wechat,
    qq: record.qq,
  });
}

async function assertNoDuplicates(
  trx: Kysely<Database>,
  actor: Actor | null,
  probe: { kind: 'company' | 'person'; name: string; phones: readonly PhoneEntry[]; excludeId?: number },
): Promise<void> {
  const matches = await findDuplicates(trx, {
    kind: probe.kind,
    name: probe.name,
    phoneKeys: probe.phones.map((p) => p.key),
    excludeId: probe.excludeId,
  });
  if (matches.length > 0) throw duplicateError(toDuplicateHits(matches, actor));
}

/** A salesperson registers clients for themself; others may name any current staff member. */
async function resolveNewOwner(
  trx: Kysely<Database>,
  actor: Actor | null,
  requested: number | null | undefined,
): Promise<number | null> {
  if (isScopedToOwn(actor)) {
    if (requested !== undefined && requested !== null && requested !== actor?.staffId) {
      throw new AppError('forbidden', {
        zh: '业务员只能登记归属自己的客户。',
        en: 'A salesperson can register clients only for themself.',
      });
    }
    return actor?.staffId ?? null;
  }
  if (requested === undefined || requested === null) return null;
  await assertActiveStaff(trx, requested);
  return requested;
}

export async function assertActiveStaff(db: Kysely<Database>, staffId: number): Promise<{ id: number; name: string }> {
  const staff = await findStaffById(db, staffId);
  if (!staff) throw notFound({ zh: '员工', en: 'Staff member' }, staffId);
  if (staff.status === 'left') {
    throw new AppError('invalid_input', {
      zh: `${staff.name}(${staff.code})已于 ${staff.left_on} 离职,不能再分配客户或合同。`,
      en: `${staff.name} (${staff.code}) left on ${staff.left_on}; clients and contracts can no longer be assigned to them.`,
    });
  }
  return { id: staff.id, name: staff.name };
}
