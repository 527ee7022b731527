import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './types';

/**
 * Commission the whole office agrees on (issue 19) and closed months that stay as closed (15.4).
 * - contract_share_sets/parts: 分成. A set applies to the sales a contract credits from
 *   `from_month` on (the latest set at or before a month wins); a set with no parts means "no
 *   sharing" again. Sets for closed months are never rewritten, so a closed month re-read after
 *   a reopen splits as it did.
 * - share_adjustments: what changing shares moved for sales already credited to an earlier month,
 *   landing in the first open month at or after it (like a late payment), per credit basis.
 * - plan_tiers: 阶梯提成 per month, team default (staff_id NULL) or one person, as JSON.
 * - pay_items: 奖金/扣款 per person, one month or recurring (to_month NULL = until stopped).
 * - bonus_rules: rules that compute 奖金 for a period.
 * - confirmation_requests / statement_confirmations: 业绩确认 (no row = not yet answered).
 * - month_close_lines: each person's drill-down lines frozen at 月结.
 * Existing closed snapshots get the activity figures as they read now, so from here on a closed
 * month no longer follows later reassignments.
 */
export const commissionExtras: Migration = {
  name: '20261127_1900_commission_extras',
  up(db) {
    db.exec(`
      CREATE TABLE contract_share_sets (
        id          INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        from_month  TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        UNIQUE (contract_id, from_month)
      ) STRICT;
      CREATE TABLE contract_share_parts (
        set_id   INTEGER NOT NULL REFERENCES contract_share_sets(id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
        PRIMARY KEY (set_id, staff_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE share_adjustments (
        id           INTEGER PRIMARY KEY,
        contract_id  INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        payment_id   INTEGER REFERENCES payments(id) ON DELETE CASCADE,
        basis        TEXT NOT NULL CHECK (basis IN ('payments', 'contracts')),
        staff_id     INTEGER NOT NULL REFERENCES staff(id),
        amount_fen   INTEGER NOT NULL,
        unit_month   TEXT NOT NULL,
        credit_month TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX share_adjustments_month ON share_adjustments(credit_month, basis, staff_id, amount_fen);
      CREATE INDEX share_adjustments_unit ON share_adjustments(contract_id, payment_id);
      CREATE INDEX share_adjustments_payment ON share_adjustments(payment_id);
      -- The month's payments of shared contracts, read from the index alone (the sheet's hot path).
      CREATE INDEX payments_credit_contract ON payments(credit_month, contract_id, staff_id, amount_fen);

      CREATE TABLE plan_tiers (
        id         INTEGER PRIMARY KEY,
        month      TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        staff_id   INTEGER REFERENCES staff(id),
        tiers_json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX plan_tiers_person ON plan_tiers(month, staff_id) WHERE staff_id IS NOT NULL;
      CREATE UNIQUE INDEX plan_tiers_team ON plan_tiers(month) WHERE staff_id IS NULL;

      CREATE TABLE pay_items (
        id         INTEGER PRIMARY KEY,
        staff_id   INTEGER NOT NULL REFERENCES staff(id),
        kind       TEXT NOT NULL CHECK (kind IN ('bonus', 'deduction')),
        category   TEXT NOT NULL,
        reason     TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        to_month   TEXT CHECK (to_month IS NULL OR to_month >= from_month),
        for_month  TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pay_items_staff ON pay_items(staff_id, from_month);

      CREATE TABLE bonus_rules (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('per_contract', 'top_collector', 'streak')),
        def_json   TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        roles_json TEXT NOT NULL,
        from_month TEXT NOT NULL CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        to_month   TEXT CHECK (to_month IS NULL OR to_month >= from_month),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE confirmation_requests (
        month        TEXT PRIMARY KEY NOT NULL,
        requested_at TEXT NOT NULL,
        requested_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE statement_confirmations (
        month        TEXT NOT NULL REFERENCES confirmation_requests(month),
        staff_id     INTEGER NOT NULL REFERENCES staff(id),
        state        TEXT NOT NULL CHECK (state IN ('confirmed', 'disputed', 'answered')),
        note         TEXT NOT NULL DEFAULT '',
        figures_json TEXT,
        responded_at TEXT NOT NULL,
        reply        TEXT,
        replied_by   TEXT,
        replied_at   TEXT,
        PRIMARY KEY (month, staff_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE month_close_lines (
        month      TEXT NOT NULL REFERENCES month_closes(month),
        staff_id   INTEGER NOT NULL,
        lines_json TEXT NOT NULL,
        PRIMARY KEY (month, staff_id)
      ) STRICT, WITHOUT ROWID;
    `);
    freezeActivityOfClosedMonths(db);
  },
};

type SnapshotRow = { staffId: number; activity?: unknown };

/**
 * Closed months closed before this version kept no activity figures; give each the figures as
 * they read today (the same queries the sheet used), once, so they stop changing from now on.
 */
function freezeActivityOfClosedMonths(db: BetterSqlite3.Database): void {
  const closed = db
    .prepare('SELECT month, snapshot_json FROM month_closes WHERE closed = 1 AND snapshot_json IS NOT NULL')
    .all() as {
    month: string;
    snapshot_json: string;
  }[];
  if (closed.length === 0) return;
  const completeness = new Map(
    (
      db
        .prepare(
          `SELECT owner_staff_id AS id, round(avg(completeness)) AS n FROM clients
            WHERE archived_at IS NULL AND owner_staff_id IS NOT NULL GROUP BY owner_staff_id`,
        )
        .all() as { id: number; n: number }[]
    ).map((r) => [r.id, r.n]),
  );
  const count = (sql: string) => db.prepare(sql);
  const newClients = count(`SELECT count(*) FROM clients WHERE owner_staff_id = ? AND joined_on BETWEEN ? AND ?`).pluck();
  const followUps = count(`SELECT count(*) FROM follow_ups WHERE staff_id = ? AND happened_on BETWEEN ? AND ?`).pluck();
  const contracts = count(
    `SELECT count(*) FROM contracts WHERE staff_id = ? AND signed_on BETWEEN ? AND ? AND status NOT IN ('draft', 'cancelled')`,
  ).pluck();
  const save = db.prepare('UPDATE month_closes SET snapshot_json = ? WHERE month = ?');
  for (const { month, snapshot_json } of closed) {
    const snapshot = JSON.parse(snapshot_json) as { rows: SnapshotRow[] };
    const first = `${month}-01`;
    const last = `${month}-31`;
    for (const row of snapshot.rows) {
      if (row.activity) continue;
      row.activity = {
        newClients: newClients.get(row.staffId, first, last) as number,
        followUps: followUps.get(row.staffId, first, last) as number,
        newContracts: contracts.get(row.staffId, first, last) as number,
        completeness: completeness.get(row.staffId) ?? null,
      };
    }
    save.run(JSON.stringify(snapshot), month);
  }
}
