#!/usr/bin/env node
// The `office` command: runs the TypeScript CLI through tsx so the repo needs no build step.
// The Node version check comes first and everything else is imported after it (a static import
// would be hoisted above the check): on an old Node, better-sqlite3 would crash without a word.
import { exitUnlessSupportedNode } from '../scripts/node-version.mjs';

exitUnlessSupportedNode();
const { register } = await import('tsx/esm/api');
register();
const { runCli } = await import('../electron/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
