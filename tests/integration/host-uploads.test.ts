// Uploads and downloads over the real HTTP host: contract methods behind the one gate, a size
// cap, the disk's free margin, a sender that goes away, and download names that cannot mislead.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../electron/host/server';
import { STAGING_DIR } from '../../electron/server/archive/archive-fs';
import { callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { filePath, uploadPath } from '../../shared/http-routes';
import type { FilingResult } from '../../shared/contract/archive';
import { ROLES, type Role } from '../../shared/roles';
import { fakeRenderer, login, send, startTestHost, type Answer, type Session } from './host-harness';

const MiB = 1024 * 1024;
const PASSWORD = 'Upload2026pass';
let office: TestOffice;
let host: RunningHost;
let rendererDir: string;
const sessions = {} as Record<Role, Session>;
const staffIds = {} as Record<Role, number>;
let ownClient = 0;
let otherClient = 0;
/** What the disk "has free" for this host, looked up at each check (injected; the real statfs is tested in archive-fs). */
const PLENTY = 100 * 1024 * MiB;
let freeNow: () => number = () => PLENTY;

const documents = (): number => office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
const staged = (): string[] => {
  const dir = path.join(office.archiveRoot(), STAGING_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

function upload(
  input: unknown,
  body: Buffer | ReadableStream<Uint8Array>,
  session?: Partial<Session>,
  headers: Record<string, string> = {},
) {
  return fetch(`${host.url}${uploadPath('archive.upload', input)}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      ...(session?.cookie ? { Cookie: session.cookie } : {}),
      ...(session?.csrf ? { 'X-CSRF-Token': session.csrf } : {}),
      ...headers,
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as {
      ok: boolean;
      value?: FilingResult;
      error?: { code: string; message: string; messageEn: string; details?: Record<string, unknown> };
    },
  }));
}

/** A body with no Content-Length (chunked): the sender does not say how big it is. */
function chunked(total: number, chunk = 256 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x41 + (sent % 26)));
    },
  });
}

beforeAll(async () => {
  office = createTestOffice();
  rendererDir = fakeRenderer();
  for (const role of ROLES) {
    const staff = await callOk<{ id: number }>(office, 'staff.create', {
      code: `U-${role}`,
      name: `上传${role}`,
      role,
      hiredOn: '2025-01-01',
      baseSalaryFen: 100_000,
    });
    staffIds[role] = staff.id;
    await callOk(office, 'auth.setPassword', { staffId: staff.id, password: PASSWORD });
  }
  ownClient = (
    await callOk<{ id: number }>(office, 'clients.create', { name: '业务员自己的客户', ownerStaffId: staffIds.salesperson })
  ).id;
  otherClient = (await callOk<{ id: number }>(office, 'clients.create', { name: '别人的保密客户' })).id;
  host = await startTestHost(office, rendererDir, {
    limits: { maxUploadBytes: 4 * MiB, minFreeBytes: 1 * MiB, freeBytes: () => freeNow(), roomCheckEveryBytes: 256 * 1024 },
  });
  for (const role of ROLES) sessions[role] = await login(host, `U-${role}`, PASSWORD);
}, 120_000);

afterAll(async () => {
  await host?.close();
  await office?.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

describe('archive.upload over HTTP', () => {
  it('files as the signed-in clerk, and the audit log names the clerk', async () => {
    const answer = await upload(
      { name: '签约合同.pdf', fields: { clientId: otherClient } },
      Buffer.from('%PDF clerk upload'),
      sessions.clerk,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.value).toMatchObject({ outcome: 'filed', document: { filedBy: 'U-clerk', clientName: '别人的保密客户' } });
    const last = office.sqlite.prepare(`SELECT actor_code, actor_role, action FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(last).toEqual({ actor_code: 'U-clerk', actor_role: 'clerk', action: 'archive.file' });
    expect(staged()).toEqual([]);
  });

  it('refuses anonymous, CSRF-less, cross-site and salesperson uploads before a byte is kept, and names no client', async () => {
    const before = documents();
    const body = Buffer.from('should never be kept');
    const input = { name: 'x.pdf', fields: { clientId: otherClient } };
    const refusals = [
      await upload(input, body),
      await upload(input, body, { cookie: sessions.owner.cookie }),
      await upload(input, body, { cookie: sessions.owner.cookie, csrf: 'forged' }),
      await upload(input, body, sessions.owner, { 'Sec-Fetch-Site': 'cross-site' }),
      await upload(input, body, sessions.salesperson),
    ];
    expect(refusals.map((r) => [r.status, r.body.error?.code])).toEqual([
      [401, 'unauthenticated'],
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
    for (const r of refusals) expect(JSON.stringify(r.body)).not.toContain('别人的保密客户');
    // A client id that does not exist: not_found, before the file is read.
    const unknown = await upload({ name: 'x.pdf', fields: { clientId: 999_999 } }, body, sessions.clerk);
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'not_found']);
    expect(documents()).toBe(before);
    expect(staged()).toEqual([]);
  });

  it('answers a JSON call to a stream or file method with a clear invalid_input', async () => {
    const json = (method: string, input: unknown) =>
      send(
        host,
        { verb: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) },
        sessions.owner,
      );
    const asJson = await json('archive.upload', { name: 'a.pdf' });
    expect(asJson.status).toBe(400);
    expect(asJson.envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(asJson.envelope)).toContain('/upload/archive.upload');
    const file = await json('archive.download', { id: 1 });
    expect(file.status).toBe(400);
    expect(JSON.stringify(file.envelope)).toContain('/files/archive.download');
    expect(JSON.stringify(file.envelope)).not.toContain(office.dir);
  });

  it('caps the size: over the limit announced, or sent without announcing it — 413 and nothing kept', async () => {
    const before = documents();
    const announced = await upload({ name: 'big.bin' }, Buffer.alloc(5 * MiB, 1), sessions.clerk);
    expect([announced.status, announced.body.error?.code]).toEqual([413, 'too_large']);
    expect(announced.body.error?.message).toMatch(/上传上限/);
    expect(announced.body.error?.messageEn).toMatch(/upload limit/);
    const unannounced = await upload({ name: 'big.bin' }, chunked(6 * MiB), sessions.clerk);
    expect([unannounced.status, unannounced.body.error?.code]).toEqual([413, 'too_large']);
    const under = await upload({ name: 'ok.bin' }, chunked(3 * MiB), sessions.clerk);
    expect(under.status, JSON.stringify(under.body)).toBe(200);
    expect(documents()).toBe(before + 1);
    expect(staged()).toEqual([]);
  });

  it("keeps the disk's free margin: refused up front by the announced size, and midway when the disk fills", async () => {
    const before = documents();
    freeNow = () => 2 * MiB; // a 1.5 MiB file would leave 0.5 MiB, under the 1 MiB margin
    const upFront = await upload({ name: 'scan.pdf' }, Buffer.alloc(1.5 * MiB, 2), sessions.clerk);
    expect([upFront.status, upFront.body.error?.code]).toEqual([503, 'unavailable']);
    expect(upFront.body.error?.message).toMatch(/磁盘空间不足/);
    expect(upFront.body.error?.messageEn).toMatch(/Not enough disk space/);
    // Unannounced: plenty of room at first, then the disk fills while the bytes arrive.
    let looks = 0;
    freeNow = () => (++looks > 2 ? 0.5 * MiB : PLENTY);
    const midway = await upload({ name: 'scan.pdf' }, chunked(3 * MiB), sessions.clerk);
    freeNow = () => PLENTY;
    expect(looks).toBeGreaterThan(2);
    expect([midway.status, midway.body.error?.code]).toEqual([503, 'unavailable']);
    expect(documents()).toBe(before);
    expect(staged()).toEqual([]);
  });

  it('leaves nothing behind when the sender goes away midway', async () => {
    const before = documents();
    const url = new URL(host.url);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: uploadPath('archive.upload', { name: '断线.pdf' }),
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Length': String(3 * MiB),
          Cookie: sessions.clerk.cookie,
          'X-CSRF-Token': sessions.clerk.csrf,
        },
      });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(MiB, 3));
      const poll = setInterval(() => {
        if (staged().length > 0) {
          clearInterval(poll);
          req.destroy();
          resolve();
        }
      }, 10);
    });
    await expect.poll(() => staged(), { timeout: 5_000 }).toEqual([]);
    expect(documents()).toBe(before);
  });
});

