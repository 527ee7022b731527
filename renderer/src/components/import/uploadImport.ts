import { csrfHeaders } from '../../api/transport';
import { uploadPath } from '../../../../shared/http-routes';
import type { Envelope } from '../../../../shared/errors';
import type { DuplicatePolicy, ImportReport } from '../../../../shared/imports/import-report';
import { ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { fileToBase64 } from '../../features/clients/download';

export type ImportMethod = 'clients.import' | 'contracts.import' | 'payments.import' | 'staff.import' | 'plans.import';

export type ImportOptions = {
  dryRun: boolean;
  mode: 'all' | 'valid';
  jobId: string;
  sheet?: string;
  columnMap?: Record<string, string>;
  duplicates?: DuplicatePolicy;
};

/**
 * Send a spreadsheet to an import method. In the desktop app the bridge takes the call as it
 * is; in the browser the file goes as raw bytes to /upload/{method} (the same gate as every
 * call), because the JSON API is capped at 10 MB and a large sheet is bigger than that as base64;
 * the other options travel as the call's JSON input in the address.
 */
export async function uploadImport(method: ImportMethod, file: File, options: ImportOptions): Promise<ImportReport> {
  const { dryRun, mode, ...rest } = options;
  if (globalThis.officeBridge) {
    return call(method, { fileName: file.name, dataBase64: await fileToBase64(file), dryRun, mode, ...rest });
  }
  let envelope: Envelope<ImportReport>;
  try {
    const response = await fetch(uploadPath(method, { fileName: file.name, dryRun, mode, ...rest }), {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...csrfHeaders() },
      body: file,
    });
    envelope = (await response.json()) as Envelope<ImportReport>;
  } catch {
    throw new ApiError({
      code: 'unavailable',
      message: '无法连接门店通服务,请确认门店通仍在运行后重试。',
      messageEn: 'Cannot reach the 门店通 service; check that it is running and retry.',
    });
  }
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error);
}

/** A job id the page chooses, so it can follow and cancel the import while the upload runs. */
export function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
