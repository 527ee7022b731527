import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Office } from '../server/office';
import { BodyTooLarge, MAX_BODY_BYTES, readBody } from './read-body';
import { sendEnvelope, sendError } from './respond';
import { hostRoutes } from './routes';
import { resolveHttpActor } from './session';
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
  const server = http.createServer((req, res) => {
    handleRequest(options, req, res).catch((error: unknown) => {
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

async function handleRequest(options: HostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    await handleApi(options.office, url.pathname.slice('/api/'.length), req, res);
    return;
  }
  const route = hostRoutes.find((r) => r.method === req.method && url.pathname.startsWith(r.prefix));
  if (route) {
    await route.handle({
      req,
      res,
      office: options.office,
      actor: resolveHttpActor(req),
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

async function handleApi(office: Office, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
  sendEnvelope(res, await office.call(resolveHttpActor(req), decoded, input));
}
