import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import type { ErrorBody } from '../../shared/errors';

/**
 * The names this host answers to: loopback always; when it listens on the LAN (the owner's
 * choice, `office serve --host …`), the computer's own addresses too. Anything else in the Host
 * header is a DNS-rebinding attempt and is refused.
 */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (bindHost !== '127.0.0.1' && bindHost !== 'localhost' && bindHost !== '::1') {
    if (bindHost !== '0.0.0.0' && bindHost !== '::') names.add(`${bindHost}:${port}`);
    for (const list of Object.values(os.networkInterfaces()))
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]:${port}` : `${a.address}:${port}`);
  }
  return names;
}

/**
 * Host allow-list, then same-origin: a page on another site may not call this API. `gated`
 * requests (the contract's routes, downloads included) must be same-origin whatever their verb;
 * the renderer's own files may be fetched by a plain navigation.
 */
export function refuseForeign(req: IncomingMessage, hosts: ReadonlySet<string>, gated = false): ErrorBody | null {
  const host = String(req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host))
    return {
      code: 'forbidden',
      message: `不接受发往 ${host.slice(0, 80)} 的请求。请用门店通显示的地址访问。`,
      messageEn: `Requests for ${host.slice(0, 80)} are refused. Use the address 门店通 shows.`,
    };
  if (gated || (req.method !== 'GET' && req.method !== 'HEAD')) {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`)
      return { code: 'forbidden', message: '不接受来自其他网站的请求。', messageEn: 'Requests from other sites are refused.' };
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return { code: 'forbidden', message: '不接受来自其他网站的请求。', messageEn: 'Requests from other sites are refused.' };
  }
  return null;
}

/** A simple per-address token bucket: bursts are fine, floods are not. */
export function rateLimiter(perSecond = 50, burst = 300): (address: string) => boolean {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (address) => {
    const now = Date.now();
    const b = buckets.get(address) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    buckets.set(address, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
}

export const SESSION_COOKIE = 'mdt_session';

export function sessionCookieOf(req: IncomingMessage): string | null {
  const header = String(req.headers.cookie ?? '');
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

/** HttpOnly (no script reads it) and SameSite=Strict (no other site sends it). */
export function sessionCookie(token: string | null, maxAgeSeconds: number): string {
  return token
    ? `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`
    : `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}
