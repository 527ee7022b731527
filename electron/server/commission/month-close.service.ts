import type { MonthState } from '../../../shared/contract/commission';
import type { SalesSourceLine } from '../../../shared/performance/performance-types';
import { monthOf, todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { CloseCheck } from '../../../shared/contract/statements';
import { closeCheckOf } from './confirmations.service';
import { salesLinesOf } from './credited-sales';
import { computeMonth, snapshotOf, type PayMonth } from './month-figures';
import { isMonthClosed, monthStates, toMonthState } from './month-state';

/** Before 月结: whose statements are not (or no longer) confirmed, and open disputes. */
export async function closeCheck(ctx: CallContext, month: string): Promise<CloseCheck> {
  return closeCheckOf(ctx, month, (await computeMonth(ctx, month, false)).rows);
}

function names(people: readonly { name: string }[]): string {
  return people.map((p) => p.name).join('、');
}

/**
 * 月结: compute the month once more, freeze it as a snapshot (figures, 奖金/扣款, activity,
 * statuses and each person's drill-down lines), record each person's floor result and bring
 * staff status (预警/待辞退) up to date. Nobody is dismissed here. Unconfirmed or disputed
 * statements stop a close unless the owner closes anyway, which is logged.
 */
export async function closeMonth(ctx: CallContext, month: string, closeAnyway = false): Promise<MonthState> {
  if (month > monthOf(todayLocal(ctx.now())))
    throw new AppError('invalid_input', {
      zh: `${month} 还没有到,不能月结。`,
      en: `${month} has not come yet; it cannot be closed.`,
    });
  return ctx.db.transaction().execute(async (trx) => {
    if (isMonthClosed(ctx.sqlite, month))
      throw new AppError('conflict', { zh: `${month} 已经月结过了。`, en: `${month} is already closed.` });
    // The transaction holds the one connection: read through it, not through ctx.db.
    const figures = await computeMonth({ ...ctx, db: trx }, month, true);
    const check = closeCheckOf(ctx, month, figures.rows);
    const open = check.unconfirmed.length + check.disputed.length > 0;
    if (open && !closeAnyway)
      throw new AppError(
        'conflict',
        {
          zh: `${month} 还有业绩单未确认(${names(check.unconfirmed) || '无'})或有异议(${names(check.disputed) || '无'})。请先处理;店长可以选择仍然月结(会记入操作日志)。`,
          en: `${month} has statements not confirmed (${names(check.unconfirmed) || 'none'}) or disputed (${names(check.disputed) || 'none'}). Settle them first; the owner may close anyway (logged).`,
        },
        { closeCheck: check },
      );
    if (open && ctx.actor?.role !== 'owner')
      throw new AppError(
        'forbidden',
        {
          zh: `有未确认或有异议的业绩单时,只有店长可以仍然月结。`,
          en: `Only the owner may close a month while statements are unconfirmed or disputed.`,
        },
        { closeCheck: check },
      );
    const at = ctx.now().toISOString();
    const by = ctx.actor?.code ?? 'system';
    ctx.sqlite
      .prepare(
        `INSERT INTO month_closes (month, closed, first_closed_at, closed_at, closed_by, snapshot_json) VALUES (?, 1, ?, ?, ?, ?)
         ON CONFLICT (month) DO UPDATE SET closed = 1, closed_at = excluded.closed_at, closed_by = excluded.closed_by, snapshot_json = excluded.snapshot_json`,
      )
      .run(month, at, at, by, snapshotOf(figures));
    ctx.sqlite.prepare('DELETE FROM month_results WHERE month = ?').run(month);
    const result = ctx.sqlite.prepare('INSERT INTO month_results (month, staff_id, below_floor, exempt) VALUES (?, ?, ?, ?)');
    const status = ctx.sqlite.prepare(`UPDATE staff SET status = ?, updated_at = ? WHERE id = ? AND status != 'left'`);
    for (const row of figures.rows) {
      result.run(month, row.staffId, row.pay.belowFloor ? 1 : 0, row.exempt ? 1 : 0);
      if (row.status !== 'left') status.run(row.status === 'ok' ? 'active' : row.status, at, row.staffId);
    }
    freezeLines(ctx, figures);
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'months.close',
        entity: 'month',
        entityId: month,
        after: {
          rows: figures.rows.map((r) => ({
            code: r.code,
            salesFen: r.pay.salesFen,
            commissionFen: r.pay.commissionFen,
            bonusFen: r.pay.bonusFen,
            deductionFen: r.pay.deductionFen,
            totalPayFen: r.pay.totalPayFen,
            status: r.status,
          })),
          ...(open ? { closedAnyway: true, unconfirmed: check.unconfirmed, disputed: check.disputed } : {}),
        },
      },
      ctx.now(),
    );
    return toMonthState(ctx.sqlite.prepare('SELECT * FROM month_closes WHERE month = ?').get(month) as never, ctx.sqlite);
  });
}

/** Reopening needs the owner and a reason; the frozen figures stay in the audit log. */
export async function reopenMonth(ctx: CallContext, month: string, reason: string): Promise<MonthState> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = ctx.sqlite.prepare('SELECT * FROM month_closes WHERE month = ? AND closed = 1').get(month) as
      { snapshot_json: string } | undefined;
    if (!row)
      throw new AppError('conflict', {
        zh: `${month} 没有月结,无需撤销。`,
        en: `${month} is not closed; there is nothing to reopen.`,
      });
    ctx.sqlite
      .prepare('UPDATE month_closes SET closed = 0, closed_at = NULL, closed_by = NULL, snapshot_json = NULL WHERE month = ?')
      .run(month);
    ctx.sqlite.prepare('DELETE FROM month_close_lines WHERE month = ?').run(month);
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'months.reopen',
        entity: 'month',
        entityId: month,
        before: JSON.parse(row.snapshot_json) as unknown,
        after: { reason },
      },
      ctx.now(),
    );
    return toMonthState(ctx.sqlite.prepare('SELECT * FROM month_closes WHERE month = ?').get(month) as never, ctx.sqlite);
  });
}

export function listMonths(ctx: CallContext): MonthState[] {
  return monthStates(ctx.sqlite);
}

/** Each person's drill-down lines as closed, so the statement of a closed month never moves. */
function freezeLines(ctx: CallContext, figures: PayMonth): void {
  const insert = ctx.sqlite.prepare('INSERT OR REPLACE INTO month_close_lines (month, staff_id, lines_json) VALUES (?, ?, ?)');
  for (const row of figures.rows)
    insert.run(
      figures.month,
      row.staffId,
      JSON.stringify(salesLinesOf(ctx.sqlite, figures.month, row.staffId, figures.creditBasis)),
    );
}

/** The frozen drill-down of a closed month (null for months closed before lines were kept). */
export function frozenLines(ctx: CallContext, month: string, staffId: number): SalesSourceLine[] | null {
  const json = ctx.sqlite
    .prepare('SELECT lines_json FROM month_close_lines WHERE month = ? AND staff_id = ?')
    .pluck()
    .get(month, staffId) as string | undefined;
  return json ? (JSON.parse(json) as SalesSourceLine[]) : null;
}
