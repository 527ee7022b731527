import fs from 'node:fs';
import type { FileAnswer } from '../../../shared/contract/method';
import { FILES_PREFIX, filePath } from '../../../shared/http-routes';
import { contentDisposition } from '../content-disposition';
import { callThroughGate } from '../gate';
import { SECURITY_HEADERS, sendEnvelope, sendError } from '../respond';
import { inputOfQuery } from './query-input';
import type { HostRoute } from './types';

/**
 * GET /files/{method}?input={json}: for methods declared `download` (reads). The gate decides as
 * for any call; its answer is a FileAnswer that is streamed here, never sent as JSON. A link can
 * open it (no CSRF header is needed for a read; a wrong one is refused), and the name it is saved
 * under is cleaned of controls and bidirectional marks.
 */
export const downloadRoute: HostRoute = {
  name: 'download',
  verb: 'GET',
  prefix: FILES_PREFIX,
  serves: (def) => def.download === true,
  requestFor: (method, input) => ({ verb: 'GET', path: filePath(method, input), headers: {} }),
  async handle({ req, res, office, limits, method, url }) {
    const input = inputOfQuery(url);
    if (!input.ok) {
      sendError(res, input.error);
      return;
    }
    const { envelope } = await callThroughGate(office, limits, req, { method, input: input.value, takesFile: true });
    if (!envelope.ok) {
      sendEnvelope(res, envelope);
      return;
    }
    const file = envelope.value as FileAnswer;
    let fd: number;
    try {
      fd = fs.openSync(file.path, 'r');
    } catch {
      sendError(res, {
        code: 'not_found',
        message: '档案文件不在原处,请做一次档案体检。',
        messageEn: 'The file is not where it was filed; run the archive check.',
      });
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(fs.fstatSync(fd).size),
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': 'no-store',
    });
    const stream = fs.createReadStream('', { fd });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  },
};
