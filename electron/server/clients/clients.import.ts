import {
  LEVEL_LABELS,
  SOURCE_LABELS,
  STAGES,
  STAGE_LABELS,
  VALUE_TYPES,
  VALUE_TYPE_LABELS,
  parseLevel,
  parseSource,
  type ClientLevel,
  type SalesStage,
} from '../../../shared/clients/classification';
import { completenessScore } from '../../../shared/clients/completeness';
import { companyNameKey, formatPhoneKey, splitPhones, tidyName } from '../../../shared/clients/normalise';
import { newClientSchema } from '../../../shared/contract/client-schemas';
import { parseRegion } from '../../../shared/clients/region';
import { todayLocal } from '../../../shared/dates';
import type { CallContext } from '../core/context';
import { IssueList, type Importer, type RowResult } from '../imports/importer';
import { fieldReaders } from '../imports/field-readers';
import { checkWithSchema, type SchemaColumns } from '../imports/schema-check';
import { readPhones } from './client-phones';
import {
  CLIENT_COLUMNS,
  CLIENT_TEXT_FIELDS,
  type ClientField,
  type ClientTextField,
  type ClientTextInput,
} from './clients.columns';
import { describeDuplicate, toDuplicateHits, type DuplicateMatch } from './duplicates';
import {
  insertImportedClients,
  loadClientKeys,
  loadStaffDirectory,
  updateImportedClients,
  type ImportedClient,
  type StaffDirectory,
} from './clients.import.repository';

const SOURCE_HINT = {
  zh: Object.values(SOURCE_LABELS)
    .map((l) => l.zh)
    .join('、'),
  en: Object.values(SOURCE_LABELS)
    .map((l) => l.en)
    .join(', '),
};
const LEVEL_HINT = {
  zh:
    Object.values(LEVEL_LABELS)
      .map((l) => l.short)
      .join('、') + '(或 1–4)',
  en: '1, 2, 3 or 4 (一级–四级)',
};
const STAGE_HINT = {
  zh: Object.values(STAGE_LABELS)
    .map((l) => l.zh)
    .join('、'),
  en: Object.values(STAGE_LABELS)
    .map((l) => l.en)
    .join(', '),
};

/** Where the stage column is absent: the stage the level implies, so the funnel is right. */
const STAGE_BY_LEVEL: Record<ClientLevel, SalesStage> = { 1: 'close', 2: 'proposal', 3: 'explain', 4: 'prepare' };

/**
 * The fields a row can change on a client it updates (duplicates: 'update'): what the file fills
 * in, except what says which client it is (name, kind), when it joined and whose it is.
 */
const NOT_UPDATABLE: readonly ClientField[] = ['name', 'kind', 'joinedOn', 'ownerCode', 'ownerName'];
const UPDATABLE: readonly ClientField[] = CLIENT_COLUMNS.map((c) => c.field).filter((f) => !NOT_UPDATABLE.includes(f));

/** The column each clients.create input key is read from, for the schema's issues. */
const CLIENT_SCHEMA_COLUMNS: SchemaColumns<ClientField> = {
  ...Object.fromEntries(Object.entries(CLIENT_TEXT_FIELDS).map(([field, { input }]) => [input, field as ClientField])),
  kind: 'kind',
  name: 'name',
  phones: 'phone',
  source: 'source',
  joinedOn: 'joinedOn',
  level: 'level',
  grade: 'grade',
  stage: 'stage',
  valueType: 'valueType',
  birthday: 'birthday',
  anniversary: 'anniversary',
};

