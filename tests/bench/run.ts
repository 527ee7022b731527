// `npm run bench [-- --size small|large] [--json FILE] [--only NAME]`: runs every suite and
// prints one table: figure, baseline measured in the same run, ratio, goal, met.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { BenchResult } from './harness';
import { ensureBenchOffice } from './data/cli';
import { suites } from './suites';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    json: { type: 'string' },
    only: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const size = values.size === 'large' ? 'large' : 'small';
const seed = Number(values.seed);
const generatedOfficeDir = (): string => {
  const { dir, generatedNow } = ensureBenchOffice(size, seed);
  if (generatedNow) process.stderr.write(`bench: generated the ${size} office in ${dir}\n`);
  return dir;
};
const results: BenchResult[] = [];
for (const suite of suites) {
  if (values.only && !suite.name.includes(values.only)) continue;
  process.stderr.write(`bench: ${suite.name} (${size})…\n`);
  results.push(...(await suite.run({ size, log: (t) => process.stderr.write(`  ${t}\n`), generatedOfficeDir })));
}

const header = ['benchmark', 'value', 'baseline', 'ratio', 'goal', 'met'];
const rows = results.map((r) => [
  r.name,
  `${r.value} ${r.unit}`,
  `${r.baseline} ${r.unit} (${r.baselineName})`,
  `${r.ratio}×`,
  r.goal,
  r.met ? 'yes' : 'NO',
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));
if (values.json) fs.writeFileSync(values.json, JSON.stringify({ size, at: new Date().toISOString(), results }, null, 2));
process.exitCode = results.every((r) => r.met) ? 0 : 1;
