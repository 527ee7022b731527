import { completenessScore } from '../../../shared/clients/completeness';
import { GRADES, SOURCES, STAGES, VALUE_TYPES, type SalesStage } from '../../../shared/clients/classification';
import { companyNameKey, normalisePhone } from '../../../shared/clients/normalise';
import { FOLLOW_UP_WAYS } from '../../../shared/contract/follow-ups';
import { PAYMENT_METHODS } from '../../../shared/contract/contract-schemas';
import { insertImportedClients, type ImportedClient } from '../../../electron/server/clients/clients.import.repository';
import { withActor, type Office } from '../../../electron/server/office';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATE } from '../../../shared/archive/path-template';
import { pathKey } from '../../../shared/archive/safe-path';
import { searchTokens } from '../../../shared/clients/search-grams';
import { addMonths } from '../../../shared/dates';
import { templatePath } from '../../../electron/server/archive/archive-paths';
import { loadKinds } from '../../../electron/server/archive/documents.repository';
import { seededRandom, type Random } from './random';
import type { OfficeSize } from './sizes';
import { CONTACT_TITLES, FOLLOW_UP_TEXTS, GIVEN_NAMES, PLACES, PRODUCTS, SURNAMES, TRADES, WORDS } from './vocabulary';

/** The office's 'today': data runs up to here so dashboards and renewals have something to show. */
export const GENERATED_TODAY = '2026-11-20';
const FIRST_YEAR = 2006;

export type GeneratedCounts = {
  staff: number;
  clients: number;
  contracts: number;
  payments: number;
  followUps: number;
  plans: number;
  documents: number;
};

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const dayOffset = (date: string, days: number): string => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
const clampToday = (date: string): string => (date > GENERATED_TODAY ? GENERATED_TODAY : date);

function personName(r: Random): string {
  return `${r.pick([...SURNAMES])}${r.pick([...GIVEN_NAMES])}${r.chance(0.5) ? r.pick([...GIVEN_NAMES]) : ''}`;
}

/**
 * Fill an empty office with a realistic twenty-year history, deterministically from `seed`:
 * staff (some left), clients with phones, regions, sources, levels and the search index,
 * contracts (with renewals), payments (partial payments and refunds) and follow-ups. Rows go in
 * through the same insert code the import uses, so the indexes match what the app writes.
 */
