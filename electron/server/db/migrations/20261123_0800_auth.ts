import type { Migration } from './types';

/**
 * 登录 (README › 登录、权限与备份): the staff list is the user list.
 * - staff_passwords: scrypt hashes with their parameters ("scrypt$N$r$p$salt$hash").
 * - sessions: only a hash of the session token is stored, so a copied database opens no door;
 *   each has its CSRF token and an expiry.
 * - login_failures: per 工号, for lockout with back-off after repeated failures.
 */
export const auth: Migration = {
  name: '20261123_0800_auth',
  up(db) {
    db.exec(`
      CREATE TABLE staff_passwords (
        staff_id   INTEGER PRIMARY KEY REFERENCES staff(id),
        hash       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sessions (
        token_hash   TEXT PRIMARY KEY NOT NULL,
        staff_id     INTEGER NOT NULL REFERENCES staff(id),
        csrf         TEXT NOT NULL,
        via          TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_staff ON sessions(staff_id);

      CREATE TABLE login_failures (
        code         TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
        failures     INTEGER NOT NULL,
        locked_until TEXT
      ) STRICT;
    `);
  },
};
