import type { ClientDetail } from '../../../shared/contract/clients';
import type { MergeCounts, MergePreview, MergeResult } from '../../../shared/contract/merge';
import { companyNameKey } from '../../../shared/clients/normalise';
import { MERGE_FIELDS, MERGE_FIELD_LABELS, type MergeField } from '../../../shared/clients/merge-fields';
import { todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { Kysely } from 'kysely';
import type { ClientRecord, Database } from '../db/schema';
import { currentTemplate } from '../archive/archive-paths';
import { refileToTemplate } from '../archive/archive.service';
import { withArchiveLock } from '../archive/archive-lock';
import { phonesOrThrow } from './client-phones';
import {
  findClientPhones,
  findClientRecord,
  replaceClientPhones,
  toClientDetail,
  type ClientWithOwner,
} from './clients.repository';
import { refreshDerived } from './clients.service';
import { duplicateError, findDuplicates, toDuplicateHits } from './duplicates';

type Loaded = { record: ClientWithOwner; detail: ClientDetail };

/** Inside a transaction pass the transaction: the connection is busy with it until it ends. */
async function loadAll(db: Kysely<Database>, ids: readonly number[]): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  for (const id of ids) {
    const record = await findClientRecord(db, id);
    if (!record) throw notFound({ zh: '客户', en: 'Client' }, id);
    loaded.push({ record, detail: toClientDetail(record, await findClientPhones(db, id)) });
  }
  return loaded;
}

function uniqueIds(keepId: number, mergeIds: readonly number[]): number[] {
  const merged = [...new Set(mergeIds)].filter((id) => id !== keepId);
  if (merged.length === 0)
    throw new AppError('invalid_input', {
      zh: '请至少选择一位要并入的其他客户。',
      en: 'Choose at least one other client to merge in.',
    });
  return merged;
}

/** What moves to the kept client: counted the same way the merge moves them. */
function countMoves(ctx: CallContext, mergedIds: readonly number[]): MergeCounts {
  const ids = { ids: JSON.stringify(mergedIds) };
  const count = (sql: string): number => ctx.sqlite.prepare(sql).pluck().get(ids) as number;
  const inIds = 'IN (SELECT value FROM json_each(@ids))';
  return {
    contracts: count(`SELECT count(*) FROM contracts WHERE client_id ${inIds}`),
    payments: count(`SELECT count(*) FROM payments p JOIN contracts k ON k.id = p.contract_id WHERE k.client_id ${inIds}`),
    followUps: count(`SELECT count(*) FROM follow_ups WHERE client_id ${inIds}`),
    openFollowUps: count(`SELECT count(*) FROM follow_ups WHERE done = 0 AND client_id ${inIds}`),
    documents: count(
      `SELECT count(*) FROM documents WHERE client_id ${inIds} OR id IN (SELECT document_id FROM document_links WHERE client_id ${inIds})`,
    ),
    history: count(`SELECT count(*) FROM client_owner_history WHERE client_id ${inIds}`),
    invoices: count(`SELECT count(*) FROM invoices v JOIN contracts k ON k.id = v.contract_id WHERE k.client_id ${inIds}`),
  };
}

export async function previewMerge(ctx: CallContext, keepId: number, mergeIds: readonly number[]): Promise<MergePreview> {
  const merged = uniqueIds(keepId, mergeIds);
  const loaded = await loadAll(ctx.db, [keepId, ...merged]);
  return { clients: loaded.map((l) => l.detail), moves: countMoves(ctx, merged) };
}

type Choice = number | 'all';

