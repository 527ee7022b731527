import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openOffice } from '../../electron/server/office';
import { giveQuickPassword } from '../../electron/server/testing/quick-password';
import { runOffice } from './office-cli';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-recovery-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The real `office` bin, as the owner would run it on the office PC. */
const office = (args: string[], stdin = '') => runOffice(dataDir, args, stdin);

async function signIn(code: string, password: string): Promise<string> {
  const o = openOffice({ dataDir });
  try {
    const answer = await o.call(null, 'auth.login', { code, password });
    return answer.ok ? 'ok' : answer.error.code;
  } finally {
    await o.close();
  }
}

const add = (code: string, role: string) =>
  office(['staff', 'add', '--code', code, '--name', code, '--role', role, '--hired-on', '2025-01-01', '--salary', '3000']);

it('the office PC is the way back: a clerk’s password cannot come first; a forgotten, locked owner password is reset from the CLI; a departed owner is reinstated', async () => {
  expect(add('B001', 'owner').code).toBe(0);
  expect(add('C001', 'clerk').code).toBe(0);
  // Sign-in turns on only with an owner's password: a clerk's first is refused, nothing stored.
  const clerkFirst = office(['user', 'password', 'C001'], 'Clerk2026pass\n');
  expect(clerkFirst.code).toBe(1);
  expect(clerkFirst.stderr).toContain('请先为店长设置密码');
  expect(office(['user', 'password', 'B001'], 'Boss2026pass\n').code).toBe(0);
  expect(office(['user', 'password', 'C001'], 'Clerk2026pass\n').code).toBe(0);

  // The owner forgets the password and locks the 工号 trying; the office PC resets it and lifts the lock.
  // (The guesses check a low-cost hash of the same format, so five of them take no time.)
  const quick = openOffice({ dataDir });
  giveQuickPassword(
    quick,
    quick.sqlite.prepare(`SELECT id FROM staff WHERE code = 'B001'`).pluck().get() as number,
    'Boss2026pass',
  );
  await quick.close();
  for (let i = 0; i < 5; i++) expect(await signIn('B001', `guess-${i}-pass`)).toBe('unauthenticated');
  expect(await signIn('B001', 'Boss2026pass')).toBe('too_many_requests');
  expect(office(['user', 'password', 'B001'], 'Fresh2026pass\n').code).toBe(0);
  expect(await signIn('B001', 'Fresh2026pass')).toBe('ok');

  // The only owner cannot be marked 离职; one marked 离职 in an older version comes back with 恢复在职.
  const db = openOffice({ dataDir });
  const answer = await db.call({ staffId: null, code: 'cli', name: '', role: 'owner', via: 'cli' }, 'staff.deactivate', {
    id: db.sqlite.prepare(`SELECT id FROM staff WHERE code = 'B001'`).pluck().get(),
    leftOn: '2026-04-01',
  });
  expect(answer.ok ? 'ok' : answer.error.code).toBe('conflict');
  db.sqlite.prepare(`UPDATE staff SET status = 'left', left_on = '2026-04-01' WHERE code = 'B001'`).run();
  await db.close();
  expect(await signIn('B001', 'Fresh2026pass')).toBe('unauthenticated');
  const back = office(['staff', 'reinstate', 'B001', '--reason', '误操作离职']);
  expect(back.code, back.stderr).toBe(0);
  expect(JSON.parse(back.stdout)).toMatchObject({ code: 'B001', status: 'active', leftOn: null });
  expect(await signIn('B001', 'Fresh2026pass')).toBe('ok');
}, 300_000);
