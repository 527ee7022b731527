import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { StaffTable } from '../db/schema';
import type { AccountRow, AuthState, SignedIn } from '../../../shared/contract/auth';
import type { Actor } from '../../../shared/roles';
import { ANONYMOUS, writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext, OfficeContext } from '../core/context';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { assertMaySetPassword } from '../staff/staff-policy';

export const SESSION_DAYS = 7;
/** The page locks after this long without activity — and so does the session on the server. */
export const IDLE_LOCK_MINUTES = 15;
/** Sign-in attempts a 工号 gets before it is locked (30 s, doubling up to 15 min). */
export const FREE_FAILURES = 5;

const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Sign-in is required as soon as one person has a password; before that the local owner acts (loopback only). */
export function signInRequired(ctx: OfficeContext): boolean {
  return ctx.sqlite.prepare('SELECT 1 FROM staff_passwords LIMIT 1').get() !== undefined;
}

type StaffRecord = Pick<Selectable<StaffTable>, 'id' | 'code' | 'name' | 'role' | 'status'>;

function signedIn(s: StaffRecord): SignedIn {
  return { staffId: s.id, code: s.code, name: s.name, role: s.role };
}

/**
 * The person behind a session token, or null: unknown, expired, idle longer than
 * IDLE_LOCK_MINUTES (the lock is the server's, not only the page's), or the person left.
 * Each use touches last-seen, so a session in use stays open.
 */
export function sessionActor(ctx: OfficeContext, token: string | null, via: Actor['via']): (Actor & { csrf: string }) | null {
  if (!token) return null;
  const now = ctx.now();
  const idleSince = new Date(now.getTime() - IDLE_LOCK_MINUTES * 60_000).toISOString();
  const hash = tokenHash(token);
  const row = ctx.sqlite
    .prepare(
      `SELECT s.id, s.code, s.name, s.role, s.status, x.csrf, x.last_seen_at AS lastSeen, x.expires_at AS expires
       FROM sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ?`,
    )
    .get(hash) as (StaffRecord & { csrf: string; lastSeen: string; expires: string }) | undefined;
  if (!row) return null;
  if (row.expires <= now.toISOString() || row.lastSeen <= idleSince || row.status === 'left') {
    // Over for good: a later request with the same cookie finds nothing.
    ctx.sqlite.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
    return null;
  }
  ctx.sqlite.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now.toISOString(), hash);
  return { staffId: row.id, code: row.code, name: row.name, role: row.role, via, csrf: row.csrf };
}

export function authState(ctx: CallContext): AuthState {
  const session = sessionActor(ctx, ctx.sessionToken ?? null, ctx.via ?? 'http');
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
 * 登录 by 工号 and password. Each attempt is counted BEFORE the slow password check, in one
 * serialized transaction, so forty attempts in parallel cannot all be checked: after
 * FREE_FAILURES attempts without a success the 工号 is locked (30 s, doubling up to 15 min) and
 * the rest are refused at once. A success clears the count. The new session's token is returned
 * once (the transport puts it in a cookie or keeps it in the desktop process); only its hash is
 * stored.
 */
export async function login(ctx: CallContext, code: string, password: string): Promise<AuthState & { token: string }> {
  const now = ctx.now();
  await countAttempt(ctx, code, now);
  const staff = ctx.sqlite
    .prepare(
      `SELECT s.*, p.hash FROM staff s JOIN staff_passwords p ON p.staff_id = s.id WHERE s.code = ? AND s.status != 'left'`,
    )
    .get(code) as (StaffRecord & { hash: string }) | undefined;
  // An unknown 工号 costs the same scrypt, so timing does not tell which 工号 exist.
  const ok = staff ? await verifyPassword(password, staff.hash) : (await hashPassword(password), false);
  if (!ok || !staff) {
    await ctx.db.transaction().execute(async (trx) => {
      const count = ctx.sqlite
        .prepare('SELECT failures, locked_until AS lockedUntil FROM login_failures WHERE code = ?')
        .get(code);
      await writeAudit(
        trx,
        ctx.actor ?? ANONYMOUS,
        { action: 'auth.failed', entity: 'staff', entityId: code, after: count },
        now,
      );
    });
    throw new AppError('unauthenticated', { zh: '工号或密码不对。', en: 'Wrong staff code or password.' });
  }
  const via = ctx.via ?? 'http';
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
        via,
        now.toISOString(),
        now.toISOString(),
        new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
      );
    await writeAudit(trx, { ...signedIn(staff), via }, { action: 'auth.login', entity: 'staff', entityId: staff.id }, now);
    return { signInRequired: true, me: signedIn(staff), csrf, idleLockMinutes: IDLE_LOCK_MINUTES, token };
  });
}

/**
 * Count one sign-in attempt for `code`, or refuse it while the 工号 is locked. Runs before the
 * password is checked; the transaction (serialized with every other) makes read-and-count one
 * step, so parallel attempts see each other's counts.
 */
