import fs from 'node:fs';
import path from 'node:path';
import { openOffice } from '../../../electron/server/office';
import { generateOffice } from './generate-office';
import { isSizeName, SIZES, type SizeName } from './sizes';

/** Where a generated office lives: .bench-data/<size>-seed<seed>/ (git-ignored). */
export function benchDataDir(size: SizeName, seed: number): string {
  return path.resolve('.bench-data', `${size}-seed${seed}`);
}

const READY_MARK = 'generated.json';

/**
 * The generated office for a size and seed, generating it first when missing. A half-written
 * folder (interrupted run) has no ready mark and is rebuilt from scratch.
 */
export function ensureBenchOffice(size: SizeName, seed: number, force = false): { dir: string; generatedNow: boolean } {
  const dir = benchDataDir(size, seed);
  if (!force && fs.existsSync(path.join(dir, READY_MARK))) return { dir, generatedNow: false };
  fs.rmSync(dir, { recursive: true, force: true });
  const office = openOffice({ dataDir: dir });
  const t0 = performance.now();
  const counts = generateOffice(office, SIZES[size], seed);
  office.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  office.sqlite.exec('ANALYZE');
  void office.close();
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  fs.writeFileSync(path.join(dir, READY_MARK), JSON.stringify({ size, seed, counts, seconds }, null, 2));
  return { dir, generatedNow: true };
}

function main(argv: readonly string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = arg('size') ?? 'small';
  const seed = Number(arg('seed') ?? 1);
  if (!isSizeName(size) || !Number.isInteger(seed)) {
    console.error('用法 / Usage: npm run bench:data -- --size small|large [--seed N] [--force]');
    process.exit(2);
  }
  const { dir, generatedNow } = ensureBenchOffice(size, seed, argv.includes('--force'));
  const info = fs.readFileSync(path.join(dir, READY_MARK), 'utf8');
  console.log(`${generatedNow ? '已生成 / Generated' : '已存在 / Already there'}: ${dir}\n${info}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main(process.argv.slice(2));
