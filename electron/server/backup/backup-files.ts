import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The layout of a backup folder DIR, and the file helpers backups and restores share.
 *
 *   DIR/门店通备份_YYYYMMDD-HHMMSS/office.db + manifest.json   one backup
 *   DIR/档案副本/<relPath>                                      the newest copy of each archived path,
 *                                                              browsable like the archive itself
 *   DIR/档案旧版本/<sha256[0:2]>/<sha256>                        an older content of a path that an
 *                                                              older backup still needs
 *
 * The archive copy is shared by all backups in DIR (incremental); a path whose content changed
 * (a file edited in place and accepted in 档案体检) keeps its old content under its hash, so the
 * older backups stay restorable.
 */
export const BACKUP_PREFIX = '门店通备份_';
export const MANIFEST = 'manifest.json';
export const ARCHIVE_COPY = '档案副本';
export const OLDER_VERSIONS = '档案旧版本';

/** `门店通备份_20261127-142000` or, a second backup in the same second, `…-142000-2`. */
export const BACKUP_NAME = /^门店通备份_\d{8}-\d{6}(-\d+)?$/;
/** A backup being written: its final name, the writing process's pid, `.tmp`. */
export const TEMP_NAME = /^(门店通备份_\d{8}-\d{6}(?:-\d+)?)(?:\.(\d+))?\.tmp$/;

export const copyRootOf = (dest: string): string => path.join(dest, ARCHIVE_COPY);
export const versionPathOf = (dest: string, sha256: string): string =>
  path.join(dest, OLDER_VERSIONS, sha256.slice(0, 2), sha256);

/**
 * Files are read through a FileHandle into one reused buffer: for a folder of scans this is
 * several times faster than a read stream per file (measured in `npm run bench -- --only backup`).
 */
const CHUNK = 1 << 20;

export async function sha256File(abs: string): Promise<string> {
  const hash = createHash('sha256');
  const fh = await fs.promises.open(abs, 'r');
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, size)));
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

/** Copy while hashing what was read; the copy is fsynced (a USB disk pulled after "done" keeps it). */
export async function copyHashing(from: string, to: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const source = await fs.promises.open(from, 'r');
  try {
    const target = await fs.promises.open(to, 'w');
    try {
      const buf = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, (await source.stat()).size)));
      for (;;) {
        const { bytesRead } = await source.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        const chunk = buf.subarray(0, bytesRead);
        hash.update(chunk);
        await target.write(chunk, 0, bytesRead);
        size += bytesRead;
      }
      await target.sync();
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
  return { sha256: hash.digest('hex'), size };
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Hashes computed once per run, so the verification pass does not read an unchanged file twice. */
export type HashMemo = Map<string, string>;

export async function hashOnce(abs: string, memo?: HashMemo): Promise<string> {
  const known = memo?.get(abs);
  if (known) return known;
  const sha = await sha256File(abs);
  memo?.set(abs, sha);
  return sha;
}

/**
 * Where DIR holds the content (size, sha256) of one archived file: the path copy when it has
 * that content, else the older-versions store; null when neither does.
 */
export async function locateCopy(
  dest: string,
  pathCopy: string,
  entry: { size: number; sha256: string },
  memo?: HashMemo,
): Promise<string | null> {
  for (const candidate of [pathCopy, versionPathOf(dest, entry.sha256)]) {
    const stat = fs.lstatSync(candidate, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size !== entry.size) continue;
    if ((await hashOnce(candidate, memo)) === entry.sha256) return candidate;
  }
  return null;
}

/** Run `work` over the items, `limit` at a time (file work overlaps its waits for the disk). */
export async function forEachLimit<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
