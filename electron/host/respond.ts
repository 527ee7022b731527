import type { ServerResponse } from 'node:http';
import { HTTP_STATUS, type Envelope, type ErrorBody } from '../../shared/errors';

/** Headers every response carries: no sniffing, no framing, no referrer leaks. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    // A refused flood says when to come back (RFC 9110 §10.2.3), so a polite client can wait.
    ...(status === 429 ? { 'Retry-After': '1' } : {}),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  sendJson(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

export function sendError(res: ServerResponse, error: ErrorBody): void {
  sendEnvelope(res, { ok: false, error });
}
