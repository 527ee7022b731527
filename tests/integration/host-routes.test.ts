// Every route the host serves × every contract method × every kind of caller, derived from the
// host's route table and the contract (a new route or method is covered without being named
// here). Each call must be refused exactly as POST /api refuses it, and nothing may be written.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostRoutes } from '../../electron/host/routes';
import { NO_CSRF } from '../../electron/host/gate';
import type { HostRoute } from '../../electron/host/routes/types';
import type { RunningHost } from '../../electron/host/server';
import { openOffice, type Office } from '../../electron/server/office';
import { callOk, createTestOffice, owner, type TestOffice } from '../../electron/server/testing/test-office';
import { contract } from '../../shared/contract';
import type { MethodDef } from '../../shared/contract/method';
import { ROLES, type Role } from '../../shared/roles';
import { apiRoute } from '../../electron/host/routes/api';
import { databaseFingerprint, fakeRenderer, folderListing, login, send, startTestHost, type Session } from './host-harness';
import { ALLOWED_ON_DAMAGED } from '../../electron/server/core/write-gate';

/** An input no method accepts: a call that passes the gate stops at validation, so nothing is written. */
const NOT_AN_INPUT = 7;
/** Bytes an upload carries: they must never be stored by a refused call. */
const BYTES = Buffer.from('这些字节不应被保存 / these bytes must not be kept');
const PASSWORD = 'Route2026pass';

let office: TestOffice;
let host: RunningHost;
let rendererDir: string;
const sessions = {} as Record<Role, Session>;
let damagedDir: string;
let damaged: Office;
let damagedHost: RunningHost;

beforeAll(async () => {
  office = createTestOffice();
  rendererDir = fakeRenderer();
  for (const role of ROLES) {
    const staff = await callOk<{ id: number }>(office, 'staff.create', {
      code: `R-${role}`,
      name: `路由${role}`,
      role,
      hiredOn: '2025-01-01',
      baseSalaryFen: 100_000,
    });
    await callOk(office, 'auth.setPassword', { staffId: staff.id, password: PASSWORD });
  }
  const source = path.join(office.dir, 'seed.txt');
  fs.writeFileSync(source, 'a filed document');
  await callOk(office, 'archive.fileLocal', { sourcePath: source, fields: {} }, { ...owner, via: 'cli' });
  host = await startTestHost(office, rendererDir);
  for (const role of ROLES) sessions[role] = await login(host, `R-${role}`, PASSWORD);

  // The same office, damaged: a copy whose foreign keys no longer hold (the startup check then
  // refuses every write). The sessions came along, so the owner is still signed in there.
  damagedDir = `${office.dir}-damaged`;
  fs.mkdirSync(damagedDir);
  await office.sqlite.backup(path.join(damagedDir, 'office.db'));
  const raw = new Database(path.join(damagedDir, 'office.db'));
  raw.pragma('foreign_keys = OFF');
  raw
    .prepare(`INSERT INTO document_links (document_id, client_id, contract_id, linked_at) VALUES (424242, NULL, NULL, 'x')`)
    .run();
  raw.close();
  damaged = openOffice({ dataDir: damagedDir });
  expect(damaged.health?.ok).toBe(false);
  damagedHost = await startTestHost(damaged, rendererDir);
}, 120_000);

