import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { StatementConfirmationsTable } from '../db/schema';
import {
  closeStanding,
  isRefusal,
  nextConfirmationState,
  sameFigures,
  type ConfirmationState,
  type ConfirmedFigures,
} from '../../../shared/commission/confirmation';
import type { CloseCheck, ConfirmationRow, MonthConfirmations } from '../../../shared/contract/statements';
import { monthOf, todayLocal } from '../../../shared/dates';
import type { PayFigures, StatementConfirmation } from '../../../shared/performance/performance-types';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { payMonth, type PayRow } from './month-figures';
import { firstOpenAtOrAfter, isMonthClosed } from './month-state';
import { insertPayItem } from './pay-items.service';
import { assertMayManagePersonId } from '../staff/staff-policy';

/**
 * 业绩确认 (issue 19): a manager puts a month's statements up for confirmation; each 业务员
 * confirms or disputes theirs; the manager answers a dispute (with a reply and maybe an
 * adjustment). 月结 then warns about whoever has not confirmed the figures as they stand.
 */
type Record = Omit<Selectable<StatementConfirmationsTable>, 'month'> & {
  /** Who replied, as shown: their name when replied_by is a person's code (read only, never written back). */
  replied_by_name: string | null;
};

export function figuresOf(pay: PayFigures): ConfirmedFigures {
  return {
    salesFen: pay.salesFen,
    commissionFen: pay.commissionFen,
    bonusFen: pay.bonusFen,
    deductionFen: pay.deductionFen,
    totalPayFen: pay.totalPayFen,
  };
}

function requestOf(sqlite: BetterSqlite3.Database, month: string): { requestedAt: string; requestedBy: string } | null {
  return (
    (sqlite
      // Stored as the staff code (stable); shown as the person's name when the code is a person's.
      .prepare(
        `SELECT r.requested_at AS requestedAt, coalesce(s.name, r.requested_by) AS requestedBy
         FROM confirmation_requests r LEFT JOIN staff s ON s.code = r.requested_by WHERE r.month = ?`,
      )
      .get(month) as { requestedAt: string; requestedBy: string } | undefined) ?? null
  );
}

function recordsOf(sqlite: BetterSqlite3.Database, month: string): Map<number, Record> {
  return new Map(
    (
      sqlite
        .prepare(
          `SELECT c.*, coalesce(s.name, c.replied_by) AS replied_by_name
           FROM statement_confirmations c LEFT JOIN staff s ON s.code = c.replied_by WHERE c.month = ?`,
        )
        .all(month) as Record[]
    ).map((r) => [r.staff_id, r]),
  );
}

/** Who is asked to confirm: the month's 业务员 still on the sheet (not left). */
function expected(rows: readonly PayRow[]): PayRow[] {
  return rows.filter((r) => r.role === 'salesperson' && r.status !== 'left');
}

function stateOf(record: Record | undefined, row: PayRow): { state: ConfirmationState; stale: boolean } {
  if (!record) return { state: 'pending', stale: false };
  const confirmed = record.figures_json ? (JSON.parse(record.figures_json) as ConfirmedFigures) : null;
  return { state: record.state, stale: record.state === 'confirmed' && !sameFigures(confirmed, figuresOf(row.pay)) };
}

/** One person's confirmation for their statement (null when the month was not put up for it). */
export function statementConfirmation(ctx: CallContext, month: string, row: PayRow): StatementConfirmation | null {
  const request = requestOf(ctx.sqlite, month);
  if (!request) return null;
  const record = recordsOf(ctx.sqlite, month).get(row.staffId);
  const { state, stale } = stateOf(record, row);
  return {
    requestedAt: request.requestedAt,
    state,
    stale,
    note: record?.note ?? '',
    respondedAt: record?.responded_at ?? null,
    confirmedFigures: record?.figures_json ? (JSON.parse(record.figures_json) as ConfirmedFigures) : null,
    reply: record?.reply ?? null,
    repliedBy: record?.replied_by_name ?? null,
    repliedAt: record?.replied_at ?? null,
  };
}

export async function listConfirmations(ctx: CallContext, month: string): Promise<MonthConfirmations> {
  const figures = await payMonth(ctx, month);
  const request = requestOf(ctx.sqlite, month);
  const records = recordsOf(ctx.sqlite, month);
  const rows: ConfirmationRow[] = expected(figures.rows).map((row) => {
    const record = records.get(row.staffId);
    const { state, stale } = stateOf(record, row);
    return {
      staffId: row.staffId,
      code: row.code,
      name: row.name,
      state: request ? state : 'pending',
      stale,
      note: record?.note ?? '',
      respondedAt: record?.responded_at ?? null,
      reply: record?.reply ?? null,
      repliedBy: record?.replied_by_name ?? null,
      repliedAt: record?.replied_at ?? null,
    };
  });
  return {
    month,
    closed: figures.closed,
    requestedAt: request?.requestedAt ?? null,
    requestedBy: request?.requestedBy ?? null,
    rows,
  };
}

export async function requestConfirmations(ctx: CallContext, month: string): Promise<MonthConfirmations> {
  if (month > monthOf(todayLocal(ctx.now())))
    throw new AppError('invalid_input', {
      zh: `${month} 还没有到,不能发起业绩确认。`,
      en: `${month} has not come yet; its statements cannot be put up for confirmation.`,
    });
  await ctx.db.transaction().execute(async (trx) => {
    if (requestOf(ctx.sqlite, month)) return;
    ctx.sqlite
      .prepare('INSERT INTO confirmation_requests (month, requested_at, requested_by) VALUES (?, ?, ?)')
      .run(month, ctx.now().toISOString(), ctx.actor?.code ?? 'system');
    await writeAudit(trx, ctx.actor, { action: 'confirmations.request', entity: 'month', entityId: month }, ctx.now());
  });
  return listConfirmations(ctx, month);
}

