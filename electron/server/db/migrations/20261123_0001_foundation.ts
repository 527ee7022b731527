import type { Migration } from './types';

export const foundation: Migration = {
  name: '20261123_0001_foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id              INTEGER PRIMARY KEY,
        code            TEXT NOT NULL COLLATE NOCASE UNIQUE,
        name            TEXT NOT NULL,
        role            TEXT NOT NULL CHECK (role IN ('owner','manager','clerk','salesperson')),
        hired_on        TEXT NOT NULL,
        left_on         TEXT,
        base_salary_fen INTEGER NOT NULL CHECK (base_salary_fen >= 0),
        status          TEXT NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active','warning','dismissal_due','left')),
        phone           TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor_code  TEXT NOT NULL,
        actor_role  TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT,
        before_json TEXT,
        after_json  TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
      CREATE INDEX audit_log_at ON audit_log(at);
    `);
  },
};
