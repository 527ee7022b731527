import type { Migration } from './types';

/**
 * 公海池, 回款计划 and 发票 (issue 18).
 * - A client without an owner is in the pool (公海); clients.pool_since says since when it was
 *   put there (NULL for clients that were simply never assigned).
 * - Ownership history says what kind of move each row was (claim, assign, return by the rules,
 *   put back by hand, leaving staff, merge) and on which office calendar day, so a daily claim cap
 *   and a former owner's cooldown are counted in the office's days, not in UTC.
 * - instalments: a contract's 回款计划; money received is spread over them oldest first
 *   (computed, never stored, so a payment, refund or deletion can never leave them out of step).
 * - invoices (发票登记) and the payments each one covers.
 * - contracts_receivable: a partial index over contracts that still have money to come, so the
 *   receivables lists and the aging report never read the 300k contracts already paid.
 */
export const poolReceivables: Migration = {
  name: '20261127_1800_pool_receivables',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN pool_since TEXT;
      CREATE INDEX clients_pool ON clients(pool_since, id) WHERE owner_staff_id IS NULL AND archived_at IS NULL;

      ALTER TABLE client_owner_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'reassign'
        CHECK (kind IN ('reassign','claim','assign','return','put_back','leave','merge'));
      ALTER TABLE client_owner_history ADD COLUMN on_date TEXT;
      CREATE INDEX client_owner_history_to ON client_owner_history(to_staff_id, kind, on_date);

      CREATE INDEX contracts_client_signed ON contracts(client_id, signed_on, status);
      CREATE INDEX contracts_receivable ON contracts(staff_id, client_id)
        WHERE amount_fen > paid_fen AND status IN ('signed','active','expired');

      CREATE TABLE instalments (
        id          INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        due_on      TEXT NOT NULL,
        amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX instalments_contract ON instalments(contract_id, due_on, id);
      CREATE INDEX instalments_due ON instalments(due_on, contract_id);

      CREATE TABLE invoices (
        id          INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contracts(id),
        -- 抬头 and 税号 as printed on the invoice.
        title       TEXT NOT NULL,
        tax_no      TEXT NOT NULL DEFAULT '',
        amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
        -- 发票号码: unique, whatever the case or spaces it was typed with.
        number      TEXT NOT NULL COLLATE NOCASE UNIQUE,
        issued_on   TEXT NOT NULL,
        notes       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX invoices_contract ON invoices(contract_id, issued_on);
      CREATE INDEX invoices_issued ON invoices(issued_on);

      CREATE TABLE invoice_payments (
        invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
        payment_id INTEGER NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
        PRIMARY KEY (invoice_id, payment_id)
      ) STRICT;
      CREATE INDEX invoice_payments_payment ON invoice_payments(payment_id);
    `);
  },
};
