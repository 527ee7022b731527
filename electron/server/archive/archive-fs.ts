import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../core/app-error';

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
  return new AppError(
    'invalid_input',
    `路径“${relPath}”指向档案文件夹之外(或经过快捷方式/链接),已拒绝。`,
    `The path “${relPath}” leads outside the archive folder (or through a link); refused.`,
  );
}

export function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/**
 * Copy a stream into the staging folder while hashing it, in constant memory whatever the
 * size; the file is fsynced before its hash is trusted.
 */
export async function stageStream(
  root: string,
  source: Readable,
  signal?: AbortSignal,
): Promise<{ stagedRel: string; sha256: string; size: number }> {
  const dir = path.join(root, STAGING_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const stagedRel = `${STAGING_DIR}/${randomUUID()}`;
  const target = path.join(root, stagedRel);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    highWaterMark: 1 << 20,
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
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
    throw error;
  }
  return { stagedRel, sha256: hash.digest('hex'), size };
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
  if (fs.existsSync(to)) throw new AppError('conflict', `目标位置已有文件:${toRel}`, `A file already exists at ${toRel}`);
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
