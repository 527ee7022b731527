import type { DocFields, DuplicateChoice, FilingResult } from '../../../../shared/contract/archive';
import type { Envelope } from '../../../../shared/errors';
import { ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { csrfHeaders } from '../../api/transport';
import { uploadPath } from '../../../../shared/http-routes';

export type UploadJob = { promise: Promise<FilingResult>; cancel: () => void };

/**
 * File one picked or dropped file. In the desktop app the main process reads it from disk by
 * path (no bytes through IPC); in a browser it is streamed to POST /upload/archive.upload
 * (the contract method, through the same gate as every call) with progress. Either way the result or an ApiError (e.g. the duplicate question) comes back.
 */
export function uploadDocument(
  file: File,
  fields: DocFields,
  onDuplicate: DuplicateChoice,
  onProgress: (fraction: number) => void,
): UploadJob {
  const localPath = globalThis.officeBridge?.pathForFile(file) ?? '';
  if (localPath) {
    onProgress(0);
    return {
      promise: call('archive.fileLocal', { sourcePath: localPath, fields, move: false, onDuplicate }).finally(() =>
        onProgress(1),
      ),
      cancel: () => undefined,
    };
  }
  const xhr = new XMLHttpRequest();
  const promise = new Promise<FilingResult>((resolve, reject) => {
    xhr.open('POST', uploadPath('archive.upload', { name: file.name, fields, onDuplicate }));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        const envelope = JSON.parse(xhr.responseText) as Envelope<FilingResult>;
        if (envelope.ok) resolve(envelope.value);
        else reject(new ApiError(envelope.error));
      } catch {
        reject(
          new ApiError({ code: 'internal', message: `上传失败(${xhr.status})。`, messageEn: `Upload failed (${xhr.status}).` }),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          code: 'unavailable',
          message: '连接中断,上传失败。',
          messageEn: 'The connection dropped; upload failed.',
        }),
      );
    xhr.onabort = () => reject(new ApiError({ code: 'invalid_input', message: '已取消。', messageEn: 'Cancelled.' }));
    xhr.send(file);
  });
  return { promise, cancel: () => xhr.abort() };
}

/** Files of a drop, folders walked (webkitGetAsEntry), so a dropped folder files everything inside. */
export async function filesOfDrop(items: DataTransferItemList): Promise<File[]> {
  type Entry = {
    isFile: boolean;
    isDirectory: boolean;
    file?: (cb: (f: File) => void, err: (e: unknown) => void) => void;
    createReader?: () => { readEntries: (cb: (entries: Entry[]) => void, err: (e: unknown) => void) => void };
  };
  const out: File[] = [];
  const walk = async (entry: Entry): Promise<void> => {
    if (entry.isFile && entry.file) out.push(await new Promise<File>((res, rej) => entry.file!(res, rej)));
    else if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise<Entry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  const entries = [...items]
    .map((i) => (i as unknown as { webkitGetAsEntry: () => Entry | null }).webkitGetAsEntry())
    .filter((e): e is Entry => e !== null);
  for (const e of entries) await walk(e);
  return out;
}
