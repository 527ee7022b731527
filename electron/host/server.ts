import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract } from '../../shared/contract';
import { isMethod } from '../server/core/dispatch';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../server/core/upload';
import type { Office } from '../server/office';
import { sendError } from './respond';
import { hostRoutes } from './routes';
import type { HostRoute } from './routes/types';
import { allowedHosts, rateLimiter, refuseForeign } from './request-guard';
import { serveStatic } from './static-files';

export type HostOptions = {
  office: Office;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Upload cap and free-disk margin (`office serve --max-upload-mb/--min-free-mb`). */
  limits?: Partial<UploadLimits>;
  /** Requests per second and burst per address (tests that call every route raise it). */
  rateLimit?: { perSecond: number; burst: number };
};

export type RunningHost = { url: string; server: http.Server; close: () => Promise<void> };

/** Start the HTTP host: the contract's routes (api, upload, files — all through one gate), the renderer everywhere else. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  let hosts = new Set<string>();
  const allow = rateLimiter(options.rateLimit?.perSecond, options.rateLimit?.burst);
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...options.limits };
  const server = http.createServer((req, res) => {
    handleRequest(options, limits, hosts, allow, req, res).catch((error: unknown) => {
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
  // A 2 GB upload over a slow office network takes minutes, not hours; headers come within a minute.
  server.requestTimeout = 60 * 60_000;
  server.headersTimeout = 60_000;
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
  limits: UploadLimits,
  hosts: ReadonlySet<string>,
  allow: (address: string) => boolean,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = hostRoutes.find((r) => url.pathname.startsWith(r.prefix));
  const foreign = refuseForeign(req, hosts, route !== undefined);
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
  if (route) {
    await handleRoute(route, options.office, limits, url, req, res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    req.resume();
    sendError(res, { code: 'not_found', message: '没有这个地址。', messageEn: 'No such address.' });
    return;
  }
  serveStatic(options.rendererDir, req, res);
}

/** A gated route: the right verb, a method it carries — then the route hands the call to the gate. */
async function handleRoute(
  route: HostRoute,
  office: Office,
  limits: UploadLimits,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== route.verb) {
    req.resume();
    res.setHeader('Allow', route.verb);
    sendError(res, {
      code: 'invalid_input',
      message: `${route.prefix} 只接受 ${route.verb} 请求。`,
      messageEn: `${route.prefix} accepts ${route.verb} requests only.`,
    });
    return;
  }
  let method: string;
  try {
    method = decodeURIComponent(url.pathname.slice(route.prefix.length));
  } catch {
    method = url.pathname.slice(route.prefix.length);
  }
  // Unknown names go on to the gate, which answers every transport with the same unknown_method.
  if (isMethod(method) && !route.serves(contract[method])) {
    req.resume();
    sendError(res, {
      code: 'not_found',
      message: `"${method}"不能通过 ${route.prefix} 调用。`,
      messageEn: `"${method}" cannot be called through ${route.prefix}.`,
    });
    return;
  }
  await route.handle({ req, res, office, limits, method, url });
}
