import fs from 'node:fs';
import { docFieldsSchema, DUPLICATE_CHOICES, type DuplicateChoice } from '../../../shared/contract/archive';
import { absInside } from '../../server/archive/archive-fs';
import { withArchiveLock } from '../../server/archive/archive-lock';
import { findDocument } from '../../server/archive/documents.repository';
import { fileStream } from '../../server/archive/filing.service';
import { currentFile } from '../../server/archive/refile';
import { toErrorBody } from '../../server/core/dispatch';
import { withActor } from '../../server/office';
import { sendEnvelope, sendError } from '../respond';
import type { HostRoute } from './types';

const FILERS = new Set(['owner', 'manager', 'clerk']);

/**
 * POST /upload/archive?name=…&fields={json}&onDuplicate=ask|skip|link|keep with the file's raw
 * bytes: streamed into the archive's staging folder while hashing, so a file of several GB goes
 * through in constant memory (the JSON API's 10 MB cap does not apply). Same rules as
 * archive.fileLocal; a client that disconnects mid-upload leaves nothing behind.
 */
export const archiveUploadRoute: HostRoute = {
  method: 'POST',
  prefix: '/upload/archive',
  async handle({ req, res, office, actor }) {
    if (actor && !FILERS.has(actor.role)) {
      sendError(res, { code: 'forbidden', message: '你的角色不能归档文件。', messageEn: 'Your role cannot file documents.' });
      req.resume();
      return;
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      req.resume();
      sendError(res, {
        code: 'invalid_input',
        message: '文件必须以 application/octet-stream 上传。',
        messageEn: 'Upload the file as application/octet-stream.',
      });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let fieldsJson: unknown;
    try {
      fieldsJson = JSON.parse(url.searchParams.get('fields') ?? '{}');
    } catch {
      fieldsJson = null;
    }
    const fields = docFieldsSchema.safeParse(fieldsJson);
    const onDuplicate = (url.searchParams.get('onDuplicate') ?? 'ask') as DuplicateChoice;
    if (!fields.success || !DUPLICATE_CHOICES.includes(onDuplicate)) {
      req.resume();
      sendError(res, {
        code: 'invalid_input',
        message: '归档信息格式不对(分类、客户、合同、日期、标题)。',
        messageEn: 'The filing details are malformed (kind, client, contract, date, title).',
      });
      return;
    }
    const abort = new AbortController();
    req.once('aborted', () => abort.abort());
    try {
      // The context is taken inside the lock: an in-place restore (which holds the same lock)
      // may have swapped the office's database while this upload waited.
      const result = await withArchiveLock(() =>
        fileStream(withActor(office, actor), req, {
          originalName: url.searchParams.get('name') ?? 'upload',
          fields: fields.data,
          onDuplicate,
          signal: abort.signal,
        }),
      );
      sendEnvelope(res, { ok: true, value: result });
    } catch (error) {
      sendEnvelope(res, { ok: false, error: toErrorBody(error) });
    }
  },
};

/** GET /files/archive/{id}: the stored file, streamed, for viewing or saving in browser mode. */
export const archiveDownloadRoute: HostRoute = {
  method: 'GET',
  prefix: '/files/archive/',
  async handle({ res, office, actor, rest }) {
    const id = Number(rest.split('?')[0]);
    // Visibility is the contract's: archive.get answers only for a document the caller may see.
    const answer = Number.isInteger(id) && id > 0 ? await office.call(actor, 'archive.get', { id }) : null;
    const doc = answer?.ok ? findDocument(office.sqlite, id) : undefined;
    if (!doc) {
      sendError(res, { code: 'not_found', message: '找不到这份档案。', messageEn: 'Document not found.' });
      return;
    }
    const abs = absInside(office.archiveRoot(), currentFile(doc));
    if (!fs.existsSync(abs)) {
      sendError(res, {
        code: 'not_found',
        message: '档案文件不在原处,请做一次档案体检。',
        messageEn: 'The file is missing; run the archive check.',
      });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(fs.statSync(abs).size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.original_name)}`,
      'X-Content-Type-Options': 'nosniff',
    });
    fs.createReadStream(abs).pipe(res);
  },
};
