import type BetterSqlite3 from 'better-sqlite3';
import type { StaffStatus, StaffStatusEvent } from '../../../shared/contract/staff';
import type { CallContext } from '../core/context';

export type StatusEventInput = {
  staffId: number;
  event: StaffStatusEvent['event'];
  effectiveOn: string;
  from: string | null;
  to: StaffStatus;
  reason?: string;
};

/** One row of 在职记录; call inside the transaction that changes the person's status. */
export function recordStatusEvent(ctx: CallContext, e: StatusEventInput): void {
  ctx.sqlite
    .prepare(
      `INSERT INTO staff_status_history (staff_id, event, effective_on, from_status, to_status, reason, at, by_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.staffId, e.event, e.effectiveOn, e.from, e.to, e.reason ?? '', ctx.now().toISOString(), ctx.actor?.code ?? 'system');
}

export function listStatusEvents(sqlite: BetterSqlite3.Database, staffId: number): StaffStatusEvent[] {
  return sqlite
    .prepare(
      `SELECT id, event, effective_on AS effectiveOn, from_status AS fromStatus, to_status AS toStatus, reason, at, by_code AS byCode
       FROM staff_status_history WHERE staff_id = ? ORDER BY id`,
    )
    .all(staffId) as StaffStatusEvent[];
}
