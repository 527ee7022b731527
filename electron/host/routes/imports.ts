import { IMPORT_MAX_BYTES } from '../../../shared/imports/import-report';
import { BodyTooLarge, readBody } from '../read-body';
import { sendEnvelope, sendError } from '../respond';
import type { HostRoute } from './types';

/** The contract methods a spreadsheet can be uploaded to; other areas add theirs. */
export const UPLOAD_IMPORT_METHODS = new Set([
  'clients.import',
  'contracts.import',
  'payments.import',
  'staff.import',
  'plans.import',
]);

/**
 * POST /upload/import/{method}?fileName=…&dryRun=1&mode=all|valid&options={json} with the file's raw bytes.
 * The JSON API caps bodies at 10 MB; a 100k-row sheet is larger as base64, so the browser sends
 * the file as it is and the host hands it to the same contract method. The content type must be
 * application/octet-stream, which another site's page cannot send without a CORS preflight.
 */
export const importUploadRoute: HostRoute = {
  method: 'POST',
  prefix: '/upload/import/',
  async handle({ req, res, office, actor, rest }) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = decodeURIComponent(rest.split('?')[0] ?? '');
    if (!UPLOAD_IMPORT_METHODS.has(method)) {
      sendError(res, {
        code: 'unknown_method',
        message: `不能上传到"${method.slice(0, 60)}"。`,
        messageEn: `Uploads are not accepted for "${method.slice(0, 60)}".`,
      });
      return;
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      sendError(res, {
        code: 'invalid_input',
        message: '上传的文件必须以 application/octet-stream 发送。',
        messageEn: 'Upload the file as application/octet-stream.',
      });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, IMPORT_MAX_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      res.setHeader('Connection', 'close');
      req.resume();
      sendError(res, {
        code: 'too_large',
        message: `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 上限,请拆分成几个文件分批导入。`,
        messageEn: `The file is over the ${IMPORT_MAX_BYTES / 1024 / 1024} MB limit; split it into several files.`,
      });
      return;
    }
    // The import's other options (jobId, sheet, columnMap, duplicates) as JSON; the method's
    // schema checks them like any other input.
    let options: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(url.searchParams.get('options') ?? '{}') as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) options = parsed as Record<string, unknown>;
    } catch {
      options = { options: 'invalid' };
    }
    sendEnvelope(
      res,
      await office.call(actor, method, {
        ...options,
        fileName: url.searchParams.get('fileName') ?? 'upload',
        dataBase64: body.toString('base64'),
        dryRun: url.searchParams.get('dryRun') === '1',
        mode: url.searchParams.get('mode') === 'valid' ? 'valid' : 'all',
      }),
    );
  },
};
