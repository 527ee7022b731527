import type { Migration } from './types';

/**
 * The office's client database (README › 客户、合同与收款): clients, their phones (normalised, for 撞单),
 * ownership history, follow-ups, contracts and payments. Money in fen; dates 'YYYY-MM-DD'.
 */
export const clientsContractsPayments: Migration = {
  name: '20261123_0002_clients_contracts_payments',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        id                 INTEGER PRIMARY KEY,
        kind               TEXT NOT NULL DEFAULT 'company' CHECK (kind IN ('company','person')),
        name               TEXT NOT NULL,
        -- Normalised name (全角→半角, no spaces, no 有限公司-type suffix) for duplicate checks.
        name_key           TEXT NOT NULL,
        contact_name       TEXT NOT NULL DEFAULT '',
        wechat             TEXT NOT NULL DEFAULT '',
        qq                 TEXT NOT NULL DEFAULT '',
        email              TEXT NOT NULL DEFAULT '',
        address            TEXT NOT NULL DEFAULT '',
        province           TEXT NOT NULL DEFAULT '',
        city               TEXT NOT NULL DEFAULT '',
        district           TEXT NOT NULL DEFAULT '',
        township           TEXT NOT NULL DEFAULT '',
        industry           TEXT NOT NULL DEFAULT '',
        size               TEXT NOT NULL DEFAULT '',
        source             TEXT NOT NULL DEFAULT 'other',
        referrer_client_id INTEGER REFERENCES clients(id) ON DELETE SET NULL,
        referrer_name      TEXT NOT NULL DEFAULT '',
        joined_on          TEXT NOT NULL,
        owner_staff_id     INTEGER REFERENCES staff(id),
        level              INTEGER NOT NULL DEFAULT 4 CHECK (level BETWEEN 1 AND 4),
        grade              TEXT NOT NULL DEFAULT '' CHECK (grade IN ('', 'A', 'B', 'C')),
        man_money          INTEGER NOT NULL DEFAULT 0 CHECK (man_money IN (0,1)),
        man_authority      INTEGER NOT NULL DEFAULT 0 CHECK (man_authority IN (0,1)),
        man_need           INTEGER NOT NULL DEFAULT 0 CHECK (man_need IN (0,1)),
        value_type         TEXT NOT NULL DEFAULT '',
        stage              TEXT NOT NULL DEFAULT 'prepare',
        birthday           TEXT,
        anniversary        TEXT,
        notes              TEXT NOT NULL DEFAULT '',
        completeness       INTEGER NOT NULL DEFAULT 0 CHECK (completeness BETWEEN 0 AND 100),
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        archived_at        TEXT
      ) STRICT;
      CREATE INDEX clients_joined ON clients(joined_on, id);
      CREATE INDEX clients_owner ON clients(owner_staff_id, joined_on);
      CREATE INDEX clients_name_key ON clients(name_key);

      CREATE TABLE client_phones (
        id        INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        -- As typed, for display.
        phone     TEXT NOT NULL,
        -- Digits only, +86/0086 stripped: the key 撞单 checks compare.
        phone_key TEXT NOT NULL,
        kind      TEXT NOT NULL DEFAULT 'mobile' CHECK (kind IN ('mobile','landline','other'))
      ) STRICT;
      CREATE INDEX client_phones_key ON client_phones(phone_key);
      CREATE INDEX client_phones_client ON client_phones(client_id);

      CREATE TABLE client_owner_history (
        id            INTEGER PRIMARY KEY,
        client_id     INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        from_staff_id INTEGER REFERENCES staff(id),
        to_staff_id   INTEGER REFERENCES staff(id),
        changed_at    TEXT NOT NULL,
        changed_by    TEXT NOT NULL,
        reason        TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX client_owner_history_client ON client_owner_history(client_id, changed_at);

      CREATE TABLE follow_ups (
        id            INTEGER PRIMARY KEY,
        client_id     INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        staff_id      INTEGER REFERENCES staff(id),
        happened_on   TEXT NOT NULL,
        way           TEXT NOT NULL CHECK (way IN ('phone','visit','inbound_visit','wechat','other')),
        content       TEXT NOT NULL DEFAULT '',
        next_step     TEXT NOT NULL DEFAULT '',
        next_on       TEXT,
        done          INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX follow_ups_client ON follow_ups(client_id, happened_on);
      CREATE INDEX follow_ups_due ON follow_ups(staff_id, done, next_on);
      CREATE INDEX follow_ups_month ON follow_ups(happened_on);

      CREATE TABLE contracts (
        id              INTEGER PRIMARY KEY,
        number          TEXT NOT NULL COLLATE NOCASE UNIQUE,
        client_id       INTEGER NOT NULL REFERENCES clients(id),
        staff_id        INTEGER REFERENCES staff(id),
        product         TEXT NOT NULL DEFAULT '',
        amount_fen      INTEGER NOT NULL CHECK (amount_fen >= 0),
        signed_on       TEXT,
        starts_on       TEXT,
        ends_on         TEXT,
        status          TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft','signed','active','expired','cancelled')),
        renewal_of_id   INTEGER REFERENCES contracts(id),
        notes           TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      ) STRICT;
      CREATE INDEX contracts_client ON contracts(client_id);
      CREATE INDEX contracts_staff_signed ON contracts(staff_id, signed_on);
      CREATE INDEX contracts_ends ON contracts(ends_on, status);
      CREATE INDEX contracts_renewal_of ON contracts(renewal_of_id);

      CREATE TABLE payments (
        id          INTEGER PRIMARY KEY,
        contract_id INTEGER NOT NULL REFERENCES contracts(id),
        -- Who the money is credited to: the contract's salesperson when it was received,
        -- so a later reassignment does not move past months' sales.
        staff_id    INTEGER REFERENCES staff(id),
        paid_on     TEXT NOT NULL,
        -- Negative for a refund (退款), in the month it happens.
        amount_fen  INTEGER NOT NULL CHECK (amount_fen <> 0),
        method      TEXT NOT NULL DEFAULT 'transfer'
                    CHECK (method IN ('cash','transfer','wechat','alipay','card','other')),
        notes       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX payments_contract ON payments(contract_id);
      CREATE INDEX payments_staff_paid ON payments(staff_id, paid_on);
      CREATE INDEX payments_paid ON payments(paid_on);
    `);
  },
};
