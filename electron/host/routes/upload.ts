import type { IncomingMessage, ServerResponse } from 'node:http';
import { UPLOAD_PREFIX, uploadPath } from '../../../shared/http-routes';
import type { ErrorBody } from '../../../shared/errors';
import type { Upload } from '../../server/core/upload';
import { callThroughGate } from '../gate';
import { sendEnvelope, sendError } from '../respond';
import { inputOfQuery } from './query-input';
import type { HostRoute } from './types';

/** A refused upload up to this size is read and thrown away, so the connection stays usable. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * POST /upload/{method}?input={json} with the file's raw bytes (application/octet-stream, which
 * another site's page cannot send without a CORS preflight): for methods declared with `upload`.
 * The request stream goes to the gate as the call's upload; nothing reads a byte of it until
 * session, CSRF, role and the database's health have passed. Then the method's handler streams it
 * (archive filing: constant memory, capped, the disk's free margin kept) or the gate reads it into
 * the input (imports). A sender that goes away mid-file leaves nothing behind.
 */
export const uploadRoute: HostRoute = {
  name: 'upload',
  verb: 'POST',
  prefix: UPLOAD_PREFIX,
  serves: (def) => def.upload !== undefined,
  requestFor: (method, input, bytes) => ({
    verb: 'POST',
    path: uploadPath(method, input),
    headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes ?? Buffer.alloc(0),
  }),
  async handle({ req, res, office, limits, method, url }) {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      refuse(req, res, {
        code: 'invalid_input',
        message: '上传的文件必须以 application/octet-stream 发送。',
        messageEn: 'Upload the file as application/octet-stream.',
      });
      return;
    }
    const input = inputOfQuery(url);
    if (!input.ok) {
      refuse(req, res, input.error);
      return;
    }
    const abort = new AbortController();
    req.once('close', () => {
      if (!req.complete) abort.abort();
    });
    const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    const upload: Upload = { stream: req, declaredBytes: Number.isFinite(declared) ? declared : null, signal: abort.signal };
    const { envelope } = await callThroughGate(office, limits, req, { method, input: input.value, upload });
    finishUnread(req, res, upload.declaredBytes);
    sendEnvelope(res, envelope);
  },
};

function refuse(req: IncomingMessage, res: ServerResponse, error: ErrorBody): void {
  const declared = Number(req.headers['content-length'] ?? NaN);
  finishUnread(req, res, Number.isFinite(declared) ? declared : null);
  sendError(res, error);
}

/**
 * The answer comes before the body was all read (refused, or failed midway). What is left is read
 * and dropped; a small rest keeps the connection usable, a big or unannounced one closes it after
 * the answer rather than pulling gigabytes nobody will keep.
 */
function finishUnread(req: IncomingMessage, res: ServerResponse, declared: number | null): void {
  if (req.complete || req.destroyed) return;
  if (declared === null || declared > DRAIN_MAX_BYTES) res.setHeader('Connection', 'close');
  // A handler that stopped midway may have left the request piped into its (now idle) cap.
  req.unpipe();
  req.resume();
}