export function generateOffice(office: Office, size: OfficeSize, seed: number): GeneratedCounts {
  const r = seededRandom(seed);
  const stamp = new Date(`${GENERATED_TODAY}T09:00:00Z`).toISOString();
  const ctx = withActor(office, null);
  const counts: GeneratedCounts = { staff: 0, clients: 0, contracts: 0, payments: 0, followUps: 0, plans: 0, documents: 0 };
  office.sqlite.transaction(() => {
    office.sqlite
      .prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('office.name', ?), ('office.setupDone', 'true')`)
      .run(JSON.stringify('阳光加盟店(基准数据)'));
    const staffIds = insertStaff(office, r, size, stamp);
    counts.staff = staffIds.length;
    const salespeople = staffIds.filter((s) => s.role === 'salesperson');
    const clients: ImportedClient[] = [];
    for (let i = 0; i < size.clients; i++) clients.push(makeClient(r, i, salespeople));
    counts.clients = insertImportedClients(ctx, clients);
    const ids = office.sqlite.prepare('SELECT id, joined_on, owner_staff_id FROM clients ORDER BY id').all() as {
      id: number;
      joined_on: string;
      owner_staff_id: number | null;
    }[];
    Object.assign(counts, insertHistory(office, r, size, ids, stamp));
    counts.plans = insertPlans(office, r, size, staffIds, stamp);
  })();
  counts.documents = insertDocuments(office, r, size, stamp);
  return counts;
}

type GeneratedStaff = { id: number; role: string };

function insertStaff(office: Office, r: Random, size: OfficeSize, stamp: string): GeneratedStaff[] {
  const insert = office.sqlite.prepare(
    `INSERT INTO staff (code, name, role, hired_on, left_on, base_salary_fen, status, phone, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const out: GeneratedStaff[] = [];
  for (let i = 1; i <= size.staff; i++) {
    const role = i === 1 ? 'owner' : i <= 3 ? 'manager' : i <= 5 ? 'clerk' : 'salesperson';
    const hired = `${r.int(FIRST_YEAR, 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const left = role === 'salesperson' && r.chance(0.1) ? clampToday(dayOffset(hired, r.int(200, 2000))) : null;
    const salary =
      role === 'owner' ? 800000 : role === 'manager' ? 600000 : role === 'clerk' ? 350000 : r.pick([250000, 300000, 350000]);
    const id = insert.run(
      `S${String(i).padStart(3, '0')}`,
      personName(r),
      role,
      hired,
      left,
      salary,
      left ? 'left' : 'active',
      `139${String(10_000_000 + i).padStart(8, '0')}`,
      stamp,
      stamp,
    ).lastInsertRowid;
    out.push({ id: Number(id), role });
  }
  return out;
}

function makeClient(r: Random, i: number, salespeople: readonly GeneratedStaff[]): ImportedClient {
  const [province, city, district] = r.pick(PLACES);
  const person = r.chance(0.15);
  // The index keeps every company name unique, as 撞单 requires.
  const name = person
    ? personName(r)
    : `${city.slice(0, 2)}${r.pick(WORDS)}${r.pick(TRADES)}${i}号${r.chance(0.5) ? '有限公司' : '店'}`;
  const mobile = `1${r.pick(['3', '5', '8'])}${r.int(0, 9)}${String(i).padStart(8, '0')}`;
  const phones = [normalisePhone(mobile)!].map((p) => ({ phone: mobile, key: p.key, kind: p.kind }));
  if (r.chance(0.2)) {
    const landline = `0755-${String(20_000_000 + i).slice(-8)}`;
    const p = normalisePhone(landline);
    if (p) phones.push({ phone: landline, key: p.key, kind: p.kind });
  }
  const level = r.int(1, 4);
  const stage: SalesStage = level === 1 ? r.pick(['close', 'collect', 'service'] as const) : r.pick(STAGES.slice(0, 7));
  const joinedOn = `${r.int(FIRST_YEAR, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const c = {
    kind: person ? ('person' as const) : ('company' as const),
    name,
    nameKey: person ? '' : companyNameKey(name),
    contactName: `${r.pick([...SURNAMES])}${r.pick(CONTACT_TITLES)}`,
    phones,
    wechat: r.chance(0.6) ? `wx${i}` : '',
    qq: r.chance(0.3) ? String(100_000 + i) : '',
    email: r.chance(0.3) ? `c${i}@example.cn` : '',
    address: r.chance(0.7) ? `${district}${r.pick(WORDS)}路${r.int(1, 300)}号` : '',
    province,
    city,
    district,
    township: '',
    industry: r.pick(TRADES),
    size: '',
    source: r.pick(SOURCES),
    referrerName: '',
    joinedOn: clampToday(joinedOn),
    ownerStaffId: r.chance(0.97) ? r.pick(salespeople).id : null,
    level,
    grade: r.pick(GRADES),
    stage,
    valueType: r.pick(VALUE_TYPES),
    birthday: r.chance(0.2)
      ? `19${r.int(60, 99)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
      : null,
    anniversary: null,
    notes: '',
  };
  const completeness = completenessScore({
    ...c,
    phoneCount: phones.length,
    manMoney: false,
    manAuthority: false,
    manNeed: false,
  });
  return { ...c, completeness };
}

function insertHistory(
  office: Office,
  r: Random,
  size: OfficeSize,
  clients: readonly { id: number; joined_on: string; owner_staff_id: number | null }[],
  stamp: string,
): Omit<GeneratedCounts, 'staff' | 'clients' | 'plans' | 'documents'> {
  const insertContract = office.sqlite.prepare(
    `INSERT INTO contracts (number, client_id, staff_id, product, amount_fen, signed_on, starts_on, ends_on, status, renewal_of_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayment = office.sqlite.prepare(
    `INSERT INTO payments (contract_id, staff_id, paid_on, amount_fen, method, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertFollowUp = office.sqlite.prepare(
    `INSERT INTO follow_ups (client_id, staff_id, happened_on, way, content, next_step, next_on, done, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let contracts = 0;
  let payments = 0;
  let followUps = 0;
  for (const c of clients) {
    // Each client renews yearly: contract n+1 starts the day after contract n ends.
    let start = dayOffset(c.joined_on, r.int(0, 60));
    let previous: number | null = null;
    // Clients who joined lately have had fewer years to renew, so aim a little above the mean.
    const n = r.int(size.contractsPerClient - 1, size.contractsPerClient + 2);
    for (let k = 0; k < n && start <= GENERATED_TODAY; k++) {
      const end = dayOffset(start, 364);
      const amount = r.int(10, 500) * 10_000;
      const status = r.chance(0.03) ? 'cancelled' : end < GENERATED_TODAY ? 'expired' : 'active';
      contracts++;
      const id: number = Number(
        insertContract.run(
          `HT-${start.slice(0, 4)}-${String(contracts).padStart(7, '0')}`,
          c.id,
          c.owner_staff_id,
          r.pick(PRODUCTS),
          amount,
          dayOffset(start, -r.int(0, 10)),
          start,
          end,
          status,
          previous,
          stamp,
          stamp,
        ).lastInsertRowid,
      );
      // Partial payments adding up to the amount; now and then a refund.
      const parts = r.int(size.paymentsPerContract - 1, size.paymentsPerContract + 1);
      let left = amount;
      for (let p = 0; p < parts && left > 0; p++) {
        const part = p === parts - 1 ? left : Math.round(left / 2 / 100) * 100;
        const paidOn = clampToday(dayOffset(start, p * r.int(10, 60)));
        insertPayment.run(id, c.owner_staff_id, paidOn, part, r.pick(PAYMENT_METHODS), stamp);
        payments++;
        left -= part;
      }
      if (r.chance(0.02)) {
        insertPayment.run(id, c.owner_staff_id, clampToday(dayOffset(start, 90)), -Math.round(amount / 10), 'transfer', stamp);
        payments++;
      }
      previous = id;
      start = dayOffset(end, 1);
    }
    const f = r.int(size.followUpsPerClient - 4, size.followUpsPerClient + 6);
    let on = c.joined_on;
    for (let k = 0; k < f; k++) {
      on = clampToday(dayOffset(on, r.int(5, 90)));
      const last = k === f - 1;
      insertFollowUp.run(
        c.id,
        c.owner_staff_id,
        on,
        r.pick(FOLLOW_UP_WAYS),
        r.pick(FOLLOW_UP_TEXTS),
        last ? '再次电话跟进' : '',
        last ? dayOffset(on, r.int(-20, 20)) : null,
        last ? 0 : 1,
        stamp,
      );
      followUps++;
    }
  }
  return { contracts, payments, followUps };
}

/** The last `size.months` months of 月度指标: a team default each month, overrides for about one person in five. */
function insertPlans(office: Office, r: Random, size: OfficeSize, staff: readonly GeneratedStaff[], stamp: string): number {
  const insert = office.sqlite.prepare(
    `INSERT INTO monthly_plans (month, staff_id, floor_fen, target_fen, rate_bp, multiplier_pct, leave_reason, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'bench')`,
  );
  let count = 0;
  const last = GENERATED_TODAY.slice(0, 7);
  for (let i = size.months - 1; i >= 0; i--) {
    const month = addMonths(last, -i);
    insert.run(month, null, r.int(10, 20) * 100_000, r.int(30, 60) * 100_000, 500, 200, stamp);
    count++;
    for (const s of staff)
      if (s.role === 'salesperson' && r.chance(0.2)) {
        insert.run(month, s.id, r.int(8, 25) * 100_000, r.int(25, 80) * 100_000, r.pick([400, 500, 600]), 200, stamp);
        count++;
      }
  }
  return count;
}

/**
 * Archived documents as real small files under the archive root, with their records (hash,
 * size, path by the default template) and search grams — what 档案体检 and search work on.
 */
function insertDocuments(office: Office, r: Random, size: OfficeSize, stamp: string): number {
  const root = office.archiveRoot();
  const kinds = loadKinds(office.sqlite);
  const kindIds = [...kinds.keys()];
  const clients = office.sqlite.prepare('SELECT id, name FROM clients ORDER BY id').all() as { id: number; name: string }[];
  const insert = office.sqlite.prepare(
    `INSERT INTO documents (kind_id, client_id, contract_id, doc_date, title, original_name, ext, size, sha256, rel_path, path_key, filed_by, filed_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`,
  );
  const template = DEFAULT_TEMPLATE;
  const made = new Set<string>();
  const batch = 5_000;
  for (let start = 0; start < size.documents; start += batch) {
    office.sqlite.transaction(() => {
      for (let i = start; i < Math.min(size.documents, start + batch); i++) {
        const client = clients[i % clients.length]!;
        const kindId = r.pick(kindIds);
        const docDate = `${r.int(2010, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
        const title = `${r.pick(['合同', '报价单', '发票', '设计稿', '现场照片', '补充协议'])}${i}`;
        const ext = r.pick(['pdf', 'jpg', 'txt']);
        const content = Buffer.from(`${title} ${client.name} ${docDate} #${i}\n`);
        const rel = templatePath(
          template,
          { kindId, clientName: client.name, contractNumber: '', docDate, title, originalName: `${title}.${ext}`, ext },
          kinds,
          root,
        );
        const abs = path.join(root, ...rel.split('/'));
        const dir = path.dirname(abs);
        if (!made.has(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        fs.writeFileSync(abs, content);
        const id = Number(
          insert.run(
            kindId,
            client.id,
            docDate,
            title,
            `${title}.${ext}`,
            ext,
            content.length,
            createHash('sha256').update(content).digest('hex'),
            rel,
            pathKey(rel),
            stamp,
          ).lastInsertRowid,
        );
        office.sqlite
          .prepare('INSERT INTO document_search (rowid, grams) VALUES (?, ?)')
          .run(id, searchTokens([title, `${title}.${ext}`, client.name]));
      }
    })();
  }
  return size.documents;
}
