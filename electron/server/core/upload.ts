import { Transform, type Readable } from 'node:stream';
import { AppError } from './app-error';

/** A file's bytes arriving with a call; read once, by the handler or by the gate. */
export type Upload = {
  stream: Readable;
  /** What the sender announced (Content-Length), or null when it did not say. */
  declaredBytes: number | null;
  /** Aborted when the sender goes away before the last byte. */
  signal: AbortSignal;
};

export type UploadLimits = {
  /** No upload may be larger (configurable: `office serve --max-upload-mb`). */
  maxUploadBytes: number;
  /** Filing refuses to leave less than this free on the archive's disk (`--min-free-mb`). */
  minFreeBytes: number;
  /** Free bytes on the disk holding `dir`; the real statfs unless a test injects one. */
  freeBytes?: (dir: string) => number;
  /** While a file streams in, the disk is looked at again every this many bytes (default 64 MB). */
  roomCheckEveryBytes?: number;
};

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxUploadBytes: 2 * 1024 ** 3,
  minFreeBytes: 512 * 1024 ** 2,
};

export function limitsOf(limits: UploadLimits | undefined): UploadLimits {
  return limits ?? DEFAULT_UPLOAD_LIMITS;
}

const mb = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;

export function tooLarge(limit: number): AppError {
  return new AppError(
    'too_large',
    {
      zh: `文件超过 ${mb(limit)} 的上传上限,没有保存。请压缩或拆分后再上传,或请店长调高上限(office serve --max-upload-mb)。`,
      en: `The file is over the ${mb(limit)} upload limit and was not kept. Compress or split it, or ask the owner to raise the limit (office serve --max-upload-mb).`,
    },
    { limitBytes: limit },
  );
}

/**
 * The upload with a hard cap: refused at once when the announced size is over it, and failed
 * with too_large as soon as the bytes pass it (a sender that lies about its size, or sends
 * chunked, gets no further).
 */
export function boundedUpload(upload: Upload, limit: number): Upload {
  if (upload.declaredBytes !== null && upload.declaredBytes > limit) throw tooLarge(limit);
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
  upload.stream.on('error', (error) => counter.destroy(error));
  return { ...upload, stream: upload.stream.pipe(counter) };
}

/** Read a bounded upload whole (the gate does this for methods that take their bytes in a field). */
export async function readUpload(upload: Upload, limit: number): Promise<Buffer> {
  const bounded = boundedUpload(upload, limit);
  const chunks: Buffer[] = [];
  for await (const chunk of bounded.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