describe('archive.download over HTTP', () => {
  let id = 0;
  beforeAll(async () => {
    const filed = await upload(
      { name: '报价\u202Efdp.exe\r\n\u0007', fields: { clientId: otherClient } },
      Buffer.from('content of a misleading name'),
      sessions.clerk,
    );
    id = (filed.body.value as { document: { id: number } }).document.id;
  });

  const get = (input: unknown, session?: Partial<Session>, headers: Record<string, string> = {}): Promise<Answer> =>
    send(host, { verb: 'GET', path: filePath('archive.download', input), headers: {} }, session, headers);

  it('streams the file with a name stripped of bidirectional and control characters', async () => {
    const answer = await get({ id }, { cookie: sessions.owner.cookie });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('content of a misleading name');
    const disposition = answer.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(disposition).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(disposition.toUpperCase()).not.toContain('%E2%80%AE');
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('报价fdp.exe');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers only as the gate says: signed in, in scope, no forged token, same site', async () => {
    const refusals = [
      await get({ id }),
      await get({ id }, sessions.salesperson),
      await get({ id }, { cookie: sessions.owner.cookie, csrf: 'forged' }),
      await get({ id }, { cookie: sessions.owner.cookie }, { 'Sec-Fetch-Site': 'cross-site' }),
      await get({ id: 'x' }, { cookie: sessions.owner.cookie }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 404, 403, 403, 400]);
    for (const r of refusals) expect(r.body.toString()).not.toContain('content of a misleading name');
    const mine = await upload({ name: '自己的.txt', fields: { clientId: ownClient } }, Buffer.from('mine'), sessions.clerk);
    const mineId = (mine.body.value as { document: { id: number } }).document.id;
    expect((await get({ id: mineId }, { cookie: sessions.salesperson.cookie })).body.toString()).toBe('mine');
  });
});

