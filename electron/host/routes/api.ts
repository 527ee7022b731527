import { SESSION_DAYS } from '../../server/auth/auth.service';
import { API_PREFIX } from '../../../shared/http-routes';
import { callThroughGate } from '../gate';
import { BodyTooLarge, MAX_BODY_BYTES, readBody } from '../read-body';
import { sessionCookie } from '../request-guard';
import { sendEnvelope, sendError } from '../respond';
import type { HostRoute } from './types';

/**
 * POST /api/{method} with JSON: every method. One that needs an uploaded stream or answers with a
 * file is refused by the gate with a clear invalid_input that names the route to use.
 */
export const apiRoute: HostRoute = {
  name: 'api',
  verb: 'POST',
  prefix: API_PREFIX,
  serves: () => true,
  requestFor: (method, input) => ({
    verb: 'POST',
    path: `${API_PREFIX}${encodeURIComponent(method)}`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  }),
  async handle({ req, res, office, limits, method }) {
    const type = String(req.headers['content-type'] ?? '');
    if (!type.startsWith('application/json')) {
      req.resume();
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
      if (!(error instanceof BodyTooLarge)) throw error;
      res.setHeader('Connection', 'close');
      req.resume();
      sendError(res, {
        code: 'too_large',
        message: `请求超过 ${MAX_BODY_BYTES / 1024 / 1024} MB 上限。大文件请用导入或归档功能。`,
        messageEn: `The request is over the ${MAX_BODY_BYTES / 1024 / 1024} MB limit. Use import or filing for large files.`,
      });
      return;
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
    const { envelope } = await callThroughGate(office, limits, req, { method, input });
    if (method === 'auth.login' && envelope.ok) {
      // The token goes into the HttpOnly cookie and nowhere else.
      const { token, ...state } = envelope.value as { token: string };
      res.setHeader('Set-Cookie', sessionCookie(token, SESSION_DAYS * 86_400));
      sendEnvelope(res, { ok: true, value: state });
      return;
    }
    if (method === 'auth.logout') res.setHeader('Set-Cookie', sessionCookie(null, 0));
    sendEnvelope(res, envelope);
  },
};
