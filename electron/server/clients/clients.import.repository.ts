import type { Kysely } from 'kysely';
import type { ClientSource, SalesStage } from '../../../shared/clients/classification';
import { completenessScore } from '../../../shared/clients/completeness';
import type { PhoneKind } from '../../../shared/clients/normalise';
import { writeAudit } from '../audit/audit.repository';
import type { CallContext } from '../core/context';
import type { ClientRecord, Database } from '../db/schema';
import { CLIENT_TEXT_LIST, type ClientField, type ClientTextInput } from './clients.columns';
import { clientSearchText, completenessInputOf, writeClientSearch } from './clients.repository';

/** A row ready to write: the plain text fields (CLIENT_TEXT_FIELDS) by input key, and the rest. */
export type ImportedClient = Record<ClientTextInput, string> & {
  /** The caller's own client this row updates (duplicates policy 'update'), or null for a new client. */
  updateId?: number | null;
  /** The fields the file fills in for that update. */
  updateFields?: ClientField[];
  kind: 'company' | 'person';
  name: string;
  nameKey: string;
  phones: { phone: string; key: string; kind: PhoneKind }[];
  source: ClientSource;
  joinedOn: string;
  ownerStaffId: number | null;
  level: number;
  grade: string;
  stage: SalesStage;
  valueType: string;
  birthday: string | null;
  anniversary: string | null;
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
  const textColumns = CLIENT_TEXT_LIST.map(([, t]) => t.column);
  const columns = [
    'kind',
    'name',
    'name_key',
    ...textColumns,
    'source',
    'joined_on',
    'owner_staff_id',
    'level',
    'grade',
    'stage',
    'value_type',
    'birthday',
    'anniversary',
    'completeness',
    'created_at',
    'updated_at',
  ];
  const insertClient = ctx.sqlite.prepare(
    `INSERT INTO clients (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const insertPhone = ctx.sqlite.prepare('INSERT INTO client_phones (client_id, phone, phone_key, kind) VALUES (?, ?, ?, ?)');
  const insertSearch = ctx.sqlite.prepare('INSERT INTO client_search (rowid, grams) VALUES (?, ?)');
  for (const c of clients) {
    const id = Number(
      insertClient.run(
        c.kind,
        c.name,
        c.nameKey,
        ...CLIENT_TEXT_LIST.map(([, t]) => c[t.input]),
        c.source,
        c.joinedOn,
        c.ownerStaffId,
        c.level,
        c.grade,
        c.stage,
        c.valueType,
        c.birthday,
        c.anniversary,
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

/** Database columns each updatable field writes. */
const COLUMNS_OF: Partial<Record<ClientField, (c: ImportedClient) => Partial<Record<keyof ClientRecord, unknown>>>> = {
  // Plain text fields write their own column; notes are added to, not replaced (below).
  ...Object.fromEntries(
    CLIENT_TEXT_LIST.filter(([field]) => field !== 'notes').map(([field, t]) => [
      field,
      (c: ImportedClient) => ({ [t.column]: c[t.input] }),
    ]),
  ),
  region: (c) => ({ province: c.province, city: c.city, district: c.district, township: c.township }),
  source: (c) => ({ source: c.source }),
  level: (c) => ({ level: c.level }),
  grade: (c) => ({ grade: c.grade }),
  stage: (c) => ({ stage: c.stage }),
  valueType: (c) => ({ value_type: c.valueType }),
  birthday: (c) => ({ birthday: c.birthday }),
  anniversary: (c) => ({ anniversary: c.anniversary }),
};

/**
 * Update the caller's own clients that the file matched (撞单, duplicates policy 'update'):
 * only the fields the file fills in; notes are added to, not replaced; new phones are added.
 * The owner never changes here. Each client's before → after is in the audit log.
 */
export async function updateImportedClients(
  trx: Kysely<Database>,
  ctx: CallContext,
  clients: readonly ImportedClient[],
): Promise<number> {
  const stamp = ctx.now().toISOString();
  const read = ctx.sqlite.prepare('SELECT * FROM clients WHERE id = ?');
  const phonesOf = ctx.sqlite.prepare('SELECT phone, phone_key FROM client_phones WHERE client_id = ?');
  const addPhone = ctx.sqlite.prepare('INSERT INTO client_phones (client_id, phone, phone_key, kind) VALUES (?, ?, ?, ?)');
  for (const c of clients) {
    const id = c.updateId!;
    const before = read.get(id) as ClientRecord;
    const changes: Record<string, unknown> = {};
    for (const field of c.updateFields ?? []) Object.assign(changes, COLUMNS_OF[field]?.(c) ?? {});
    if (c.updateFields?.includes('notes') && c.notes && !before.notes.includes(c.notes))
      changes.notes = before.notes ? `${before.notes}\n${c.notes}` : c.notes;
    const existing = phonesOf.all(id) as { phone: string; phone_key: string }[];
    const known = new Set(existing.map((p) => p.phone_key));
    const added = c.updateFields?.includes('phone') ? c.phones.filter((p) => !known.has(p.key)) : [];
    for (const p of added) addPhone.run(id, p.phone, p.key, p.kind);
    const changed = Object.keys(changes).filter((k) => (before as Record<string, unknown>)[k] !== changes[k]);
    if (changed.length === 0 && added.length === 0) continue;
    if (changed.length) {
      ctx.sqlite
        .prepare(`UPDATE clients SET ${changed.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
        .run(...changed.map((k) => changes[k] as string | number | null), stamp, id);
    }
    const after = read.get(id) as ClientRecord;
    const phones = [...existing.map((p) => p.phone), ...added.map((p) => p.phone)];
    const completeness = completenessScore(completenessInputOf(after, phones.length));
    ctx.sqlite.prepare('UPDATE clients SET completeness = ?, updated_at = ? WHERE id = ?').run(completeness, stamp, id);
    await writeClientSearch(trx, id, {
      name: after.name,
      contactName: after.contact_name,
      phones,
      wechat: after.wechat,
      qq: after.qq,
    });
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'clients.import.update',
        entity: 'client',
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, (before as Record<string, unknown>)[k]])),
        after: {
          ...Object.fromEntries(changed.map((k) => [k, changes[k]])),
          ...(added.length ? { addedPhones: added.map((p) => p.phone) } : {}),
        },
      },
      ctx.now(),
    );
  }
  return clients.length;
}
