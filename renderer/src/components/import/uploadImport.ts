import { csrfHeaders } from '../../api/transport';
import { uploadPath } from '../../../../shared/http-routes';
import type { Envelope } from '../../../../shared/errors';
import type { ImportReport } from '../../../../shared/imports/import-report';
import { ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { fileToBase64 } from '../../features/clients/download';

export type ImportMethod = 'clients.import' | 'contracts.import' | 'payments.import';

/**
 * Send a spreadsheet to an import method. In the desktop app the bridge takes the call as it
 * is; in the browser the file goes as raw bytes to /upload/{method} (the same gate as every
 * call), because the JSON API is capped at 10 MB and a large sheet is bigger than that as base64.
 */
export async function uploadImport(
  method: ImportMethod,
  file: File,
  options: { dryRun: boolean; mode: 'all' | 'valid' },
): Promise<ImportReport> {
  if (globalThis.officeBridge) {
    return call(method, {
      fileName: file.name,
      dataBase64: await fileToBase64(file),
      dryRun: options.dryRun,
      mode: options.mode,
    });
  }
  let envelope: Envelope<ImportReport>;
  try {
    const input = { fileName: file.name, dryRun: options.dryRun, mode: options.mode };
    const response = await fetch(uploadPath(method, input), {
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
