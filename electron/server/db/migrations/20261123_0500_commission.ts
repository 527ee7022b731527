import type { Migration } from './types';

/**
 * 月度指标, 补贴, 月结 and 待辞退 (README › 指标、提成与月结).
 * - monthly_plans: one team default (staff_id NULL) and per-person overrides per month. Rates
 *   are basis points of a percent (5 % = 500); the multiplier is in hundredths (2× = 200).
 *   `leave_reason` on a person's plan exempts that month from the floor rule (请假).
 * - role_allowances: 交通/通讯/出勤… per role, in fen a month.
 * - month_closes: a closed month's frozen figures (JSON rows). `first_closed_at` never changes,
 *   so a payment recorded after a month was first closed is always an adjustment in a later
 *   month, even if the month is reopened and closed again.
 * - month_results: per person per closed month, what the floor rule needs (below / exempt).
 * - dismissal_flags: the owner's decision on a 待辞退 run (kept or dismissed), with the reason.
 * - credit_month on payments and contracts: the month whose sales a row counts in, fixed when
 *   the row is written — its own month while that is open, else the first open month after
 *   (月结 freezes a month; later payments and refunds become adjustments, README › 指标、提成与月结).
 * Credited sales read payments(staff_id, paid_on) and contracts(staff_id, signed_on), indexed
 * since 0002.
 */
export const commission: Migration = {
  name: '20261123_0500_commission',
  up(db) {
    db.exec(`
      CREATE TABLE monthly_plans (
        id             INTEGER PRIMARY KEY,
        month          TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        staff_id       INTEGER REFERENCES staff(id),
        floor_fen      INTEGER CHECK (floor_fen >= 0),
        target_fen     INTEGER CHECK (target_fen >= 0),
        rate_bp        INTEGER CHECK (rate_bp BETWEEN 0 AND 10000),
        multiplier_pct INTEGER CHECK (multiplier_pct BETWEEN 100 AND 1000),
        leave_reason   TEXT,
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX monthly_plans_person ON monthly_plans(month, staff_id) WHERE staff_id IS NOT NULL;
      CREATE UNIQUE INDEX monthly_plans_team ON monthly_plans(month) WHERE staff_id IS NULL;

      CREATE TABLE role_allowances (
        role       TEXT NOT NULL CHECK (role IN ('owner','manager','clerk','salesperson')),
        name       TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (role, name)
      ) STRICT;
      INSERT INTO role_allowances (role, name, amount_fen) VALUES
        ('manager', '交通补贴', 15000), ('salesperson', '交通补贴', 10000),
        ('manager', '通讯补贴', 10000), ('salesperson', '通讯补贴', 5000);

      CREATE TABLE month_closes (
        month           TEXT PRIMARY KEY NOT NULL,
        closed          INTEGER NOT NULL CHECK (closed IN (0, 1)),
        first_closed_at TEXT NOT NULL,
        closed_at       TEXT,
        closed_by       TEXT,
        snapshot_json   TEXT
      ) STRICT;

      CREATE TABLE month_results (
        month       TEXT NOT NULL REFERENCES month_closes(month),
        staff_id    INTEGER NOT NULL REFERENCES staff(id),
        below_floor INTEGER NOT NULL CHECK (below_floor IN (0, 1)),
        exempt      INTEGER NOT NULL CHECK (exempt IN (0, 1)),
        PRIMARY KEY (staff_id, month)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dismissal_flags (
        id         INTEGER PRIMARY KEY,
        staff_id   INTEGER NOT NULL REFERENCES staff(id),
        month      TEXT NOT NULL,
        decision   TEXT NOT NULL CHECK (decision IN ('kept', 'dismissed')),
        reason     TEXT NOT NULL,
        left_on    TEXT,
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        UNIQUE (staff_id, month)
      ) STRICT;

      ALTER TABLE payments ADD COLUMN credit_month TEXT;
      UPDATE payments SET credit_month = substr(paid_on, 1, 7);
      CREATE INDEX payments_credit ON payments(credit_month, staff_id, amount_fen);
      ALTER TABLE contracts ADD COLUMN credit_month TEXT;
      UPDATE contracts SET credit_month = substr(signed_on, 1, 7) WHERE signed_on IS NOT NULL;
      CREATE INDEX contracts_credit ON contracts(credit_month, staff_id);

      ${creditMonthTrigger('payments', 'paid_on', 'AFTER INSERT')}
      ${creditMonthTrigger('contracts', 'signed_on', 'AFTER INSERT')}
      ${creditMonthTrigger('contracts', 'signed_on', 'AFTER UPDATE OF signed_on')}

    `);
  },
};

/**
 * The first month at or after the row's date that is not closed: the row's own month, or the
 * month after a closed one — whichever is smallest and not closed. (SQLite allows no WITH in a
 * trigger, so the candidates are listed directly.)
 */
function creditMonthTrigger(table: string, dateColumn: string, event: string): string {
  const name = `${table}_credit_month_${event.includes('UPDATE') ? 'update' : 'insert'}`;
  return `
      CREATE TRIGGER ${name} ${event} ON ${table}
      WHEN NEW.${dateColumn} IS NOT NULL
      BEGIN
        UPDATE ${table} SET credit_month = (
          SELECT min(candidate) FROM (
            SELECT substr(NEW.${dateColumn}, 1, 7) AS candidate
            UNION ALL
            SELECT substr(date(month || '-01', '+1 month'), 1, 7) FROM month_closes
            WHERE closed = 1 AND month >= substr(NEW.${dateColumn}, 1, 7)
          ) WHERE candidate NOT IN (SELECT month FROM month_closes WHERE closed = 1)
        ) WHERE id = NEW.id;
      END;`;
}
