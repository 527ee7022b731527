import type { Migration } from './types';

/**
 * 在职记录 (issue 15.3): every change of a person's employment — hired, 离职, dismissed,
 * 恢复在职 — as its own row, so reinstating someone keeps the history of their leaving (the
 * staff row only holds the current state). Existing offices get their hires and departures
 * filled in from the staff table.
 */
export const staffHistory: Migration = {
  name: '20261127_1400_staff_history',
  up(db) {
    db.exec(`
      CREATE TABLE staff_status_history (
        id           INTEGER PRIMARY KEY,
        staff_id     INTEGER NOT NULL REFERENCES staff(id),
        event        TEXT NOT NULL CHECK (event IN ('hired', 'left', 'dismissed', 'reinstated')),
        effective_on TEXT NOT NULL,
        from_status  TEXT,
        to_status    TEXT NOT NULL,
        reason       TEXT NOT NULL DEFAULT '',
        at           TEXT NOT NULL,
        by_code      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX staff_status_history_staff ON staff_status_history(staff_id, id);

      INSERT INTO staff_status_history (staff_id, event, effective_on, from_status, to_status, at, by_code)
        SELECT id, 'hired', hired_on, NULL, 'active', created_at, 'system' FROM staff;
      INSERT INTO staff_status_history (staff_id, event, effective_on, from_status, to_status, reason, at, by_code)
        SELECT s.id, CASE WHEN d.staff_id IS NULL THEN 'left' ELSE 'dismissed' END, s.left_on, 'active', 'left',
               COALESCE(d.reason, ''), s.updated_at, COALESCE(d.decided_by, 'system')
        FROM staff s LEFT JOIN dismissal_flags d ON d.staff_id = s.id AND d.decision = 'dismissed'
        WHERE s.status = 'left' AND s.left_on IS NOT NULL;
    `);
  },
};