/** The kept client's columns after the merge, each taken from the client the manager chose. */
function keptValues(
  loaded: readonly Loaded[],
  keepId: number,
  choose: Partial<Record<MergeField, Choice>>,
): { set: Partial<ClientRecord>; phones: string[]; sources: Partial<Record<MergeField, Choice>> } {
  const byId = new Map(loaded.map((l) => [l.record.id, l]));
  const pick = (field: MergeField): Loaded => {
    const chosen = choose[field];
    const id = chosen === undefined || chosen === 'all' ? keepId : chosen;
    const found = byId.get(id);
    if (!found)
      throw new AppError(
        'invalid_input',
        {
          zh: `“${MERGE_FIELD_LABELS[field].zh}”选择的客户(${id})不在本次合并之中。`,
          en: `The client chosen for “${MERGE_FIELD_LABELS[field].en}” (${id}) is not one of those being merged.`,
        },
        { issues: [{ path: `choose.${field}`, message: '不在本次合并之中', messageEn: 'not in this merge' }] },
      );
    return found;
  };
  const r = (field: MergeField): ClientWithOwner => pick(field).record;
  const mergedIds = new Set(loaded.map((l) => l.record.id));
  const referrer = r('referrer');
  const set: Partial<ClientRecord> = {
    name: r('name').name,
    name_key: companyNameKey(r('name').name),
    kind: r('kind').kind,
    contact_name: r('contactName').contact_name,
    wechat: r('wechat').wechat,
    qq: r('qq').qq,
    email: r('email').email,
    address: r('address').address,
    province: r('region').province,
    city: r('region').city,
    district: r('region').district,
    township: r('region').township,
    industry: r('industry').industry,
    size: r('size').size,
    source: r('source').source,
    // A referral by one of the merged clients is a referral by the client itself: dropped.
    referrer_client_id:
      referrer.referrer_client_id !== null && mergedIds.has(referrer.referrer_client_id) ? null : referrer.referrer_client_id,
    referrer_name: referrer.referrer_name,
    joined_on: r('joinedOn').joined_on,
    owner_staff_id: r('owner').owner_staff_id,
    level: r('level').level,
    grade: r('grade').grade,
    man_money: r('man').man_money,
    man_authority: r('man').man_authority,
    man_need: r('man').man_need,
    value_type: r('valueType').value_type,
    stage: r('stage').stage,
    birthday: r('birthday').birthday,
    anniversary: r('anniversary').anniversary,
    notes:
      choose.notes === 'all'
        ? [...new Set(loaded.map((l) => l.record.notes.trim()).filter(Boolean))].join('\n')
        : r('notes').notes,
  };
  if ((set.notes ?? '').length > 2000)
    throw new AppError(
      'invalid_input',
      {
        zh: '合并后的备注超过 2000 字,请只保留一位客户的备注。',
        en: 'The combined notes are over 2000 characters; keep one client’s notes instead.',
      },
      { issues: [{ path: 'choose.notes', message: '超过 2000 字', messageEn: 'over 2000 characters' }] },
    );
  const phones =
    choose.phones === 'all'
      ? loaded.flatMap((l) => l.detail.phones.map((p) => p.phone))
      : pick('phones').detail.phones.map((p) => p.phone);
  const sources = Object.fromEntries(MERGE_FIELDS.map((f) => [f, choose[f] ?? keepId])) as Partial<Record<MergeField, Choice>>;
  return { set, phones, sources };
}