/** A salesperson confirms or disputes their own statement. */
export async function respond(
  ctx: CallContext,
  month: string,
  action: 'confirm' | 'dispute',
  note: string,
): Promise<MonthConfirmations> {
  const staffId = ctx.actor?.staffId ?? null;
  const figures = await payMonth(ctx, month);
  const row = expected(figures.rows).find((r) => r.staffId === staffId);
  if (!row)
    throw new AppError('not_found', {
      zh: `${month} 的业绩表上没有你的个人业绩单。`,
      en: `There is no statement of yours on the ${month} sheet.`,
    });
  await ctx.db.transaction().execute(async (trx) => {
    if (!requestOf(ctx.sqlite, month))
      throw new AppError('conflict', {
        zh: `经理还没有发起 ${month} 的业绩确认,请稍后再来。`,
        en: `Your manager has not put the ${month} statements up for confirmation yet.`,
      });
    const record = recordsOf(ctx.sqlite, month).get(row.staffId);
    const { state, stale } = stateOf(record, row);
    const next = nextConfirmationState(state, action, stale);
    if (isRefusal(next)) throw new AppError(next.code, next);
    const at = ctx.now().toISOString();
    ctx.sqlite
      .prepare(
        `INSERT INTO statement_confirmations (month, staff_id, state, note, figures_json, responded_at, reply, replied_by, replied_at)
         VALUES (@month, @staffId, @state, @note, @figures, @at, @reply, @repliedBy, @repliedAt)
         ON CONFLICT (month, staff_id) DO UPDATE SET state = @state, note = @note, figures_json = @figures, responded_at = @at`,
      )
      .run({
        month,
        staffId: row.staffId,
        state: next,
        note,
        figures: JSON.stringify(figuresOf(row.pay)),
        at,
        reply: record?.reply ?? null,
        repliedBy: record?.replied_by ?? null,
        repliedAt: record?.replied_at ?? null,
      });
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: `confirmations.${action}`,
        entity: 'statement',
        entityId: `${month}/${row.staffId}`,
        before: record ? { state: record.state } : { state: 'pending' },
        after: { state: next, note, figures: figuresOf(row.pay) },
      },
      ctx.now(),
    );
  });
  return listConfirmations(ctx, month);
}

/**
 * A manager answers a dispute: a reply, and optionally a bonus or deduction that settles it — in
 * the month itself while it is open, else in the first open month after (like a late payment).
 */
export async function answerDispute(
  ctx: CallContext,
  input: {
    month: string;
    staffId: number;
    reply: string;
    adjustment?: { kind: 'bonus' | 'deduction'; amountFen: number } | undefined;
  },
): Promise<MonthConfirmations> {
  await ctx.db.transaction().execute(async (trx) => {
    // Answering settles someone's pay: only for a person the caller manages (never their own).
    assertMayManagePersonId(ctx.sqlite, ctx.actor, input.staffId);
    const record = recordsOf(ctx.sqlite, input.month).get(input.staffId);
    const next = nextConfirmationState(record?.state ?? 'pending', 'answer', false);
    if (isRefusal(next)) throw new AppError(next.code, next);
    let itemId: number | null = null;
    let lands: string | null = null;
    if (input.adjustment) {
      lands = isMonthClosed(ctx.sqlite, input.month) ? firstOpenAtOrAfter(ctx.sqlite, input.month) : input.month;
      itemId = insertPayItem(ctx, {
        staffId: input.staffId,
        kind: input.adjustment.kind,
        category: '业绩确认调整',
        reason: `${input.month} 业绩单异议:${input.reply}`,
        amountFen: input.adjustment.amountFen,
        fromMonth: lands,
        toMonth: lands,
        forMonth: input.month,
      });
    }
    const at = ctx.now().toISOString();
    ctx.sqlite
      .prepare(
        `UPDATE statement_confirmations SET state = 'answered', reply = ?, replied_by = ?, replied_at = ? WHERE month = ? AND staff_id = ?`,
      )
      .run(input.reply, ctx.actor?.code ?? 'system', at, input.month, input.staffId);
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'confirmations.answer',
        entity: 'statement',
        entityId: `${input.month}/${input.staffId}`,
        before: { state: record?.state, note: record?.note },
        after: { state: next, reply: input.reply, adjustment: input.adjustment ?? null, payItemId: itemId, lands },
      },
      ctx.now(),
    );
  });
  return listConfirmations(ctx, input.month);
}

/** 月结's warning list, from the figures the month would close with. */
export function closeCheckOf(ctx: CallContext, month: string, rows: readonly PayRow[]): CloseCheck {
  const request = requestOf(ctx.sqlite, month);
  const check: CloseCheck = { month, requested: request !== null, unconfirmed: [], disputed: [] };
  if (!request) return check;
  const records = recordsOf(ctx.sqlite, month);
  for (const row of expected(rows)) {
    const { state, stale } = stateOf(records.get(row.staffId), row);
    const standing = closeStanding(state, stale);
    const person = { staffId: row.staffId, code: row.code, name: row.name };
    if (standing === 'disputed') check.disputed.push(person);
    else if (standing === 'unconfirmed') check.unconfirmed.push(person);
  }
  return check;
}
