// `npm test`: typecheck, lint (incl. layering), unit + integration (vitest), OCR, end to end
// (Playwright in Chromium). Every step runs even if an earlier one fails, so one run shows
// everything that is wrong; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { exitUnlessSupportedNode } from './node-version.mjs';

// An old Node would fail every step below with a crash instead of one clear sentence.
exitUnlessSupportedNode();

const steps = [
  ['typecheck', ['npx', 'tsc', '-b']],
  ['lint', ['npx', 'eslint', '.']],
  ['unit+integration', ['npx', 'vitest', 'run']],
  ['ocr', ['npx', 'vitest', 'run', '--config', 'vitest.ocr.config.ts']],
  ['reliability', ['npx', 'vitest', 'run', '--config', 'vitest.reliability.config.ts']],
  ['e2e', ['npm', 'run', 'test:e2e']],
];

const failed = [];
for (const [name, [cmd, ...args]] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failed.push(name);
  console.log(
    `=== ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s ===`,
  );
}
console.log(
  `\nnpm test: ${steps.length - failed.length} of ${steps.length} steps ok${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
