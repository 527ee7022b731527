import { afterEach, expect, it } from 'vitest';
import type { AuthState } from '../../../shared/contract/auth';
import type { OfficeSettings } from '../../../shared/contract/settings';
import type { StaffRow } from '../../../shared/contract/staff';
import { callOk, createTestOffice, type TestOffice } from '../testing/test-office';

let office: TestOffice;
afterEach(() => office.dispose());

const publicCall = (method: string, input?: unknown) => office.call(null, method, input);

it('first-run creates the owner account; with a password sign-in is on at once and the password is nowhere in the log', async () => {
  office = createTestOffice({ now: () => new Date('2026-11-23T02:00:00Z') });
  const done = await publicCall('settings.completeSetup', {
    officeName: '阳光加盟店',
    owner: { code: 'DZ01', name: '王店长', password: 'Sunny2026shop' },
  });
  expect(done.ok && (done.value as OfficeSettings).setupDone).toBe(true);
  const staff = await callOk<StaffRow[]>(office, 'staff.list', {});
  expect(staff.map((s) => [s.code, s.name, s.role, s.hiredOn])).toEqual([['DZ01', '王店长', 'owner', '2026-11-23']]);
  const status = await publicCall('auth.status');
  expect(status.ok && (status.value as AuthState).signInRequired).toBe(true);
  const login = await publicCall('auth.login', { code: 'DZ01', password: 'Sunny2026shop' });
  expect(login.ok && (login.value as AuthState).me?.role).toBe('owner');
  const log = office.sqlite.prepare('SELECT group_concat(after_json) FROM audit_log').pluck().get() as string;
  expect(log).toContain('DZ01');
  expect(log).not.toContain('Sunny2026shop');
});

it('without a password the owner exists and the office opens without sign-in; a weak password changes nothing', async () => {
  office = createTestOffice();
  const weak = await publicCall('settings.completeSetup', {
    officeName: '店',
    owner: { code: 'A1', name: '店长', password: '123' },
  });
  expect(weak.ok).toBe(false);
  if (!weak.ok) expect(weak.error.details?.issues?.[0]?.path).toBe('owner.password');
  expect(office.sqlite.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(0);
  expect(((await publicCall('settings.get')) as { value: OfficeSettings }).value.setupDone).toBe(false);

  const done = await publicCall('settings.completeSetup', { officeName: '店', owner: { code: 'A1', name: '店长' } });
  expect(done.ok).toBe(true);
  const status = await publicCall('auth.status');
  expect(status.ok && (status.value as AuthState).signInRequired).toBe(false);
  expect(office.sqlite.prepare(`SELECT role FROM staff WHERE code = 'A1'`).pluck().get()).toBe('owner');
});
