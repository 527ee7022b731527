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

/** A caller; `from` is its own address when it is another computer on the LAN (not loopback). */
type Caller = { name: string; session?: { cookie?: string; csrf?: string }; role: Role | null; from?: string };
const LAN = '127.0.0.2';
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
        const answer = await send(target, route.requestFor(name, NOT_AN_INPUT, BYTES), caller.session, {}, caller.from);
        const want = expected(route, name, def, caller, onDamaged);
        const label = `${route.verb} ${route.prefix}${name} as ${caller.name}${onDamaged ? ' (damaged)' : ''}`;
        expect({ status: answer.status, code: answer.envelope?.ok === false ? answer.envelope.error.code : 'ok' }, label).toEqual(
          want,
        );
        // Refused the way /api refuses the same caller: the same envelope, word for word.
        if (route !== apiRoute && want.status !== 404 && want.status !== 400) {
          const viaApi = await send(target, apiRoute.requestFor(name, NOT_AN_INPUT), caller.session, {}, caller.from);
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
      // Signed in from another computer: the same rights (an input naming a server folder aside — below).
      { name: 'owner on the LAN', session: sessions.owner, role: 'owner', from: LAN },
    ];
    const counts = await callEvery(host, callers, false, office);
    console.log('[route matrix]', JSON.stringify(counts));
    for (const c of Object.values(counts)) expect(c.refusedAtGate).toBeGreaterThan(0);
  }, 300_000);

  it('refuses every write on a damaged database, on every route, as /api does, and writes nothing', async () => {
    const counts = await callEvery(damagedHost, [{ name: 'owner', session: sessions.owner, role: 'owner' }], true, damaged);
    console.log('[route matrix, damaged database]', JSON.stringify(counts));
  }, 300_000);

  it('refuses, from another computer, every method given a folder or file of the office PC — as every role it allows', async () => {
    const before = { db: databaseFingerprint(office.sqlite), files: folderListing(office.dataDir) };
    const naming = methods.filter(([, def]) => def.serverPaths?.length);
    // The scan inbox, the old folders, the backup folder, restore, local filing and first-run setup.
    expect(naming.map(([name]) => name)).toEqual(
      expect.arrayContaining(['inbox.configure', 'intake.preview', 'intake.import', 'backup.updateSettings', 'backup.run']),
    );
    expect(naming.map(([name]) => name)).toEqual(
      expect.arrayContaining(['backup.list', 'backup.check', 'backup.restore', 'archive.fileLocal', 'settings.completeSetup']),
    );
    let refused = 0;
    for (const route of hostRoutes)
      for (const [name, def] of naming) {
        if (!route.serves(def)) continue;
        for (const role of ROLES.filter((r) => allows(def, r)))
          for (const field of def.serverPaths!) {
            // An extra key no strict schema accepts: a call that passed the gate stops at validation.
            const input = { [field]: path.join(office.dir, 'elsewhere'), notAField: 1 };
            const label = `${route.verb} ${route.prefix}${name} {${field}} as ${role}`;
            const lan = await send(host, route.requestFor(name, input, BYTES), sessions[role], {}, LAN);
            expect({ status: lan.status, code: lan.envelope?.ok === false ? lan.envelope.error.code : 'ok' }, `${label} from the LAN`).toEqual({
              status: 403,
              code: 'forbidden',
            });
            if (lan.envelope?.ok === false) {
              expect(lan.envelope.error.message, label).toContain('只能在门店电脑上设置');
              expect(lan.envelope.error.messageEn, label).toContain('Only on the office PC');
              expect(lan.envelope.error.details, label).toMatchObject({ method: name, fields: [field], onlyOnOfficePc: true });
            }
            // The same call from this computer passes the gate (and stops at validation).
            const here = await send(host, route.requestFor(name, input, BYTES), sessions[role]);
            expect(here.envelope?.ok === false ? here.envelope.error.code : 'ok', `${label} from this computer`).toBe('invalid_input');
            refused++;
          }
      }
    console.log(`[route matrix, server folders] ${naming.length} methods, ${refused} calls refused from the LAN`);
    expect(refused).toBeGreaterThanOrEqual(naming.length);
    expect(databaseFingerprint(office.sqlite), 'nothing written to the database').toBe(before.db);
  }, 300_000);

  it('lets a LAN owner back up to the folder chosen at the office PC and turn the inbox off (no folder named)', async () => {
    for (const [name, input] of [
      ['backup.run', { notAField: 1 }],
      ['inbox.configure', { folder: null, notAField: 1 }],
    ] as const) {
      const lan = await send(host, apiRoute.requestFor(name, input), sessions.owner, {}, LAN);
      expect(lan.envelope?.ok === false ? lan.envelope.error.code : 'ok', name).toBe('invalid_input');
    }
  });
});
