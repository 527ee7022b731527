import type { MonthState } from '../../../shared/contract/commission';
import { monthOf, todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { computeMonth, snapshotOf } from './month-figures';
import { isMonthClosed, monthStates, toMonthState } from './month-state';

/**
 * 月结: compute the month once more, freeze it as a snapshot, record each person's floor result
 * and bring staff status (预警/待辞退) up to date. Nobody is dismissed here.
 */
export async function closeMonth(ctx: CallContext, month: string): Promise<MonthState> {
  if (month > monthOf(todayLocal(ctx.now())))
    throw new AppError('invalid_input', `${month} 还没有到,不能月结。`, `${month} has not come yet; it cannot be closed.`);
  return ctx.db.transaction().execute(async (trx) => {
    if (isMonthClosed(ctx.sqlite, month))
      throw new AppError('conflict', `${month} 已经月结过了。`, `${month} is already closed.`);
    // The transaction holds the one connection: read through it, not through ctx.db.
    const figures = await computeMonth({ ...ctx, db: trx }, month, true);
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
            status: r.status,
          })),
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
      throw new AppError('conflict', `${month} 没有月结,无需撤销。`, `${month} is not closed; there is nothing to reopen.`);
    ctx.sqlite
      .prepare('UPDATE month_closes SET closed = 0, closed_at = NULL, closed_by = NULL, snapshot_json = NULL WHERE month = ?')
      .run(month);
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
