import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Office } from '../server/office';
import { BodyTooLarge, MAX_BODY_BYTES, readBody } from './read-body';
import { sendEnvelope, sendError } from './respond';
import { hostRoutes } from './routes';
import { allowedHosts, rateLimiter, refuseForeign, sessionCookie } from './request-guard';
import { resolveHttpCaller, type HttpCaller } from './session';
import { SESSION_DAYS } from '../server/auth/auth.service';
import { serveStatic } from './static-files';

export type HostOptions = {
  office: Office;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  host?: string;
  port?: number;
};

export type RunningHost = { url: string; server: http.Server; close: () => Promise<void> };

/** Start the HTTP host: the contract at POST /api/{method}, the renderer everywhere else. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  let hosts = new Set<string>();
  const allow = rateLimiter();
  const server = http.createServer((req, res) => {
    handleRequest(options, hosts, allow, req, res).catch((error: unknown) => {
      // The host never crashes on a request: a bug becomes a 500 envelope.
      console.error('[host] request failed', error);
      if (!res.headersSent) {
        sendError(res, {
          code: 'internal',
          message: '服务器内部错误,请重试。',
          messageEn: 'Internal server error; please retry.',
        });
      } else {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  server.requestTimeout = 120_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  hosts = allowedHosts(host, address.port);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleRequest(
  options: HostOptions,
  hosts: ReadonlySet<string>,
  allow: (address: string) => boolean,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const foreign = refuseForeign(req, hosts);
  if (foreign) {
    req.resume();
    sendError(res, foreign);
    return;
  }
  if (!allow(req.socket.remoteAddress ?? '')) {
    req.resume();
    sendError(res, {
      code: 'too_many_requests',
      message: '请求太频繁,请稍后再试。',
      messageEn: 'Too many requests; try again shortly.',
    });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const caller = resolveHttpCaller(req, options.office);
  if (url.pathname.startsWith('/api/')) {
    await handleApi(options.office, caller, url.pathname.slice('/api/'.length), req, res);
    return;
  }
  const route = hostRoutes.find((r) => r.method === req.method && url.pathname.startsWith(r.prefix));
  if (route) {
    if (route.method === 'POST' && !csrfOk(caller, req)) {
      req.resume();
      sendError(res, CSRF_ERROR);
      return;
    }
    await route.handle({
      req,
      res,
      office: options.office,
      actor: caller.actor,
      rest: url.pathname.slice(route.prefix.length),
    });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, { code: 'not_found', message: '没有这个地址。', messageEn: 'No such address.' });
    return;
  }
  serveStatic(options.rendererDir, req, res);
}

/** Methods a page may call before it has a CSRF token: finding out whether and as whom it is signed in. */
const NO_CSRF = new Set(['auth.status', 'auth.login', 'auth.me', 'settings.get']);
const CSRF_ERROR = {
  code: 'forbidden' as const,
  message: '请求缺少有效的安全令牌,请刷新页面后重试。',
  messageEn: 'The request lacks a valid security token; reload the page and retry.',
};

/** Signed in: every call carries the session's CSRF token in X-CSRF-Token. */
function csrfOk(caller: HttpCaller, req: IncomingMessage): boolean {
  if (!caller.signInRequired || !caller.actor) return true;
  return req.headers['x-csrf-token'] === caller.csrf;
}

async function handleApi(
  office: Office,
  caller: HttpCaller,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendError(res, {
      code: 'invalid_input',
      message: '接口只接受 POST 请求。',
      messageEn: 'The API accepts POST requests only.',
    });
    return;
  }
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) {
    sendError(res, {
      code: 'invalid_input',
      message: '请求内容必须是 JSON(Content-Type: application/json)。',
      messageEn: 'The request body must be JSON (Content-Type: application/json).',
    });
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      sendError(res, {
        code: 'too_large',
        message: `请求超过 ${MAX_BODY_BYTES / 1024 / 1024} MB 上限。大文件请用导入或归档功能。`,
        messageEn: `The request is over the ${MAX_BODY_BYTES / 1024 / 1024} MB limit. Use import or filing for large files.`,
      });
      req.resume();
      return;
    }
    throw error;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    sendError(res, {
      code: 'invalid_input',
      message: `请求不是有效的 JSON:${(error as Error).message}`,
      messageEn: `The request is not valid JSON: ${(error as Error).message}`,
    });
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(method);
  } catch {
    decoded = method;
  }
  if (!NO_CSRF.has(decoded) && !csrfOk(caller, req)) {
    sendError(res, CSRF_ERROR);
    return;
  }
  // Nobody signed in is nobody: public methods (auth.login…) run without an actor, never as an
  // invented role — the audit log then names a failed sign-in 未登录 (anonymous).
  const answer = await office.call(caller.actor, decoded, input, { token: caller.token, via: 'http' });
  if (decoded === 'auth.login' && answer.ok) {
    // The token goes into the HttpOnly cookie and nowhere else.
    const { token, ...state } = answer.value as { token: string };
    res.setHeader('Set-Cookie', sessionCookie(token, SESSION_DAYS * 86_400));
    sendEnvelope(res, { ok: true, value: state });
    return;
  }
  if (decoded === 'auth.logout') res.setHeader('Set-Cookie', sessionCookie(null, 0));
  sendEnvelope(res, answer);
}
