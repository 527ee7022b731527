import type { IncomingMessage } from 'node:http';
import type { Envelope, ErrorBody } from '../../shared/errors';
import type { Upload, UploadLimits } from '../server/core/upload';
import type { Office } from '../server/office';
import { resolveHttpCaller, type HttpCaller } from './session';

/** What every route hands the gate: one contract method, its input, and a file either way if any. */
export type GateCall = { method: string; input: unknown; upload?: Upload; takesFile?: boolean };

/** Methods a page may call before it has a CSRF token: finding out whether and as whom it is signed in. */
export const NO_CSRF = new Set(['auth.status', 'auth.login', 'auth.me', 'settings.get']);

export const CSRF_ERROR: ErrorBody = {
  code: 'forbidden',
  message: '请求缺少有效的安全令牌,请刷新页面后重试。',
  messageEn: 'The request lacks a valid security token; reload the page and retry.',
};

/**
 * The host's one way into the office, for every route (/api, /upload, /files): who the caller is
 * (session cookie; loopback before anyone has a password), the CSRF token, then dispatch — roles,
 * the damaged-database refusal, input validation, the audit log's actor. A route only translates
 * HTTP to a GateCall and the envelope back; it decides nothing about permission.
 *
 * CSRF: once signed in, every POST carries the session's token in X-CSRF-Token (except the few
 * calls a page makes to learn it). A GET (a download) changes nothing and cannot carry a header
 * from a link, so it needs none — but a token that is sent must be the right one.
 */
export async function callThroughGate(
  office: Office,
  limits: UploadLimits,
  req: IncomingMessage,
  call: GateCall,
): Promise<{ envelope: Envelope<unknown>; caller: HttpCaller }> {
  const caller = resolveHttpCaller(req, office);
  if (!csrfOk(caller, req, call.method)) return { envelope: { ok: false, error: CSRF_ERROR }, caller };
  // Nobody signed in is nobody: public methods (auth.login…) run without an actor, never as an
  // invented role — the audit log then names a failed sign-in 未登录 (anonymous).
  const envelope = await office.call(caller.actor, call.method, call.input, {
    token: caller.token,
    via: 'http',
    loopback: caller.loopback,
    limits,
    ...(call.upload ? { upload: call.upload } : {}),
    ...(call.takesFile ? { takesFile: true } : {}),
  });
  return { envelope, caller };
}

function csrfOk(caller: HttpCaller, req: IncomingMessage, method: string): boolean {
  const sent = req.headers['x-csrf-token'];
  if (!caller.signInRequired || !caller.actor) return true;
  if (req.method === 'GET') return sent === undefined || sent === caller.csrf;
  return NO_CSRF.has(method) || sent === caller.csrf;
}
