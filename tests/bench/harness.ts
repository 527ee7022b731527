/**
 * Benchmarks report each figure next to a baseline measured in the same run (a ratio), never
 * a bare time: the machine's speed cancels out, so results compare across machines and days.
 */
export type Sample = { p50: number; p95: number; mean: number; runs: number };

export type BenchResult = {
  name: string;
  /** What is measured, e.g. 'p95 ms' or 'MB/s'. */
  unit: string;
  value: number;
  baselineName: string;
  baseline: number;
  /** value / baseline (for throughputs: baseline / value is not used; see higherIsBetter). */
  ratio: number;
  goal: string;
  met: boolean;
};

export type BenchSuite = {
  name: string;
  run: (ctx: BenchContext) => Promise<BenchResult[]>;
};

export type BenchContext = {
  /** 'small' for a quick run, 'large' for the office size. */
  size: 'small' | 'large';
  log: (text: string) => void;
  /**
   * The data folder of the generated office for this size (`npm run bench:data`), generated on
   * first use. Suites that write copy it first; the folder itself stays as generated.
   */
  generatedOfficeDir: () => string;
};

/** Time a function: warm up, then run until `minRuns` and `minMs` are both reached. */
export async function sample(
  fn: () => unknown,
  options: { minRuns?: number; minMs?: number; warmup?: number } = {},
): Promise<Sample> {
  const { minRuns = 30, minMs = 300, warmup = 5 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minRuns || performance.now() - started < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length > 100_000) break;
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), mean: times.reduce((a, b) => a + b, 0) / times.length, runs: times.length };
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
