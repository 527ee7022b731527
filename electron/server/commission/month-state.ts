import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { MonthClosesTable } from '../db/schema';
import { actorText } from '../../../shared/audit/audit-text';
import type { MonthState } from '../../../shared/contract/commission';
import { auditNames } from '../audit/audit-names';
import { firstOpenMonth } from '../../../shared/commission/credit-month';
import { AppError } from '../core/app-error';
import { prepared } from '../db/prepared';

type CloseRecord = Omit<Selectable<MonthClosesTable>, 'snapshot_json'>;

export function toMonthState(r: CloseRecord, sqlite: BetterSqlite3.Database): MonthState {
  return {
    month: r.month,
    closed: r.closed === 1,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    // 张伟(YW01) or 本机, not the bare code `local` the session uses.
    closedByName: r.closed_by ? actorText(r.closed_by, auditNames(sqlite)) : null,
    firstClosedAt: r.first_closed_at,
  };
}

export function monthStates(sqlite: BetterSqlite3.Database): MonthState[] {
  return (sqlite.prepare('SELECT * FROM month_closes ORDER BY month DESC').all() as CloseRecord[]).map((r) =>
    toMonthState(r, sqlite),
  );
}

export function isMonthClosed(sqlite: BetterSqlite3.Database, month: string): boolean {
  return prepared(sqlite, 'SELECT 1 FROM month_closes WHERE month = ? AND closed = 1').get(month) !== undefined;
}

/** Plans and figures of a closed month are frozen (月结); change them after reopening. */
export function assertMonthOpen(sqlite: BetterSqlite3.Database, month: string): void {
  if (isMonthClosed(sqlite, month))
    throw new AppError('conflict', {
      zh: `${month} 已月结,数据已冻结。如需修改,请店长先撤销月结并写明原因。`,
      en: `${month} is closed and its figures are frozen. To change them, the owner must reopen it with a reason.`,
    });
}

export function lastClosed(sqlite: BetterSqlite3.Database): string | null {
  return (sqlite.prepare('SELECT max(month) FROM month_closes WHERE closed = 1').pluck().get() as string | null) ?? null;
}

/** The first month at or after `month` that is not closed: where a late change lands (like a late payment). */
export function firstOpenAtOrAfter(sqlite: BetterSqlite3.Database, month: string): string {
  const closed = new Set(
    sqlite.prepare('SELECT month FROM month_closes WHERE closed = 1 AND month >= ?').pluck().all(month) as string[],
  );
  return firstOpenMonth(month, closed);
}