afterAll(async () => {
  await host?.close();
  await damagedHost?.close();
  await damaged?.close();
  await office?.dispose();
  fs.rmSync(damagedDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

type Caller = { name: string; session?: { cookie?: string; csrf?: string }; role: Role | null };
const methods = Object.entries(contract) as [string, MethodDef][];
const allows = (def: MethodDef, role: Role | null): boolean =>
  def.roles === 'public' || (role !== null && (def.roles as readonly string[]).includes(role));

/** What the gate must answer this caller — the same on every route that carries the method. */
function expected(
  route: HostRoute,
  name: string,
  def: MethodDef,
  caller: Caller,
  onDamaged: boolean,
): { status: number; code: string } {
  if (!route.serves(def)) return { status: 404, code: 'not_found' };
  if (caller.name === 'forged CSRF' && (route.verb === 'GET' || !NO_CSRF.has(name))) return { status: 403, code: 'forbidden' };
  if (!allows(def, caller.role))
    return caller.role === null ? { status: 401, code: 'unauthenticated' } : { status: 403, code: 'forbidden' };
  // Restoring a backup is the cure for a damaged database: the one write that passes (write-gate.ts).
  if (onDamaged && def.kind === 'write' && !ALLOWED_ON_DAMAGED.has(name)) return { status: 503, code: 'unavailable' };
  return { status: 400, code: 'invalid_input' };
}

async function callEvery(target: RunningHost, callers: Caller[], onDamaged: boolean, watched: Office) {
  const before = { db: databaseFingerprint(watched.sqlite), files: folderListing(watched.dataDir) };
  const counts: Record<
    string,
    { methods: number; calls: number; refusedAtGate: number; passedGate: number; notCarried: number }
  > = {};
  for (const route of hostRoutes) {
    const count = (counts[route.name] = {
      methods: methods.filter(([, def]) => route.serves(def)).length,
      calls: 0,
      refusedAtGate: 0,
      passedGate: 0,
      notCarried: 0,
    });
    for (const [name, def] of methods) {
      for (const caller of callers) {
        const answer = await send(target, route.requestFor(name, NOT_AN_INPUT, BYTES), caller.session);
        const want = expected(route, name, def, caller, onDamaged);
        const label = `${route.verb} ${route.prefix}${name} as ${caller.name}${onDamaged ? ' (damaged)' : ''}`;
        expect({ status: answer.status, code: answer.envelope?.ok === false ? answer.envelope.error.code : 'ok' }, label).toEqual(
          want,
        );
        // Refused the way /api refuses the same caller: the same envelope, word for word.
        if (route !== apiRoute && want.status !== 404 && want.status !== 400) {
          const viaApi = await send(target, apiRoute.requestFor(name, NOT_AN_INPUT), caller.session);
          expect(answer.envelope, `${label} vs /api`).toEqual(viaApi.envelope);
        }
        count.calls++;
        if (want.status === 404) count.notCarried++;
        else if (want.status === 400) count.passedGate++;
        else count.refusedAtGate++;
      }
    }
  }
  expect(databaseFingerprint(watched.sqlite), 'nothing written to the database').toBe(before.db);
  expect(
    folderListing(watched.dataDir).filter((f) => !f.startsWith('office.db')),
    'no file kept',
  ).toEqual(before.files.filter((f) => !f.startsWith('office.db')));
  return counts;
}

describe('every host route goes through the one gate', () => {
  it('derives its cases from the route table and the contract', () => {
    expect(hostRoutes.map((r) => r.name)).toEqual(expect.arrayContaining(['api', 'upload', 'download']));
    for (const route of hostRoutes)
      expect(
        methods.some(([, def]) => route.serves(def)),
        route.name,
      ).toBe(true);
    // A method that answers with a file is a read (a GET must never change anything).
    for (const [name, def] of methods) if (def.download) expect(def.kind, name).toBe('read');
  });

  it('refuses anonymous callers, forged CSRF tokens and every role a method does not list, writing nothing', async () => {
    const callers: Caller[] = [
      { name: 'anonymous', role: null },
      { name: 'forged CSRF', session: { cookie: sessions.owner.cookie, csrf: 'forged' }, role: 'owner' },
      ...ROLES.map((role) => ({ name: role, session: sessions[role], role })),
    ];
    const counts = await callEvery(host, callers, false, office);
    console.log('[route matrix]', JSON.stringify(counts));
    for (const c of Object.values(counts)) expect(c.refusedAtGate).toBeGreaterThan(0);
  }, 300_000);

  it('refuses every write on a damaged database, on every route, as /api does, and writes nothing', async () => {
    const counts = await callEvery(damagedHost, [{ name: 'owner', session: sessions.owner, role: 'owner' }], true, damaged);
    console.log('[route matrix, damaged database]', JSON.stringify(counts));
  }, 300_000);
});
