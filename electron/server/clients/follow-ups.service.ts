import type { Kysely, Selectable } from 'kysely';
import type { DueFollowUps, FollowUpRow, FollowUpWay } from '../../../shared/contract/follow-ups';
import { todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { Database, FollowUpsTable } from '../db/schema';
import { assertCanSeeClient, scopedOwnerId } from './client-scope';
import { visibleClient } from './clients.service';

type FollowUpJoined = Selectable<FollowUpsTable> & {
  client_name: string;
  staff_name: string | null;
};

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('clients as c', 'c.id', 'f.client_id')
    .leftJoin('staff as s', 's.id', 'f.staff_id')
    .select([
      'f.id',
      'f.client_id',
      'c.name as client_name',
      'f.staff_id',
      's.name as staff_name',
      'f.happened_on',
      'f.way',
      'f.content',
      'f.next_step',
      'f.next_on',
      'f.done',
      'f.created_at',
    ]);
}

function toRow(r: FollowUpJoined): FollowUpRow {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    staffId: r.staff_id,
    staffName: r.staff_name ?? '',
    happenedOn: r.happened_on,
    way: r.way as FollowUpWay,
    content: r.content,
    nextStep: r.next_step,
    nextOn: r.next_on,
    done: r.done === 1,
    createdAt: r.created_at,
  };
}

export async function listFollowUps(ctx: CallContext, clientId: number): Promise<FollowUpRow[]> {
  await visibleClient(ctx.db, ctx.actor, clientId);
  const rows = await baseQuery(ctx.db)
    .where('f.client_id', '=', clientId)
    .orderBy('f.happened_on', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
  return rows.map(toRow);
}

export type NewFollowUp = {
  clientId: number;
  happenedOn: string;
  way: FollowUpWay;
  content: string;
  nextStep: string;
  nextOn: string | null;
  closePrevious: boolean;
};

/**
 * "通过首次接触后要马上记录…并做好下一步的跟进计划": the follow-up is credited to the caller
 * when they are staff, else to the client's owner. Logging one settles the client's earlier
 * open next steps unless told otherwise.
 */
export async function createFollowUp(ctx: CallContext, input: NewFollowUp): Promise<FollowUpRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const client = await visibleClient(trx, ctx.actor, input.clientId);
    if (input.closePrevious) {
      await trx
        .updateTable('follow_ups')
        .set({ done: 1 })
        .where('client_id', '=', input.clientId)
        .where('done', '=', 0)
        .execute();
    }
    const { id } = await trx
      .insertInto('follow_ups')
      .values({
        client_id: input.clientId,
        staff_id: ctx.actor?.staffId ?? client.owner_staff_id,
        happened_on: input.happenedOn,
        way: input.way,
        content: input.content,
        next_step: input.nextStep,
        next_on: input.nextOn,
        done: input.nextOn === null ? 1 : 0,
        created_at: ctx.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('clients').set({ updated_at: ctx.now().toISOString() }).where('id', '=', input.clientId).execute();
    const row = toRow((await baseQuery(trx).where('f.id', '=', id).executeTakeFirstOrThrow()) as FollowUpJoined);
    await writeAudit(trx, ctx.actor, { action: 'followups.create', entity: 'follow_up', entityId: id, after: row }, ctx.now());
    return row;
  });
}

export async function completeFollowUp(ctx: CallContext, id: number, done: boolean): Promise<FollowUpRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('follow_ups as f')
      .innerJoin('clients as c', 'c.id', 'f.client_id')
      .select(['f.id', 'c.id as client_id', 'c.owner_staff_id'])
      .where('f.id', '=', id)
      .executeTakeFirst();
    if (!existing) throw notFound({ zh: '跟进记录', en: 'Follow-up' }, id);
    assertCanSeeClient(ctx.actor, { id: existing.client_id, owner_staff_id: existing.owner_staff_id });
    await trx
      .updateTable('follow_ups')
      .set({ done: done ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    return toRow((await baseQuery(trx).where('f.id', '=', id).executeTakeFirstOrThrow()) as FollowUpJoined);
  });
}

/** Open next steps due today and overdue: a salesperson's own; others see everyone's or one person's. */
export async function dueFollowUps(
  ctx: CallContext,
  input: { asOf?: string | undefined; staffId?: number | undefined },
): Promise<DueFollowUps> {
  const asOf = input.asOf ?? todayLocal(ctx.now());
  const own = scopedOwnerId(ctx.actor);
  let query = baseQuery(ctx.db).where('f.done', '=', 0).where('f.next_on', '<=', asOf).where('c.archived_at', 'is', null);
  const staffId = own ?? input.staffId;
  if (staffId !== undefined) query = query.where('f.staff_id', '=', staffId);
  const rows = (await query.orderBy('f.next_on').orderBy('c.joined_on').limit(5000).execute()).map(toRow);
  const today = rows.filter((r) => r.nextOn === asOf);
  const overdue = rows.filter((r) => r.nextOn !== null && r.nextOn < asOf);
  const byStaff = new Map<string, DueFollowUps['byStaff'][number]>();
  for (const r of rows) {
    const key = String(r.staffId);
    const entry = byStaff.get(key) ?? { staffId: r.staffId, staffName: r.staffName || '未分配', today: 0, overdue: 0 };
    if (r.nextOn === asOf) entry.today++;
    else entry.overdue++;
    byStaff.set(key, entry);
  }
  return { asOf, today, overdue, byStaff: [...byStaff.values()].sort((a, b) => b.overdue + b.today - (a.overdue + a.today)) };
}