export const clientsImporter: Importer<ClientField, ImportedClient> = {
  kind: 'clients',
  label: { zh: '客户', en: 'clients' },
  columns: CLIENT_COLUMNS,
  duplicatePolicies: ['refuse', 'skip', 'update'],
  async prepare(ctx: CallContext, options = { duplicates: 'refuse' }) {
    const existing = await loadClientKeys(ctx.db);
    const staff = await loadStaffDirectory(ctx.db);
    const today = todayLocal(ctx.now());
    const seenPhones = new Map<string, number>();
    const seenNames = new Map<string, number>();
    return {
      read(cells, row): RowResult<ImportedClient> {
        const issues = new IssueList(cells);
        const f = fieldReaders(cells, issues);
        const name = tidyName(f.text('name'));
        const kind =
          f.choice(
            'kind',
            (t) => (/^(个人|person|个体)$/i.test(t) ? 'person' : /^(公司|企业|单位|company)$/i.test(t) ? 'company' : null),
            { zh: '公司、个人', en: 'company, person' },
          ) ?? 'company';
        // The same reading of phone numbers as clients.create (client-phones.ts).
        const phoneTexts = splitPhones(cells.text('phone'));
        const read = readPhones(phoneTexts);
        for (const bad of read.issues) issues.add('phone', bad.message, bad.messageEn);
        const phones: ImportedClient['phones'] = read.entries;
        const nameKey = companyNameKey(name);
        const dupes: DuplicateMatch[] = [];
        for (const p of phones) {
          const hit = existing.phones.get(p.key);
          if (hit) dupes.push({ field: 'phone', value: formatPhoneKey(p.key), ...hit });
          const earlier = seenPhones.get(p.key);
          if (earlier !== undefined)
            issues.add(
              'phone',
              `撞单:电话 ${formatPhoneKey(p.key)} 与本文件第 ${earlier} 行重复`,
              `Duplicate: phone ${formatPhoneKey(p.key)} repeats row ${earlier} of this file`,
            );
        }
        if (kind === 'company' && name) {
          const hit = existing.names.get(nameKey);
          if (hit) dupes.push({ field: 'name', value: name, ...hit });
          const earlier = seenNames.get(nameKey);
          if (earlier !== undefined)
            issues.add(
              'name',
              `撞单:名称与本文件第 ${earlier} 行重复`,
              `Duplicate: the name repeats row ${earlier} of this file`,
            );
        }
        // 撞单 with a client already in the office: refuse (say whose, never more than the
        // caller may see), skip the row, or update the caller's own client with the file's values.
        let action: 'insert' | 'update' | 'skip' = 'insert';
        let updateId: number | null = null;
        if (dupes.length > 0) {
          const clientIds = new Set(dupes.map((d) => d.clientId));
          const mine = ctx.actor?.staffId != null && dupes.every((d) => d.ownerStaffId === ctx.actor!.staffId);
          if (options.duplicates === 'skip') action = 'skip';
          else if (options.duplicates === 'update' && clientIds.size === 1 && mine) {
            action = 'update';
            updateId = dupes[0]!.clientId;
          } else {
            for (const hit of toDuplicateHits(dupes, ctx.actor)) {
              const text = describeDuplicate(hit);
              const why =
                options.duplicates !== 'update'
                  ? { zh: '', en: '' }
                  : clientIds.size > 1
                    ? {
                        zh: '(电话和名称分别对应不同的客户,无法确定更新哪一个)',
                        en: ' (phone and name match different clients, so which to update is unclear)',
                      }
                    : { zh: '(不是您名下的客户,不能更新)', en: ' (not your client, so it cannot be updated)' };
              issues.add(hit.field === 'phone' ? 'phone' : 'name', `撞单:${text.zh}${why.zh}`, `Duplicate: ${text.en}${why.en}`);
            }
          }
        }
        const region = parseRegion(cells.text('region'));
        const level = f.choice('level', parseLevel, LEVEL_HINT) ?? 4;
        const stage = f.choice('stage', parseStage, STAGE_HINT) ?? STAGE_BY_LEVEL[level];
        const grade =
          f.choice('grade', (t) => (/^[abc]$/i.test(t.trim()) ? t.trim().toUpperCase() : null), {
            zh: 'A、B、C',
            en: 'A, B, C',
          }) ?? '';
        const owner = readOwner(cells.text('ownerCode'), cells.text('ownerName'), staff, issues);
        // The row as clients.create would receive it; its schema holds every rule.
        const texts = Object.fromEntries(
          Object.entries(CLIENT_TEXT_FIELDS).map(([field, { input }]) => [input, f.text(field as ClientTextField)]),
        ) as Record<ClientTextInput, string>;
        const input = {
          ...texts,
          kind,
          name,
          phones: phoneTexts,
          // 地区 fills in what the 省/市/区县/乡镇 columns leave empty.
          province: texts.province || region.province,
          city: texts.city || region.city,
          district: texts.district || region.district,
          township: texts.township || region.township,
          source: f.choice('source', parseSource, SOURCE_HINT) ?? 'other',
          joinedOn: f.date('joinedOn') ?? today,
          ownerStaffId: owner,
          level,
          grade,
          stage,
          valueType:
            f.choice('valueType', parseValueType, {
              zh: Object.values(VALUE_TYPE_LABELS)
                .map((l) => l.zh)
                .join('、'),
              en: VALUE_TYPES.join(', '),
            }) ?? '',
          birthday: readYearly(cells.text('birthday'), () => f.date('birthday')),
          anniversary: readYearly(cells.text('anniversary'), () => f.date('anniversary')),
        };
        const checked = checkWithSchema(newClientSchema, input, CLIENT_SCHEMA_COLUMNS, issues);
        if (!issues.ok || !checked) return { ok: false, issues: issues.issues };
        const value: ImportedClient = {
          ...(Object.fromEntries(Object.values(CLIENT_TEXT_FIELDS).map(({ input }) => [input, checked[input]])) as Pick<
            typeof checked,
            ClientTextInput
          >),
          updateId,
          updateFields: updateId === null ? [] : UPDATABLE.filter((field) => cells.text(field) !== ''),
          kind: checked.kind,
          name: checked.name,
          nameKey,
          phones,
          source: checked.source,
          joinedOn: checked.joinedOn ?? today,
          ownerStaffId: owner,
          level: checked.level,
          grade: checked.grade,
          stage: checked.stage,
          valueType: checked.valueType,
          birthday: checked.birthday,
          anniversary: checked.anniversary,
          completeness: 0,
        };
        value.completeness = completenessScore({
          ...value,
          phoneCount: phones.length,
          manMoney: false,
          manAuthority: false,
          manNeed: false,
        });
        for (const p of phones) seenPhones.set(p.key, row);
        if (kind === 'company') seenNames.set(nameKey, row);
        return {
          ok: true,
          value,
          action,
          preview: () => ({
            name,
            contact: value.contactName,
            phone: phones.map((p) => p.phone).join(' / '),
            region: [value.province, value.city, value.district].filter(Boolean).join(' '),
            source: SOURCE_LABELS[value.source].zh,
            level: LEVEL_LABELS[level].short,
            joinedOn: value.joinedOn,
            ownerCode: cells.text('ownerCode') || cells.text('ownerName'),
          }),
        };
      },
      async write(trx, c, rows) {
        const fresh = rows.filter((r) => r.value.updateId == null).map((r) => r.value);
        const updates = rows.filter((r) => r.value.updateId != null).map((r) => r.value);
        const inserted = insertImportedClients(c, fresh);
        return inserted + (updates.length ? await updateImportedClients(trx, c, updates) : 0);
      },
    };
  },
};

