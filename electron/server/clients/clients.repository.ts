import { sql, type Kysely } from 'kysely';
import type { ClientDetail, ClientListRow, ClientPhone, OwnerHistoryRow } from '../../../shared/contract/clients';
import type { ClientGrade, ClientLevel, ClientSource, SalesStage, ValueType } from '../../../shared/clients/classification';
import { isQualified } from '../../../shared/clients/classification';
import { missingItems, type CompletenessInput } from '../../../shared/clients/completeness';
import type { PhoneKind } from '../../../shared/clients/normalise';
import { searchTokens } from '../../../shared/clients/search-grams';
import type { ClientRecord, Database } from '../db/schema';

export type ClientWithOwner = ClientRecord & { owner_name: string | null; referrer_client_name: string | null };

export async function findClientRecord(db: Kysely<Database>, id: number): Promise<ClientWithOwner | undefined> {
  return db
    .selectFrom('clients as c')
    .leftJoin('staff as s', 's.id', 'c.owner_staff_id')
    .leftJoin('clients as r', 'r.id', 'c.referrer_client_id')
    .selectAll('c')
    .select(['s.name as owner_name', 'r.name as referrer_client_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function findClientPhones(db: Kysely<Database>, clientId: number): Promise<ClientPhone[]> {
  const rows = await db
    .selectFrom('client_phones')
    .select(['phone', 'phone_key', 'kind'])
    .where('client_id', '=', clientId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ phone: r.phone, key: r.phone_key, kind: r.kind as PhoneKind }));
}

export async function replaceClientPhones(
  db: Kysely<Database>,
  clientId: number,
  phones: readonly { phone: string; key: string; kind: PhoneKind }[],
): Promise<void> {
  await db.deleteFrom('client_phones').where('client_id', '=', clientId).execute();
  if (phones.length === 0) return;
  await db
    .insertInto('client_phones')
    .values(phones.map((p) => ({ client_id: clientId, phone: p.phone, phone_key: p.key, kind: p.kind })))
    .execute();
}

/** Keep the search index in step with what is searchable: name, contact, phones, WeChat, QQ. */
export async function writeClientSearch(
  db: Kysely<Database>,
  clientId: number,
  fields: { name: string; contactName: string; phones: readonly string[]; wechat: string; qq: string },
): Promise<void> {
  await sql`DELETE FROM client_search WHERE rowid = ${clientId}`.execute(db);
  await sql`INSERT INTO client_search(rowid, grams) VALUES (${clientId}, ${clientSearchText(fields)})`.execute(db);
}

export function clientSearchText(fields: {
  name: string;
  contactName: string;
  phones: readonly string[];
  wechat: string;
  qq: string;
}): string {
  return searchTokens([fields.name, fields.contactName, ...fields.phones, fields.wechat, fields.qq]);
}

export function completenessInputOf(r: ClientRecord, phoneCount: number): CompletenessInput {
  return {
    name: r.name,
    contactName: r.contact_name,
    phoneCount,
    wechat: r.wechat,
    qq: r.qq,
    email: r.email,
    address: r.address,
    province: r.province,
    city: r.city,
    district: r.district,
    industry: r.industry,
    source: r.source,
    grade: r.grade,
    manMoney: r.man_money === 1,
    manAuthority: r.man_authority === 1,
    manNeed: r.man_need === 1,
    birthday: r.birthday,
    anniversary: r.anniversary,
    notes: r.notes,
  };
}

export function toClientDetail(r: ClientWithOwner, phones: ClientPhone[]): ClientDetail {
  return {
    ...listFields(r),
    phones,
    wechat: r.wechat,
    qq: r.qq,
    email: r.email,
    address: r.address,
    township: r.township,
    industry: r.industry,
    size: r.size,
    referrerClientId: r.referrer_client_id,
    referrerClientName: r.referrer_client_name ?? '',
    referrerName: r.referrer_name,
    manMoney: r.man_money === 1,
    manAuthority: r.man_authority === 1,
    manNeed: r.man_need === 1,
    qualified: isQualified({ money: r.man_money === 1, authority: r.man_authority === 1, need: r.man_need === 1 }),
    valueType: r.value_type as ValueType | '',
    birthday: r.birthday,
    anniversary: r.anniversary,
    notes: r.notes,
    missing: missingItems(completenessInputOf(r, phones.length)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

type ListSource = Pick<
  ClientRecord,
  | 'id'
  | 'kind'
  | 'name'
  | 'contact_name'
  | 'province'
  | 'city'
  | 'district'
  | 'source'
  | 'level'
  | 'grade'
  | 'stage'
  | 'owner_staff_id'
  | 'joined_on'
  | 'completeness'
  | 'archived_at'
> & { owner_name: string | null };

function listFields(r: ListSource): Omit<ClientListRow, 'phone'> {
  return {
    id: r.id,
    kind: r.kind as ClientListRow['kind'],
    name: r.name,
    contactName: r.contact_name,
    province: r.province,
    city: r.city,
    district: r.district,
    source: r.source as ClientSource,
    level: r.level as ClientLevel,
    grade: r.grade as ClientGrade | '',
    stage: r.stage as SalesStage,
    ownerStaffId: r.owner_staff_id,
    ownerName: r.owner_name ?? '',
    joinedOn: r.joined_on,
    completeness: r.completeness,
    archived: r.archived_at !== null,
  };
}

export function toClientListRow(r: ListSource & { phone: string | null }): ClientListRow {
  return { ...listFields(r), phone: r.phone ?? '' };
}

export async function listOwnerHistory(
  db: Kysely<Database>,
  clientId: number,
): Promise<Omit<OwnerHistoryRow, 'changedByName'>[]> {
  const rows = await db
    .selectFrom('client_owner_history as h')
    .leftJoin('staff as f', 'f.id', 'h.from_staff_id')
    .leftJoin('staff as t', 't.id', 'h.to_staff_id')
    .select([
      'h.id',
      'h.changed_at',
      'h.from_staff_id',
      'f.name as from_name',
      'h.to_staff_id',
      't.name as to_name',
      'h.changed_by',
      'h.reason',
    ])
    .where('h.client_id', '=', clientId)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    changedAt: r.changed_at,
    fromStaffId: r.from_staff_id,
    fromName: r.from_name ?? '',
    toStaffId: r.to_staff_id,
    toName: r.to_name ?? '',
    changedBy: r.changed_by,
    reason: r.reason,
  }));
}