describe('before anyone has a password', () => {
  it('the person at this computer may upload; another computer on the network (127.0.0.2) may not', async () => {
    const fresh = createTestOffice();
    const freshHost = await startTestHost(fresh, rendererDir);
    try {
      const url = new URL(freshHost.url);
      const post = (localAddress: string, pathName: string, type: string, body: string) =>
        new Promise<number>((resolve, reject) => {
          const req = http.request(
            {
              host: url.hostname,
              port: url.port,
              localAddress,
              method: 'POST',
              path: pathName,
              headers: { 'Content-Type': type },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      const file = uploadPath('archive.upload', { name: 'lan.txt' });
      expect(await post('127.0.0.2', file, 'application/octet-stream', 'from the LAN')).toBe(401);
      expect(await post('127.0.0.2', '/api/staff.list', 'application/json', '{}')).toBe(401);
      expect(fresh.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
      expect(await post('127.0.0.1', file, 'application/octet-stream', 'from this computer')).toBe(200);
      expect(fresh.sqlite.prepare('SELECT filed_by FROM documents').pluck().all()).toEqual(['local']);
    } finally {
      await freshHost.close();
      await fresh.dispose();
    }
  });
});

describe('a refused upload does not hold the connection', () => {
  it('answers, drops the rest, and the next call on the same connection is served', async () => {
    const url = new URL(host.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (pathName: string, body: Buffer) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            agent,
            method: 'POST',
            path: pathName,
            headers: {
              'Content-Type': 'application/octet-stream',
              'Content-Length': String(body.length),
              Cookie: sessions.clerk.cookie,
              'X-CSRF-Token': sessions.clerk.csrf,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      // Refused after the gate (a client that does not exist), then invalid input: 2 MiB each, never read by a handler.
      const first = await post(
        uploadPath('archive.upload', { name: 'a.pdf', fields: { clientId: 999_999 } }),
        Buffer.alloc(2 * MiB, 7),
      );
      const second = await post(uploadPath('archive.upload', { name: '' }), Buffer.alloc(2 * MiB, 8));
      const third = await post(uploadPath('archive.upload', { name: '好的.txt' }), Buffer.from('served on the same connection'));
      expect([first.status, second.status, third.status]).toEqual([404, 400, 200]);
      expect(third.socket).toBe(first.socket);
      expect(staged()).toEqual([]);
    } finally {
      agent.destroy();
    }
  });
});
