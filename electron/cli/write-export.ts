import fs from 'node:fs';
import path from 'node:path';
import type { ExportFile } from '../../shared/imports/export-file';
import { printError, type CliIo } from './cli-env';

/**
 * Write an exported file to `--out`: beside the target first, then renamed, so a half-written
 * file never replaces a good one. Returns the absolute path, or null after printing the error.
 */
export function writeExport(io: CliIo, file: ExportFile, outPath: string): string | null {
  const out = path.resolve(outPath);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.from(file.dataBase64, 'base64'));
    fs.renameSync(tmp, out);
    return out;
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    printError(io, `无法写入 ${out}:${(error as Error).message}`, `Cannot write ${out}: ${(error as Error).message}`);
    return null;
  }
}
