import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { AuthState } from '../../../shared/contract/auth';
import type { OfficeSettings } from '../../../shared/contract/settings';
import type { StaffRow } from '../../../shared/contract/staff';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import { expectRefused } from '../testing/refusal';

let office: TestOffice;
afterEach(() => office.dispose());

const publicCall = (method: string, input?: unknown) => office.call(null, method, input);
/** Before anyone has a password, the desktop app and a loopback browser act as the local owner. */
const localOwner = { ...actorOf('owner', 'local'), via: 'http' as const };
// The browser on this computer: the host says its peer is loopback.
const setup = (input: unknown) => office.call(localOwner, 'settings.completeSetup', input, { loopback: true });

it('first-run creates the owner account; with a password sign-in is on at once and the password is nowhere in the log', async () => {
  office = createTestOffice({ now: () => new Date('2026-11-23T02:00:00Z') });
  const done = await setup({
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
  const weak = await setup({
    officeName: '店',
    owner: { code: 'A1', name: '店长', password: '123' },
  });
  expectRefused(weak, 'invalid_input', ['owner.password']);
  if (!weak.ok) expect(weak.error.details?.issues?.[0]?.path).toBe('owner.password');
  expect(office.sqlite.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(0);
  expect(((await publicCall('settings.get')) as { value: OfficeSettings }).value.setupDone).toBe(false);

  const done = await setup({ officeName: '店', owner: { code: 'A1', name: '店长' } });
  expect(done.ok).toBe(true);
  const status = await publicCall('auth.status');
  expect(status.ok && (status.value as AuthState).signInRequired).toBe(false);
  expect(office.sqlite.prepare(`SELECT role FROM staff WHERE code = 'A1'`).pluck().get()).toBe('owner');
});

it('first-run setup is the local owner’s only: nobody from the LAN (no actor) and no signed-in manager', async () => {
  office = createTestOffice();
  const fromLan = await publicCall('settings.completeSetup', { officeName: '别人的店', owner: { code: 'X1', name: '外人' } });
  expect(fromLan.ok ? 'ok' : fromLan.error.code).toBe('unauthenticated');
  const asManager = await office.call(actorOf('manager'), 'settings.completeSetup', { officeName: '店' });
  expect(asManager.ok ? 'ok' : asManager.error.code).toBe('forbidden');
  expect(office.sqlite.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(0);
  expect(((await publicCall('settings.get')) as { value: OfficeSettings }).value.setupDone).toBe(false);
});

it('two setups at once make one office with one owner; the second is told it is already set up', async () => {
  office = createTestOffice();
  // Both pass the first check while their passwords hash; only one may commit.
  const [a, b] = await Promise.all([
    setup({ officeName: '甲店', owner: { code: 'A1', name: '甲', password: 'First2026pass' } }),
    setup({ officeName: '乙店', owner: { code: 'B1', name: '乙', password: 'Second2026pass' } }),
  ]);
  expect([a.ok, b.ok].sort()).toEqual([false, true]);
  const refused = a.ok ? b : a;
  if (!refused.ok) expect(refused.error.code).toBe('conflict');
  expect(office.sqlite.prepare(`SELECT count(*) FROM staff WHERE role = 'owner'`).pluck().get()).toBe(1);
  expect(office.sqlite.prepare('SELECT count(*) FROM staff_passwords').pluck().get()).toBe(1);
  const again = await setup({ officeName: '丙店' });
  expect(again.ok ? 'ok' : again.error.code).toBe('conflict');
}, 120_000);

it('settings.get names the office to anyone but tells where its files are only to a signed-in caller', async () => {
  office = createTestOffice();
  await setup({ officeName: '阳光店', owner: { code: 'A1', name: '店长' } });
  const anonymous = ((await publicCall('settings.get')) as { value: OfficeSettings }).value;
  expect(anonymous).toMatchObject({ officeName: '阳光店', setupDone: true, archiveRoot: '', dataDir: '' });
  expect(JSON.stringify(anonymous)).not.toContain(office.dir);
  const signedIn = await callOk<OfficeSettings>(office, 'settings.get', {});
  expect(signedIn.dataDir).toBe(office.dir);
  expect(signedIn.archiveRoot.startsWith(office.dir)).toBe(true);
});

it('refuses an archive folder that is not a full path on this computer', async () => {
  office = createTestOffice();
  for (const archiveRoot of ['档案', '2026-13', 'C:relative', 'a\u0000b', '/'.padEnd(1200, 'x')]) {
    const answer = await setup({ officeName: '店', archiveRoot });
    expect(answer.ok ? 'ok' : answer.error.code, JSON.stringify(archiveRoot.slice(0, 20))).toBe('invalid_input');
  }
  if (process.platform !== 'win32') {
    const windowsPath = await setup({ officeName: '店', archiveRoot: 'D:\\门店档案' });
    expect(windowsPath.ok ? 'ok' : windowsPath.error.details?.issues?.[0]?.path).toBe('archiveRoot');
  }
  // A folder of this computer is named only from it: not from another computer on the LAN.
  const fromLan = await office.call(localOwner, 'settings.completeSetup', { officeName: '店', archiveRoot: path.join(office.dir, '档案') });
  expectRefused(fromLan, 'forbidden');
  expect(((await publicCall('settings.get')) as { value: OfficeSettings }).value.setupDone).toBe(false);
});