/** Every column of every table that points at a client: the merge moves them all, including tables added later. */
function clientReferences(ctx: CallContext): { table: string; column: string }[] {
  const tables = ctx.sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  const refs: { table: string; column: string }[] = [];
  for (const table of tables) {
    const fks = ctx.sqlite.prepare(`SELECT "table" AS target, "from" AS col FROM pragma_foreign_key_list(?)`).all(table) as {
      target: string;
      col: string;
    }[];
    for (const fk of fks) if (fk.target === 'clients') refs.push({ table, column: fk.col });
  }
  return refs;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Merge duplicate clients into one (a manager's decision, field by field). In one transaction:
 * every row that points at a merged client — contracts (and so their payments and invoices),
 * follow-ups with their reminders, documents and their links, ownership history, referrals —
 * points at the kept client; the merged clients are removed; the kept client takes the chosen
 * values; the audit log keeps both ids, every merged client as it was and the values kept.
 * Then each document is re-filed into the kept client's folders, one safe move at a time
 * (journaled; a move that fails leaves the file where it was, which 档案体检 reports).
 */
export async function mergeClients(
  ctx: CallContext,
  input: { keepId: number; mergeIds: number[]; choose: Partial<Record<MergeField, Choice>> },
): Promise<MergeResult> {
  const merged = uniqueIds(input.keepId, input.mergeIds);
  const all = [input.keepId, ...merged];
  const result = await ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadAll(trx, all);
    const { set, phones: phoneTexts, sources } = keptValues(loaded, input.keepId, input.choose);
    const phones = phonesOrThrow(phoneTexts.filter((p, i, list) => list.indexOf(p) === i));
    const uniquePhones = phones.filter((p, i) => phones.findIndex((q) => q.key === p.key) === i);
    if (uniquePhones.length > 6)
      throw new AppError(
        'invalid_input',
        {
          zh: `合并后有 ${uniquePhones.length} 个电话,最多 6 个。请只保留一位客户的电话。`,
          en: `The merged client would have ${uniquePhones.length} phones; at most 6. Keep one client’s phones instead.`,
        },
        { issues: [{ path: 'choose.phones', message: '电话超过 6 个', messageEn: 'more than 6 phones' }] },
      );
    const clash = (
      await findDuplicates(trx, {
        kind: set.kind as 'company' | 'person',
        name: set.name!,
        phoneKeys: uniquePhones.map((p) => p.key),
      })
    ).filter((m) => !all.includes(m.clientId));
    if (clash.length > 0) throw duplicateError(toDuplicateHits(clash, ctx.actor));
    const moved = countMoves(ctx, merged);
    const before = { kept: loaded[0]!.detail, merged: loaded.slice(1).map((l) => l.detail) };
    const mergedJson = JSON.stringify(merged);
    for (const ref of clientReferences(ctx)) {
      if (ref.table === 'client_phones') continue; // replaced below by the chosen phones
      const t = quote(ref.table);
      const c = quote(ref.column);
      // A row that would duplicate one the kept client already has (a document linked to both) is dropped.
      ctx.sqlite
        .prepare(`UPDATE OR IGNORE ${t} SET ${c} = ? WHERE ${c} IN (SELECT value FROM json_each(?))`)
        .run(input.keepId, mergedJson);
      if (ref.table !== 'clients')
        ctx.sqlite.prepare(`DELETE FROM ${t} WHERE ${c} IN (SELECT value FROM json_each(?))`).run(mergedJson);
    }
    ctx.sqlite.prepare('DELETE FROM client_search WHERE rowid IN (SELECT value FROM json_each(?))').run(mergedJson);
    ctx.sqlite.prepare('DELETE FROM clients WHERE id IN (SELECT value FROM json_each(?))').run(mergedJson);
    const at = ctx.now().toISOString();
    const keptBefore = loaded[0]!.record;
    await trx
      .updateTable('clients')
      .set({
        ...set,
        referrer_client_id: set.referrer_client_id === input.keepId ? null : set.referrer_client_id,
        updated_at: at,
      })
      .where('id', '=', input.keepId)
      .execute();
    if (set.owner_staff_id !== keptBefore.owner_staff_id) {
      await trx
        .insertInto('client_owner_history')
        .values({
          client_id: input.keepId,
          from_staff_id: keptBefore.owner_staff_id,
          to_staff_id: set.owner_staff_id ?? null,
          changed_at: at,
          changed_by: ctx.actor?.name ?? 'system',
          reason: `合并客户 ${merged.join(', ')} / Merged clients ${merged.join(', ')}`,
          kind: 'merge',
          on_date: todayLocal(ctx.now()),
        })
        .execute();
      if (set.owner_staff_id === null)
        ctx.sqlite.prepare('UPDATE clients SET pool_since = ? WHERE id = ? AND pool_since IS NULL').run(at, input.keepId);
    }
    // Open next steps now belong to the kept client's owner (closed when it has none: nobody to do them).
    if (set.owner_staff_id != null)
      ctx.sqlite
        .prepare('UPDATE follow_ups SET staff_id = ? WHERE client_id = ? AND done = 0')
        .run(set.owner_staff_id, input.keepId);
    else ctx.sqlite.prepare('UPDATE follow_ups SET done = 1 WHERE client_id = ? AND done = 0').run(input.keepId);
    await replaceClientPhones(trx, input.keepId, uniquePhones);
    await refreshDerived(trx, input.keepId, uniquePhones);
    const kept = toClientDetail((await findClientRecord(trx, input.keepId))!, await findClientPhones(trx, input.keepId));
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'clients.merge',
        entity: 'client',
        entityId: input.keepId,
        before,
        after: { keptId: input.keepId, mergedIds: merged, sources, keptValues: kept, moved },
      },
      ctx.now(),
    );
    return { kept, moved };
  });
  const { refiled, problems } = await refileClientDocuments(ctx, input.keepId);
  return { keptId: input.keepId, mergedIds: merged, kept: result.kept, moved: result.moved, refiled, refileProblems: problems };
}

async function refileClientDocuments(
  ctx: CallContext,
  clientId: number,
): Promise<{ refiled: number; problems: { documentId: number; message: string }[] }> {
  const ids = ctx.sqlite
    .prepare('SELECT id FROM documents WHERE client_id = ? AND deleted_at IS NULL ORDER BY id')
    .pluck()
    .all(clientId) as number[];
  let refiled = 0;
  const problems: { documentId: number; message: string }[] = [];
  for (const id of ids) {
    try {
      if (await withArchiveLock(() => refileToTemplate(ctx, id, currentTemplate(ctx.sqlite)))) refiled++;
    } catch (error) {
      problems.push({ documentId: id, message: (error as Error).message });
    }
  }
  return { refiled, problems };
}
