import zlib from 'node:zlib';
import { IMPORT_LIMITS, formatBytes } from '../../../../shared/imports/limits';
import { limitError, unreadable } from './read-errors';

/**
 * The zip container of .xlsx/.ods/.xlsb/.numbers, read without trusting it: the central
 * directory is checked against the limits (entries, unzipped size, compression ratio) before
 * anything is inflated, and every part is inflated with its declared size as a hard ceiling,
 * so a zip bomb — honest or lying about its sizes — is refused in milliseconds.
 */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
};

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)
  );
}

export function readZipDirectory(bytes: Buffer, fileName: string): Map<string, ZipEntry> {
  const end = findEndOfDirectory(bytes);
  if (end < 0)
    throw unreadable(
      fileName,
      '压缩包不完整(文件可能只下载了一部分)',
      'the zip container is incomplete (the file may be partly downloaded)',
    );
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw limitError(fileName, 'maxUnzippedBytes', '这是 ZIP64 格式的超大工作簿', 'it is a ZIP64 (very large) workbook');
  if (count > IMPORT_LIMITS.maxZipEntries)
    throw limitError(
      fileName,
      'maxZipEntries',
      `压缩包里有 ${count} 个部件,超过 ${IMPORT_LIMITS.maxZipEntries} 个上限`,
      `the zip holds ${count} parts, over the limit of ${IMPORT_LIMITS.maxZipEntries}`,
    );
  if (dirOffset + dirSize > bytes.length) throw unreadable(fileName, '压缩包目录损坏', 'the zip directory is damaged');
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50)
      throw unreadable(fileName, '压缩包目录损坏', 'the zip directory is damaged');
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize: bytes.readUInt32LE(p + 20),
      size: bytes.readUInt32LE(p + 24),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
      name: '',
    };
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    entry.name = bytes
      .toString('utf8', p + 46, p + 46 + nameLength)
      .replace(/\\/g, '/')
      .replace(/^\//, '');
    p += 46 + nameLength + extraLength + commentLength;
    if (entry.name.endsWith('/')) continue;
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw limitError(fileName, 'maxUnzippedBytes', '这是 ZIP64 格式的超大工作簿', 'it is a ZIP64 (very large) workbook');
    total += entry.size;
    if (total > IMPORT_LIMITS.maxUnzippedBytes)
      throw limitError(
        fileName,
        'maxUnzippedBytes',
        `解压后超过 ${formatBytes(IMPORT_LIMITS.maxUnzippedBytes)}(仅"${entry.name}"一项就有 ${formatBytes(entry.size)})`,
        `unzipped it exceeds ${formatBytes(IMPORT_LIMITS.maxUnzippedBytes)} ("${entry.name}" alone is ${formatBytes(entry.size)})`,
      );
    if (entry.size > 1024 * 1024 && entry.size > IMPORT_LIMITS.maxZipRatio * Math.max(1, entry.compressedSize))
      throw limitError(
        fileName,
        'maxZipRatio',
        `"${entry.name}"的压缩比为 ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1(${formatBytes(entry.compressedSize)} 解压成 ${formatBytes(entry.size)}),超过 ${IMPORT_LIMITS.maxZipRatio}:1 上限,像是"压缩炸弹"`,
        `"${entry.name}" unzips ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1 (${formatBytes(entry.compressedSize)} to ${formatBytes(entry.size)}), over the ${IMPORT_LIMITS.maxZipRatio}:1 limit — it looks like a zip bomb`,
      );
    entries.set(entry.name, entry);
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** A part's bytes, inflated with its declared size as the ceiling and its checksum verified. */
export function inflateEntry(bytes: Buffer, entry: ZipEntry, fileName: string): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50)
    throw unreadable(fileName, `部件"${entry.name}"损坏`, `the part "${entry.name}" is damaged`);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw limitError(
          fileName,
          'maxZipRatio',
          `"${entry.name}"解压后比文件声明的 ${formatBytes(entry.size)} 更大,像是"压缩炸弹"`,
          `"${entry.name}" unzips to more than the ${formatBytes(entry.size)} it declares — it looks like a zip bomb`,
        );
      throw unreadable(fileName, `部件"${entry.name}"无法解压`, `the part "${entry.name}" cannot be unzipped`);
    }
  } else
    throw unreadable(
      fileName,
      `部件"${entry.name}"用了不支持的压缩方式 ${entry.method}`,
      `the part "${entry.name}" uses unsupported compression ${entry.method}`,
    );
  if (out.length !== entry.size || zlib.crc32(out) !== entry.crc)
    throw unreadable(
      fileName,
      `部件"${entry.name}"校验失败(文件已损坏)`,
      `the part "${entry.name}" fails its checksum (the file is damaged)`,
    );
  return out;
}

/** Inflate every part once, bounded as above: for readers (SheetJS) that unzip everything themselves. */
export function verifyAllEntries(bytes: Buffer, entries: Map<string, ZipEntry>, fileName: string): void {
  for (const entry of entries.values()) inflateEntry(bytes, entry, fileName);
}
