import { spawnSync } from 'node:child_process';
import path from 'node:path';

const OFFICE_BIN = path.resolve(import.meta.dirname, '../../bin/office.mjs');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Run the real `office` command on a data folder, as a person at a terminal would (stdin optional). */
export function runOffice(dataDir: string, args: readonly string[], stdin?: string): CliResult {
  const result = spawnSync(process.execPath, [OFFICE_BIN, '--data', dataDir, ...args], {
    encoding: 'utf8',
    ...(stdin === undefined ? {} : { input: stdin }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
