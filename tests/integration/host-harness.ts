import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { startHost, type HostOptions, type RunningHost } from '../../electron/host/server';
import type { RouteRequest } from '../../electron/host/routes/types';
import type { Office } from '../../electron/server/office';
import type { Envelope } from '../../shared/errors';

/** A renderer folder with one page, for hosts in tests. */
export function fakeRenderer(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-renderer-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>门店通</title>');
  return dir;
}

/** A host for tests that call it hundreds of times a second (the rate limit is tested on its own). */
export function startTestHost(office: Office, rendererDir: string, extra: Partial<HostOptions> = {}): Promise<RunningHost> {
  return startHost({ office, rendererDir, rateLimit: { perSecond: 1e6, burst: 1e6 }, ...extra });
}

export type Session = { cookie: string; csrf: string };
export type Answer = { status: number; envelope: Envelope<unknown> | null; headers: Headers; body: Buffer };

/**
 * Send a route's request (as the route itself says a client sends it), with a session and extra
 * headers. `from` is the caller's own address: 127.0.0.2 is "another computer on the LAN" to the
 * host (not loopback), while it still reaches the host listening on 127.0.0.1.
 */
export async function send(
  host: RunningHost,
  request: RouteRequest,
  session?: { cookie?: string; csrf?: string },
  headers: Record<string, string> = {},
  from?: string,
): Promise<Answer> {
  const allHeaders: Record<string, string> = {
    ...request.headers,
    ...(session?.cookie ? { Cookie: session.cookie } : {}),
    ...(session?.csrf !== undefined ? { 'X-CSRF-Token': session.csrf } : {}),
    ...headers,
  };
  const body = request.body !== undefined && request.verb !== 'GET' ? request.body : undefined;
  if (from) return sendFrom(from, host, request, allHeaders, body);
  const response = await fetch(`${host.url}${request.path}`, {
    method: request.verb,
    headers: allHeaders,
    ...(body !== undefined ? { body } : {}),
  });
  return answerOf(response.status, response.headers, Buffer.from(await response.arrayBuffer()));
}

function sendFrom(
  localAddress: string,
  host: RunningHost,
  request: RouteRequest,
  headers: Record<string, string>,
  body: RouteRequest['body'],
): Promise<Answer> {
  const url = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, localAddress, method: request.verb, path: request.path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
          resolve(answerOf(res.statusCode ?? 0, h, Buffer.concat(chunks)));
        });
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : Buffer.from(body as string | Uint8Array));
  });
}

function answerOf(status: number, headers: Headers, body: Buffer): Answer {
  let envelope: Envelope<unknown> | null = null;
  if (String(headers.get('content-type')).startsWith('application/json')) envelope = JSON.parse(body.toString('utf8'));
  return { status, envelope, headers, body };
}

export async function login(host: RunningHost, code: string, password: string): Promise<Session> {
  const response = await fetch(`${host.url}/api/auth.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, password }),
  });
  const envelope = (await response.json()) as Envelope<{ csrf: string }>;
  if (!envelope.ok) throw new Error(`login ${code}: ${envelope.error.messageEn}`);
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: envelope.value.csrf };
}

/** Tables that reading may touch (a session's last use, failed sign-ins) — everything else must not change. */
const VOLATILE = new Set(['sessions', 'login_failures']);

/** Every row of every table but the volatile ones, hashed: equal before and after means nothing was written. */
export function databaseFingerprint(sqlite: BetterSqlite3.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    if (VOLATILE.has(table)) continue;
    hash.update(`#${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().all()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** Every file under a folder (staging and trash included) with its size. */
export function folderListing(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) visit(abs);
      else out.push(`${path.relative(root, abs)}:${fs.statSync(abs).size}`);
    }
  };
  visit(root);
  return out.sort();
}
