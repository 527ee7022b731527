import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../core/app-error';
import type { UploadLimits } from '../core/upload';

/** Under the archive root, on the same drive so the final step is a rename, never a copy. */
export const STAGING_DIR = '.staging';
export const TRASH_DIR = '.trash';

/**
 * The absolute path of a relative archive path, refusing anything that would land outside the
 * root: `..`, absolute paths, drive letters, and symlinks/junctions on the way.
 */
export function absInside(root: string, relPath: string): string {
  const parts = relPath.split(/[\\/]/).filter((p) => p.length > 0);
  if (parts.some((p) => p === '..' || p === '.' || /^[a-zA-Z]:/.test(p)) || path.isAbsolute(relPath)) throw outside(relPath);
  const abs = path.resolve(root, ...parts);
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw outside(relPath);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    const stat = fs.lstatSync(current, { throwIfNoEntry: false });
    if (!stat) break;
    if (stat.isSymbolicLink()) throw outside(relPath);
  }
  return abs;
}

function outside(relPath: string): AppError {
  return new AppError('invalid_input', {
    zh: `路径“${relPath}”指向档案文件夹之外(或经过快捷方式/链接),已拒绝。`,
    en: `The path “${relPath}” leads outside the archive folder (or through a link); refused.`,
  });
}

export function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** Free bytes for this process on the disk holding `dir`. */
export function diskFreeBytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

const GB = (n: number): string => `${(n / 1024 ** 3).toFixed(1)} GB`;

function noRoom(free: number, incoming: number, margin: number): AppError {
  return new AppError(
    'unavailable',
    {
      zh: `磁盘空间不足:档案所在磁盘只剩 ${GB(free)},${incoming ? `存下这个 ${GB(incoming)} 的文件后` : '继续写入后'}会低于保留的 ${GB(margin)}。文件没有归档,也没有留下半个文件。请清理磁盘后重试。`,
      en: `Not enough disk space: the archive's disk has ${GB(free)} free and ${incoming ? `storing this ${GB(incoming)} file` : 'writing more'} would leave less than the ${GB(margin)} kept free. The file was not filed and nothing half-written was kept. Free some space and retry.`,
    },
    { freeBytes: free, incomingBytes: incoming, marginBytes: margin },
  );
}

/** Refuse before writing when `incoming` more bytes would leave the disk under the margin. */
export function assertRoom(root: string, incoming: number, limits: UploadLimits): void {
  const free = (limits.freeBytes ?? diskFreeBytes)(root);
  if (free - incoming < limits.minFreeBytes) throw noRoom(free, incoming, limits.minFreeBytes);
}

/** While streaming, look at the disk again every this many bytes. */
const ROOM_CHECK_EVERY = 64 * 1024 * 1024;

/**
 * Copy a stream into the staging folder while hashing it, in constant memory whatever the
 * size; the file is fsynced before its hash is trusted. With `room`, the disk must keep its
 * free margin: checked before the first byte (against the announced size) and again as the
 * bytes arrive, so a sender that announces nothing cannot fill the disk either. On any failure
 * — a full disk, a cap, a sender that goes away — the staged file is removed.
 */
export async function stageStream(
  root: string,
  source: Readable,
  signal?: AbortSignal,
  room?: { limits: UploadLimits; expectedBytes: number | null },
): Promise<{ stagedRel: string; sha256: string; size: number }> {
  const dir = path.join(root, STAGING_DIR);
  fs.mkdirSync(dir, { recursive: true });
  if (room) assertRoom(root, room.expectedBytes ?? 0, room.limits);
  const stagedRel = `${STAGING_DIR}/${randomUUID()}`;
  const target = path.join(root, stagedRel);
  const hash = createHash('sha256');
  let size = 0;
  const every = room?.limits.roomCheckEveryBytes ?? ROOM_CHECK_EVERY;
  let nextCheck = every;
  const tap = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      if (room && size >= nextCheck) {
        nextCheck = size + every;
        try {
          assertRoom(root, Math.max(0, (room.expectedBytes ?? 0) - size), room.limits);
        } catch (error) {
          done(error as Error);
          return;
        }
      }
      done(null, chunk);
    },
  });
  activeStaging.add(stagedRel);
  try {
    await pipeline(
      source,
      tap,
      fs.createWriteStream(target, { flags: 'wx', highWaterMark: 1 << 20 }),
      ...(signal ? [{ signal }] : []),
    );
    const fd = fs.openSync(target, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (error) {
    fs.rmSync(target, { force: true });
    activeStaging.delete(stagedRel);
    throw error;
  }
  return { stagedRel, sha256: hash.digest('hex'), size };
}

/**
 * Staging files this process is writing or about to file. The audit does not report them and
 * a fix never touches them: they are someone's upload in progress, not leftovers.
 */
const activeStaging = new Set<string>();

export function isActiveStaging(rel: string): boolean {
  return activeStaging.has(rel);
}

/** The filing that staged `rel` is over (filed, or its copy removed). */
export function releaseStaging(rel: string): void {
  activeStaging.delete(rel);
}

export async function hashFile(abs: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(abs), hash);
  return hash.digest('hex');
}

/** Rename within the archive; the target's folders are created; an existing target is never overwritten. */
export function moveWithin(root: string, fromRel: string, toRel: string): void {
  const from = absInside(root, fromRel);
  const to = absInside(root, toRel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (fs.existsSync(to))
    throw new AppError('conflict', { zh: `目标位置已有文件:${toRel}`, en: `A file already exists at ${toRel}` });
  fs.renameSync(from, to);
}

/** Remove folders left empty by a move, up to (not including) the root. */
export function removeEmptyDirs(root: string, relDir: string): void {
  let dir = path.resolve(root, relDir);
  while (dir.startsWith(root + path.sep) && dir !== root) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

export function relDirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}