async function countAttempt(ctx: CallContext, code: string, now: Date): Promise<void> {
  const lockedUntil = await ctx.db.transaction().execute(async () => {
    const row = ctx.sqlite.prepare('SELECT failures, locked_until FROM login_failures WHERE code = ?').get(code) as
      { failures: number; locked_until: string | null } | undefined;
    if (row?.locked_until && row.locked_until > now.toISOString()) return row.locked_until;
    // This attempt goes ahead and counts as a failure until it succeeds (a success deletes the
    // row). The one that uses up the free attempts locks the 工号 for whoever comes next — and
    // after a lock runs out, each further attempt locks it again, for twice as long.
    const failures = (row?.failures ?? 0) + 1;
    const until =
      failures >= FREE_FAILURES
        ? new Date(now.getTime() + Math.min(15 * 60_000, 30_000 * 2 ** Math.min(failures - FREE_FAILURES, 10))).toISOString()
        : null;
    ctx.sqlite
      .prepare(
        'INSERT INTO login_failures (code, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
      )
      .run(code, failures, until);
    return null;
  });
  if (lockedUntil) {
    const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
    throw new AppError(
      'too_many_requests',
      {
        zh: `工号 ${code} 登录失败次数过多,已锁定,请 ${seconds} 秒后再试,或请店长重设密码。`,
        en: `Too many failed sign-ins for ${code}; it is locked — try again in ${seconds} s, or ask the owner to reset the password.`,
      },
      { retryAfterSeconds: seconds },
    );
  }
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
    throw new AppError('invalid_input', problem, {
      issues: [{ path: field, message: problem.zh, messageEn: problem.en }],
    });
  return hashPassword(password);
}

async function storePassword(
  ctx: CallContext,
  staffId: number,
  password: string,
  keepToken: string | null,
  checkFirst: () => void = () => {},
): Promise<number> {
  const hash = await checkedPasswordHash(password);
  return ctx.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: the scrypt above took a while.
    checkFirst();
    ctx.sqlite
      .prepare(
        'INSERT INTO staff_passwords (staff_id, hash, updated_at) VALUES (?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at',
      )
      .run(staffId, hash, ctx.now().toISOString());
    // A new password lifts a lock from failed attempts: the owner's reset (or `office user
    // password` on the office PC) is the way back in after someone hammered a 工号.
    ctx.sqlite.prepare('DELETE FROM login_failures WHERE code = (SELECT code FROM staff WHERE id = ?)').run(staffId);
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
    throw new AppError(
      'invalid_input',
      { zh: '当前密码不对。', en: 'The current password is wrong.' },
      {
        issues: [{ path: 'current', message: '当前密码不对', messageEn: 'Wrong current password' }],
      },
    );
  return { changed: true, endedSessions: await storePassword(ctx, staffId, next, ctx.sessionToken ?? null) };
}

/**
 * The owner (or the CLI, as owner) sets or resets anyone's password. Sign-in turns on with the
 * first password, and that must be an owner's: a clerk's password first would turn sign-in on
 * with no owner able to sign in (issue 15.2), so it is refused until an active owner has one.
 */
export async function setPassword(
  ctx: CallContext,
  staffId: number,
  password: string,
): Promise<{ staffId: number; endedSessions: number }> {
  assertMaySetPassword(ctx.actor);
  const staff = ctx.sqlite.prepare(`SELECT id, code, name, role, status FROM staff WHERE id = ?`).get(staffId) as
    StaffRecord | undefined;
  if (!staff || staff.status === 'left')
    throw new AppError('not_found', {
      zh: `员工(编号 ${staffId})不存在或已离职。`,
      en: `Staff #${staffId} does not exist or has left.`,
    });
  const ownerFirst = (): void => {
    if (staff.role === 'owner' || activeOwnerHasPassword(ctx)) return;
    throw new AppError(
      'conflict',
      {
        zh: `请先为店长设置密码:登录只能由店长的密码开启,否则店长将无法进入门店通。之后再为 ${staff.name}(${staff.code})设置密码。`,
        en: `Set an owner's password first: sign-in can only be turned on by an owner's password, or the owner could not get in. Then set ${staff.name} (${staff.code})'s.`,
      },
      { issues: [{ path: 'staffId', message: '请先为店长设置密码', messageEn: "Set an owner's password first" }] },
    );
  };
  ownerFirst();
  return { staffId, endedSessions: await storePassword(ctx, staffId, password, null, ownerFirst) };
}

/** True once an active owner can sign in. */
export function activeOwnerHasPassword(ctx: OfficeContext): boolean {
  return (
    ctx.sqlite
      .prepare(
        `SELECT 1 FROM staff s JOIN staff_passwords p ON p.staff_id = s.id WHERE s.role = 'owner' AND s.status != 'left' LIMIT 1`,
      )
      .get() !== undefined
  );
}

/** Everyone still employed, whether they can sign in, and whether failed attempts locked them. */
export function accounts(ctx: CallContext): AccountRow[] {
  const now = ctx.now().toISOString();
  return (
    ctx.sqlite
      .prepare(
        `SELECT s.id AS staffId, s.code, s.name, s.role, p.staff_id IS NOT NULL AS hasPassword,
                CASE WHEN f.locked_until > ? THEN f.locked_until END AS lockedUntil
         FROM staff s LEFT JOIN staff_passwords p ON p.staff_id = s.id LEFT JOIN login_failures f ON f.code = s.code
         WHERE s.status != 'left' ORDER BY s.role != 'owner', s.code COLLATE NOCASE`,
      )
      .all(now) as (Omit<AccountRow, 'hasPassword'> & { hasPassword: number })[]
  ).map((r) => ({ ...r, hasPassword: r.hasPassword === 1 }));
}
