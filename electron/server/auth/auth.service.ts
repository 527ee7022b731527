import { createHash, randomBytes } from 'node:crypto';
import type { AuthState, SignedIn } from '../../../shared/contract/auth';
import type { Actor, Role } from '../../../shared/roles';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext, OfficeContext } from '../core/context';
import { hashPassword, passwordProblem, verifyPassword } from './password';

export const SESSION_DAYS = 7;
export const IDLE_LOCK_MINUTES = 15;
const FREE_FAILURES = 5;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Sign-in is required as soon as one person has a password; before that the local owner acts (loopback only). */
export function signInRequired(ctx: OfficeContext): boolean {
  return ctx.sqlite.prepare('SELECT 1 FROM staff_passwords LIMIT 1').get() !== undefined;
}

type StaffRecord = { id: number; code: string; name: string; role: Role; status: string };

function signedIn(s: StaffRecord): SignedIn {
  return { staffId: s.id, code: s.code, name: s.name, role: s.role };
}

/** The person behind a session token, or null (unknown, expired, or left). Touches last-seen. */
export function sessionActor(ctx: OfficeContext, token: string | null, via: Actor['via']): (Actor & { csrf: string }) | null {
  if (!token) return null;
  const now = ctx.now().toISOString();
  const row = ctx.sqlite
    .prepare(
      `SELECT s.id, s.code, s.name, s.role, s.status, x.csrf FROM sessions x JOIN staff s ON s.id = x.staff_id
       WHERE x.token_hash = ? AND x.expires_at > ? AND s.status != 'left'`,
    )
    .get(tokenHash(token), now) as (StaffRecord & { csrf: string }) | undefined;
  if (!row) return null;
  ctx.sqlite.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash(token));
  return { staffId: row.id, code: row.code, name: row.name, role: row.role, via, csrf: row.csrf };
}

export function authState(ctx: CallContext): AuthState {
  const session = sessionActor(ctx, ctx.sessionToken ?? null, ctx.actor?.via ?? 'http');
  return {
    signInRequired: signInRequired(ctx),
    me:
      session && session.staffId !== null
        ? { staffId: session.staffId, code: session.code, name: session.name, role: session.role }
        : null,
    csrf: session?.csrf ?? null,
    idleLockMinutes: IDLE_LOCK_MINUTES,
  };
}

/**
 * 登录 by 工号 and password. After 5 failures for a 工号 it is locked, doubling from 30 s up to
 * 15 min, and the message says until when. The new session's token is returned once (the
 * transport puts it in a cookie or keeps it in the desktop process) and only its hash is stored.
 */
export async function login(ctx: CallContext, code: string, password: string): Promise<AuthState & { token: string }> {
  const now = ctx.now();
  const failure = ctx.sqlite.prepare('SELECT failures, locked_until FROM login_failures WHERE code = ?').get(code) as
    { failures: number; locked_until: string | null } | undefined;
  if (failure?.locked_until && failure.locked_until > now.toISOString())
    throw new AppError(
      'too_many_requests',
      `工号 ${code} 登录失败次数过多,请在 ${failure.locked_until.slice(11, 19)}(UTC)之后再试,或请店长重设密码。`,
      `Too many failed sign-ins for ${code}; try again after ${failure.locked_until.slice(11, 19)} UTC, or ask the owner to reset the password.`,
    );
  const staff = ctx.sqlite
    .prepare(
      `SELECT s.*, p.hash FROM staff s JOIN staff_passwords p ON p.staff_id = s.id WHERE s.code = ? AND s.status != 'left'`,
    )
    .get(code) as (StaffRecord & { hash: string }) | undefined;
  const ok = staff ? await verifyPassword(password, staff.hash) : (await hashPassword(password), false);
  if (!ok || !staff) {
    // Committed first, then refused: a failed attempt must count even though the call fails.
    await ctx.db.transaction().execute(async (trx) => {
      const failures = (failure?.failures ?? 0) + 1;
      const lockMs = failures > FREE_FAILURES ? Math.min(15 * 60_000, 30_000 * 2 ** (failures - FREE_FAILURES - 1)) : 0;
      ctx.sqlite
        .prepare(
          'INSERT INTO login_failures (code, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
        )
        .run(code, failures, lockMs ? new Date(now.getTime() + lockMs).toISOString() : null);
      await writeAudit(trx, ctx.actor, { action: 'auth.failed', entity: 'staff', entityId: code }, now);
    });
    throw new AppError('unauthenticated', '工号或密码不对。', 'Wrong staff code or password.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    ctx.sqlite.prepare('DELETE FROM login_failures WHERE code = ?').run(code);
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    ctx.sqlite
      .prepare(
        'INSERT INTO sessions (token_hash, staff_id, csrf, via, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        tokenHash(token),
        staff.id,
        csrf,
        ctx.actor?.via ?? 'http',
        now.toISOString(),
        now.toISOString(),
        new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
      );
    await writeAudit(
      trx,
      { ...signedIn(staff), via: ctx.actor?.via ?? 'http' },
      { action: 'auth.login', entity: 'staff', entityId: staff.id },
      now,
    );
    return { signInRequired: true, me: signedIn(staff), csrf, idleLockMinutes: IDLE_LOCK_MINUTES, token };
  });
}

