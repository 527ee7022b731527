import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthState, SignedIn } from '../../../shared/contract/auth';
import type { StaffRow } from '../../../shared/contract/staff';
import type { Actor } from '../../../shared/roles';
import { staffActor } from '../testing/office-fixtures';
import { giveQuickPassword } from '../testing/quick-password';
import { actorOf, createTestOffice, type TestOffice } from '../testing/test-office';
import { FREE_FAILURES, IDLE_LOCK_MINUTES, sessionActor } from './auth.service';
import { expectRefused } from '../testing/refusal';

let office: TestOffice;
let clock: Date;
let boss: { staff: StaffRow; actor: Actor };
let clerk: { staff: StaffRow; actor: Actor };

beforeEach(async () => {
  clock = new Date('2026-04-10T03:00:00Z');
  office = createTestOffice({ now: () => clock });
  boss = await staffActor(office, 'B001', '王店长', 'owner');
  clerk = await staffActor(office, 'C001', '文员', 'clerk');
});
afterEach(() => office.dispose());

const later = (ms: number): void => {
  clock = new Date(clock.getTime() + ms);
};
const login = (code: string, password: string) =>
  office.call(null, 'auth.login', { code, password }, { token: null, via: 'http' });
const auditOf = (action: string) =>
  office.sqlite
    .prepare('SELECT actor_code AS code, actor_role AS role, entity_id AS id FROM audit_log WHERE action = ?')
    .all(action);

describe('sign-in lockout (issue 14.4)', () => {
  it('counts each attempt before the password check: of 40 parallel wrong passwords only the free ones are checked', async () => {
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('B001', `wrong-${i}-pass`)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'unauthenticated')).toHaveLength(FREE_FAILURES);
    expect(codes.filter((c) => c === 'too_many_requests')).toHaveLength(40 - FREE_FAILURES);
    // Only the checked ones are logged as failures, each naming nobody: 未登录 (anonymous).
    expect(auditOf('auth.failed')).toEqual(Array(FREE_FAILURES).fill({ code: 'anonymous', role: 'anonymous', id: 'B001' }));
    const last = office.sqlite.prepare(`SELECT after_json FROM audit_log WHERE action = 'auth.failed' ORDER BY id DESC`).pluck();
    expect(JSON.parse(last.get() as string)).toMatchObject({ failures: FREE_FAILURES, lockedUntil: '2026-04-10T03:00:30.000Z' });

    // Locked means locked — even for the right password — until the time is up.
    const locked = await login('B001', 'Boss2026pass');
    expect(locked.ok ? 'ok' : locked.error.code).toBe('too_many_requests');
    if (!locked.ok) expect(locked.error.message).toMatch(/请 \d+ 秒后再试/);
    later(31_000);
    const back = await login('B001', 'Boss2026pass');
    expect(back.ok && (back.value as AuthState).me?.code).toBe('B001');
    expect(office.sqlite.prepare('SELECT count(*) FROM login_failures').pluck().get()).toBe(0);
  });

  it('an unknown 工号 is counted and locked like a real one', async () => {
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    const codes: string[] = [];
    for (let i = 0; i < FREE_FAILURES + 2; i++) {
      const a = await login('NOBODY', 'Whatever2026');
      codes.push(a.ok ? 'ok' : a.error.code);
    }
    expect(codes).toEqual([...Array(FREE_FAILURES).fill('unauthenticated'), 'too_many_requests', 'too_many_requests']);
  });

  it('a new password from the owner lifts the lock', async () => {
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    giveQuickPassword(office, clerk.staff.id, 'Clerk2026pass');
    for (let i = 0; i <= FREE_FAILURES; i++) await login('C001', 'wrong-pass-1');
    expectRefused(await login('C001', 'Clerk2026pass'), 'too_many_requests');
    const reset = await office.call(boss.actor, 'auth.setPassword', { staffId: clerk.staff.id, password: 'Fresh2026pass' });
    expect(reset.ok).toBe(true);
    expect((await login('C001', 'Fresh2026pass')).ok).toBe(true);
  }, 60_000);
});

describe('the server locks an idle session (issue 14.4)', () => {
  it('a session unused for the idle time is over; each use keeps it open', async () => {
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    const answer = await login('B001', 'Boss2026pass');
    const token = answer.ok ? (answer.value as { token: string }).token : '';
    const me = () => office.call(null, 'auth.me', {}, { token, via: 'http' });
    for (let i = 0; i < 4; i++) {
      later((IDLE_LOCK_MINUTES - 1) * 60_000);
      expect(((await me()) as { value: SignedIn | null }).value?.code, `use ${i}`).toBe('B001');
    }
    later(IDLE_LOCK_MINUTES * 60_000 + 1_000);
    expect(sessionActor(office, token, 'http')).toBeNull();
    expect(((await me()) as { value: SignedIn | null }).value).toBeNull();
    expect(office.sqlite.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
  });
});

describe('sign-in turns on only with an owner’s password (issue 15.2)', () => {
  it('refuses a clerk’s password while no owner has one; the owner’s first, then anyone’s', async () => {
    const first = await office.call(actorOf('owner', 'local'), 'auth.setPassword', {
      staffId: clerk.staff.id,
      password: 'Clerk2026pass',
    });
    expect(first.ok ? 'ok' : first.error.code).toBe('conflict');
    if (!first.ok) expect(first.error.message).toContain('请先为店长设置密码');
    expect(office.sqlite.prepare('SELECT count(*) FROM staff_passwords').pluck().get()).toBe(0);
    expect(((await office.call(null, 'auth.status', {})) as { value: AuthState }).value.signInRequired).toBe(false);

    const owners = await office.call(actorOf('owner', 'local'), 'auth.setPassword', {
      staffId: boss.staff.id,
      password: 'Boss2026pass',
    });
    expect(owners.ok).toBe(true);
    const clerks = await office.call(actorOf('owner', 'local'), 'auth.setPassword', {
      staffId: clerk.staff.id,
      password: 'Clerk2026pass',
    });
    expect(clerks.ok).toBe(true);
  }, 120_000);

  it('nobody but an owner sets a password, and a session’s transport is recorded', async () => {
    const manager = await staffActor(office, 'M001', '经理', 'manager');
    const refused = await office.call(manager.actor, 'auth.setPassword', { staffId: clerk.staff.id, password: 'X2026pass' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    await office.call(null, 'auth.login', { code: 'B001', password: 'Boss2026pass' }, { token: null, via: 'ipc' });
    expect(office.sqlite.prepare('SELECT via FROM sessions').pluck().get()).toBe('ipc');
  });
});

describe('账户与安全 for the owner', () => {
  it('lists who can sign in and who is locked out, owners first', async () => {
    giveQuickPassword(office, boss.staff.id, 'Boss2026pass');
    giveQuickPassword(office, clerk.staff.id, 'Clerk2026pass');
    for (let i = 0; i < FREE_FAILURES; i++) await login('C001', 'wrong-pass-1');
    office.sqlite.prepare('DELETE FROM staff_passwords WHERE staff_id = ?').run(clerk.staff.id);
    const rows = await office.call(boss.actor, 'auth.accounts', {});
    expect(rows.ok && (rows.value as { code: string; hasPassword: boolean; lockedUntil: string | null }[])).toEqual([
      expect.objectContaining({ code: 'B001', hasPassword: true, lockedUntil: null }),
      expect.objectContaining({ code: 'C001', hasPassword: false, lockedUntil: '2026-04-10T03:00:30.000Z' }),
    ]);
  }, 60_000);
});
