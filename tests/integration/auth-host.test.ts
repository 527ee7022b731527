import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { giveQuickPassword } from '../../electron/server/testing/quick-password';
import { FREE_FAILURES } from '../../electron/server/auth/auth.service';

let office: TestOffice;
let host: RunningHost;
let rendererDir: string;

beforeAll(async () => {
  office = createTestOffice();
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>门店通</title>');
  host = await startHost({ office, rendererDir });
});
afterAll(async () => {
  await host.close();
  await office.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

type Session = { cookie: string; csrf: string };

/** fetch may not set Host, so a raw request plays the DNS-rebinding page. */
function statusWithHost(hostHeader: string, method = 'auth.status', body: unknown = {}, session?: Session): Promise<number> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: {
          Host: hostHeader,
          'Content-Type': 'application/json',
          ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function call(method: string, body: unknown, session?: Session, headers: Record<string, string> = {}) {
  const response = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } },
    headers: response.headers,
  };
}

async function login(code: string, password: string): Promise<Session> {
  const answer = await call('auth.login', { code, password });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const setCookie = answer.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  expect(JSON.stringify(answer.body)).not.toMatch(/token/);
  return { cookie: setCookie.split(';')[0]!, csrf: (answer.body.value as { csrf: string }).csrf };
}

describe('sign-in over HTTP', () => {
  it('turns on with the first password; then sessions, CSRF, roles, lockout and password changes hold', async () => {
    // A new office: the person at this computer is the owner.
    const boss = await call('staff.create', {
      code: 'B001',
      name: '王店长',
      role: 'owner',
      hiredOn: '2024-01-01',
      baseSalaryFen: 800000,
    });
    const seller = await call('staff.create', {
      code: 'S001',
      name: '张伟',
      role: 'salesperson',
      hiredOn: '2024-01-01',
      baseSalaryFen: 300000,
    });
    const bossId = (boss.body.value as { id: number }).id;
    const sellerId = (seller.body.value as { id: number }).id;
    expect((await call('auth.status', {})).body.value).toMatchObject({ signInRequired: false });
    expect((await call('auth.setPassword', { staffId: bossId, password: 'short' })).status).toBe(400);
    expect((await call('auth.setPassword', { staffId: bossId, password: 'Boss2026pass' })).status).toBe(200);

    // From now on nobody is anybody without a session.
    expect((await call('auth.status', {})).body.value).toMatchObject({ signInRequired: true, me: null });
    expect((await call('staff.list', {})).status).toBe(401);
    expect((await call('auth.login', { code: 'B001', password: 'wrong-pass1' })).status).toBe(401);

    const owner = await login('b001', 'Boss2026pass');
    expect((await call('staff.list', {}, { ...owner, csrf: 'forged' })).status).toBe(403);
    expect((await call('staff.list', {}, owner)).status).toBe(200);
    expect((await call('auth.setPassword', { staffId: sellerId, password: 'Sell2026pass' }, owner)).status).toBe(200);

    // A page on another site, or a rebinding host name, is refused even with the cookie.
    expect((await call('staff.list', {}, owner, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('staff.list', {}, owner, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(await statusWithHost('evil.example:80')).toBe(403);
    expect(await statusWithHost(new URL(host.url).host)).toBe(200);

    // The same refusals for a write, with a valid session: 4xx, and nothing is written.
    const staffCount = async () => ((await call('staff.list', {}, owner)).body.value as unknown[]).length;
    const before = await staffCount();
    const newcomer = { code: 'X9', name: '不该出现', role: 'clerk', hiredOn: '2024-01-01', baseSalaryFen: 1 };
    const noCsrf = { cookie: owner.cookie, csrf: '' };
    const attempts = [
      await call('staff.create', newcomer, noCsrf),
      await call('staff.create', newcomer, { ...owner, csrf: 'forged' }),
      await call('staff.create', newcomer, owner, { Origin: 'http://evil.example' }),
      await call('staff.create', newcomer, owner, { 'Sec-Fetch-Site': 'cross-site' }),
    ].map((answer) => answer.status);
    attempts.push(await statusWithHost('evil.example:80', 'staff.create', newcomer, owner));
    expect(attempts).toEqual([403, 403, 403, 403, 403]);
    expect(await staffCount()).toBe(before);

    // Roles hold for a signed-in salesperson.
    const sales = await login('S001', 'Sell2026pass');
    expect(
      (await call('staff.create', { code: 'X1', name: 'x', role: 'clerk', hiredOn: '2024-01-01', baseSalaryFen: 1 }, sales))
        .status,
    ).toBe(403);
    expect((await call('auth.me', {}, sales)).body.value).toMatchObject({ code: 'S001', role: 'salesperson' });

    // A password change ends the other sessions.
    const other = await login('S001', 'Sell2026pass');
    expect(
      (await call('auth.changePassword', { current: 'Sell2026pass', next: 'Sell2027pass' }, sales)).body.value,
    ).toMatchObject({ endedSessions: 1 });
    expect((await call('staff.list', {}, other)).status).toBe(401);
    expect((await call('staff.list', {}, sales)).status).toBe(200);

    // Repeated failures lock the 工号 for a while.
    for (let i = 0; i < 6; i++) await call('auth.login', { code: 'S001', password: 'nope-nope1' });
    const locked = await call('auth.login', { code: 'S001', password: 'Sell2027pass' });
    expect(locked.status).toBe(429);
    expect(locked.body.error?.message).toContain('登录失败次数过多');

    // Signing out ends the session.
    await call('auth.logout', {}, owner);
    expect((await call('staff.list', {}, owner)).status).toBe(401);
    // Each sign-in costs a full scrypt (N = 2^17): on a loaded machine that is seconds apiece.
  }, 240_000);

  it('40 wrong passwords in parallel: only the free attempts are checked, the rest get 429; the log names nobody', async () => {
    const clerk = office.sqlite
      .prepare(
        `INSERT INTO staff (code, name, role, hired_on, base_salary_fen, status, phone, created_at, updated_at)
         VALUES ('P001', '并发', 'clerk', '2024-01-01', 0, 'active', '', '2024-01-01', '2024-01-01') RETURNING id`,
      )
      .pluck()
      .get() as number;
    giveQuickPassword(office, clerk, 'Para2026pass');
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call('auth.login', { code: 'P001', password: `bad-${i}-pass` }).then((a) => a.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - FREE_FAILURES);
    const actors = office.sqlite
      .prepare(`SELECT DISTINCT actor_code || '/' || actor_role FROM audit_log WHERE action = 'auth.failed' AND entity_id = 'P001'`)
      .pluck()
      .all();
    expect(actors).toEqual(['anonymous/anonymous']);
  }, 120_000);
});