function readOwner(code: string, name: string, staff: StaffDirectory, issues: IssueList<ClientField>): number | null {
  if (!code && !name) return null;
  const person = code ? staff.byCode.get(code.toLowerCase()) : staff.byName.get(name);
  if (person === undefined) {
    if (code)
      issues.add(
        'ownerCode',
        `业务员工号 ${code} 不存在,请先在员工管理中添加,或改正工号`,
        `There is no staff member with code ${code}; add them under Staff first, or correct the code`,
      );
    else
      issues.add(
        'ownerName',
        `找不到名为"${name}"的员工(请改填业务员工号)`,
        `No staff member is named "${name}" (use the staff code instead)`,
      );
    return null;
  }
  if (person === 'ambiguous') {
    issues.add(
      'ownerName',
      `有多名员工叫"${name}",请改填业务员工号`,
      `Several staff members are named "${name}"; use the staff code`,
    );
    return null;
  }
  if (person.left) {
    issues.add(
      code ? 'ownerCode' : 'ownerName',
      `${person.name}(${person.code})已离职,不能分配客户`,
      `${person.name} (${person.code}) has left; clients cannot be assigned to them`,
    );
    return null;
  }
  return person.id;
}

/** Birthdays are often written without a year: 3月5日, 03-05. */
function readYearly(text: string, full: () => string | null): string | null {
  if (!text) return null;
  const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (m) return `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return full();
}

function parseStage(text: string): SalesStage | null {
  const t = text.trim();
  return (
    STAGES.find(
      (s) => s === t.toLowerCase() || STAGE_LABELS[s].zh === t || STAGE_LABELS[s].en.toLowerCase() === t.toLowerCase(),
    ) ?? null
  );
}

function parseValueType(text: string): (typeof VALUE_TYPES)[number] | null {
  const t = text.trim();
  return (
    VALUE_TYPES.find(
      (v) => v === t.toLowerCase() || VALUE_TYPE_LABELS[v].zh === t || VALUE_TYPE_LABELS[v].zh.replace('客户', '') === t,
    ) ?? null
  );
}
