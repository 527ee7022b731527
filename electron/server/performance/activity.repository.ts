import type BetterSqlite3 from 'better-sqlite3';
import type { ActivityFigures } from '../../../shared/performance/performance-types';
import { monthBounds } from '../../../shared/performance/month-range';

/**
 * The sheet's activity columns (新增客户, 跟进次数, 新签合同, 资料完整度) per staff id for one
 * month. New clients count by 加入日期 and their current owner; follow-ups by who logged them;
 * contracts by 签约日期 (drafts and cancelled ones excluded); completeness is the average score
 * of the person's current clients — a snapshot, not a monthly figure, so it is the same
 * whichever month is shown.
 */
export function activityByStaff(sqlite: BetterSqlite3.Database, month: string): Map<number, ActivityFigures> {
  const { first, last } = monthBounds(month);
  const rows = sqlite
    .prepare(
      `SELECT s.id AS staffId,
         (SELECT count(*) FROM clients c WHERE c.owner_staff_id = s.id AND c.joined_on BETWEEN @first AND @last) AS newClients,
         (SELECT count(*) FROM follow_ups f WHERE f.staff_id = s.id AND f.happened_on BETWEEN @first AND @last) AS followUps,
         (SELECT count(*) FROM contracts k WHERE k.staff_id = s.id AND k.signed_on BETWEEN @first AND @last
            AND k.status NOT IN ('draft', 'cancelled')) AS newContracts,
         (SELECT round(avg(c.completeness)) FROM clients c WHERE c.owner_staff_id = s.id AND c.archived_at IS NULL) AS completeness
       FROM staff s`,
    )
    .all({ first, last }) as (Omit<ActivityFigures, 'completeness'> & { staffId: number; completeness: number | null })[];
  return new Map(rows.map(({ staffId, ...figures }) => [staffId, { ...figures, completeness: figures.completeness ?? null }]));
}
