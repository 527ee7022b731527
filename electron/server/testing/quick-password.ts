import { randomBytes, scryptSync } from 'node:crypto';
import type { Office } from '../office';

/**
 * A password hash in the stored format with a small scrypt cost (N = 2^10), for tests that sign
 * people in many times: the parameters travel with the hash, so sign-in verifies it through the
 * real code path in milliseconds instead of seconds. Never used outside tests; the real cost is
 * covered by auth's own tests.
 */
export function quickPasswordHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 1024, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Give a staff member a password (turning sign-in on) without paying the full scrypt. */
export function giveQuickPassword(office: Office, staffId: number, password: string): void {
  office.sqlite
    .prepare(
      'INSERT INTO staff_passwords (staff_id, hash, updated_at) VALUES (?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET hash = excluded.hash',
    )
    .run(staffId, quickPasswordHash(password), new Date().toISOString());
}
