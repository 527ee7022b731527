import type { Kysely } from 'kysely';
import type { ClientSource, SalesStage } from '../../../shared/clients/classification';
import type { PhoneKind } from '../../../shared/clients/normalise';
import type { CallContext } from '../core/context';
import type { Database } from '../db/schema';
import { clientSearchText } from './clients.repository';

export type ImportedClient = {
  kind: 'company' | 'person';
  name: string;
  nameKey: string;
  contactName: string;
  phones: { phone: string; key: string; kind: PhoneKind }[];
  wechat: string;
  qq: string;
  email: string;
  address: string;
  province: string;
  city: string;
  district: string;
  township: string;
  industry: string;
  size: string;
  source: ClientSource;
  referrerName: string;
  joinedOn: string;
  ownerStaffId: number | null;
  level: number;
  grade: string;
  stage: SalesStage;
  valueType: string;
  birthday: string | null;
  anniversary: string | null;
  notes: string;
  completeness: number;
};

type KnownClient = { clientId: number; clientName: string; ownerStaffId: number | null; ownerName: string };

/** Every existing phone key and company name key, for 撞单 checks across a whole file. */
export async function loadClientKeys(
  db: Kysely<Database>,
): Promise<{ phones: Map<string, KnownClient>; names: Map<string, KnownClient> }> {
  const phoneRows = await db
    .selectFrom('client_phones as p')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .leftJoin('staff as s', 's.id', 'c.owner_staff_id')
    .select(['p.phone_key as key', 'c.id', 'c.name', 'c.owner_staff_id', 's.name as owner_name'])
    .execute();
  const nameRows = await db
    .selectFrom('clients as c')
    .leftJoin('staff as s', 's.id', 'c.owner_staff_id')
    .select(['c.name_key as key', 'c.id', 'c.name', 'c.owner_staff_id', 's.name as owner_name'])
    .where('c.kind', '=', 'company')
    .execute();
  const toMap = (rows: typeof phoneRows): Map<string, KnownClient> =>
    new Map(
      rows.map((r) => [
        r.key,
        { clientId: r.id, clientName: r.name, ownerStaffId: r.owner_staff_id, ownerName: r.owner_name ?? '' },
      ]),
    );
  return { phones: toMap(phoneRows), names: toMap(nameRows) };
}

export type StaffEntry = { id: number; code: string; name: string; left: boolean };
export type StaffDirectory = { byCode: Map<string, StaffEntry>; byName: Map<string, StaffEntry | 'ambiguous'> };

/** Staff by 工号 (any letter case) and by name (ambiguous when two share it). */
export async function loadStaffDirectory(db: Kysely<Database>): Promise<StaffDirectory> {
  const rows = await db.selectFrom('staff').select(['id', 'code', 'name', 'status']).execute();
  const byCode = new Map<string, StaffEntry>();
  const byName = new Map<string, StaffEntry | 'ambiguous'>();
  for (const r of rows) {
    const entry = { id: r.id, code: r.code, name: r.name, left: r.status === 'left' };
    byCode.set(r.code.toLowerCase(), entry);
    byName.set(r.name, byName.has(r.name) ? 'ambiguous' : entry);
  }
  return { byCode, byName };
}

/**
 * Bulk insert with prepared statements on the raw connection — called inside the runner's
 * transaction, so all rows land or none do.
 */
export function insertImportedClients(ctx: CallContext, clients: readonly ImportedClient[]): number {
  const stamp = ctx.now().toISOString();
  const insertClient = ctx.sqlite.prepare(
    `INSERT INTO clients (kind, name, name_key, contact_name, wechat, qq, email, address, province, city, district, township,
       industry, size, source, referrer_name, joined_on, owner_staff_id, level, grade, stage, value_type, birthday, anniversary,
       notes, completeness, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPhone = ctx.sqlite.prepare('INSERT INTO client_phones (client_id, phone, phone_key, kind) VALUES (?, ?, ?, ?)');
  const insertSearch = ctx.sqlite.prepare('INSERT INTO client_search (rowid, grams) VALUES (?, ?)');
  for (const c of clients) {
    const id = Number(
      insertClient.run(
        c.kind,
        c.name,
        c.nameKey,
        c.contactName,
        c.wechat,
        c.qq,
        c.email,
        c.address,
        c.province,
        c.city,
        c.district,
        c.township,
        c.industry,
        c.size,
        c.source,
        c.referrerName,
        c.joinedOn,
        c.ownerStaffId,
        c.level,
        c.grade,
        c.stage,
        c.valueType,
        c.birthday,
        c.anniversary,
        c.notes,
        c.completeness,
        stamp,
        stamp,
      ).lastInsertRowid,
    );
    for (const p of c.phones) insertPhone.run(id, p.phone, p.key, p.kind);
    insertSearch.run(
      id,
      clientSearchText({
        name: c.name,
        contactName: c.contactName,
        phones: c.phones.map((p) => p.phone),
        wechat: c.wechat,
        qq: c.qq,
      }),
    );
  }
  return clients.length;
}