export async function logout(ctx: CallContext): Promise<{ signedOut: boolean }> {
  if (!ctx.sessionToken) return { signedOut: false };
  const removed = await ctx.db
    .transaction()
    .execute(
      async () => ctx.sqlite.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(ctx.sessionToken!)).changes,
    );
  return { signedOut: removed > 0 };
}

/** A password checked against the rules (the error names `field`), then hashed. */
export async function checkedPasswordHash(password: string, field = 'password'): Promise<string> {
  const problem = passwordProblem(password);
  if (problem)
    throw new AppError('invalid_input', problem.zh, problem.en, {
      issues: [{ path: field, message: problem.zh, messageEn: problem.en }],
    });
  return hashPassword(password);
}

async function storePassword(ctx: CallContext, staffId: number, password: string, keepToken: string | null): Promise<number> {
  const hash = await checkedPasswordHash(password);
  return ctx.db.transaction().execute(async (trx) => {
    ctx.sqlite
      .prepare(
        'INSERT INTO staff_passwords (staff_id, hash, updated_at) VALUES (?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at',
      )
      .run(staffId, hash, ctx.now().toISOString());
    // A changed password ends every other session of that person.
    const ended = ctx.sqlite
      .prepare('DELETE FROM sessions WHERE staff_id = ? AND token_hash != ?')
      .run(staffId, keepToken ? tokenHash(keepToken) : '').changes;
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'auth.password', entity: 'staff', entityId: staffId, after: { endedSessions: ended } },
      ctx.now(),
    );
    return ended;
  });
}

export async function changePassword(
  ctx: CallContext,
  current: string,
  next: string,
): Promise<{ changed: boolean; endedSessions: number }> {
  const staffId = ctx.actor?.staffId;
  const stored = staffId
    ? (ctx.sqlite.prepare('SELECT hash FROM staff_passwords WHERE staff_id = ?').get(staffId) as { hash: string } | undefined)
    : undefined;
  if (!staffId || !stored || !(await verifyPassword(current, stored.hash)))
    throw new AppError('invalid_input', '当前密码不对。', 'The current password is wrong.', {
      issues: [{ path: 'current', message: '当前密码不对', messageEn: 'Wrong current password' }],
    });
  return { changed: true, endedSessions: await storePassword(ctx, staffId, next, ctx.sessionToken ?? null) };
}

/** The owner (or the CLI, as owner) sets anyone's password — the first one turns sign-in on. */
export async function setPassword(
  ctx: CallContext,
  staffId: number,
  password: string,
): Promise<{ staffId: number; endedSessions: number }> {
  const staff = ctx.sqlite.prepare(`SELECT status FROM staff WHERE id = ?`).get(staffId) as { status: string } | undefined;
  if (!staff || staff.status === 'left')
    throw new AppError('not_found', `员工(编号 ${staffId})不存在或已离职。`, `Staff #${staffId} does not exist or has left.`);
  return { staffId, endedSessions: await storePassword(ctx, staffId, password, null) };
}
