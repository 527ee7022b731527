#!/usr/bin/env node
// The `office` command. The Node version check comes first and everything else is imported after
// it (a static import would be hoisted above the check): on an old Node, better-sqlite3 would
// crash without a word.
//
// Then it runs the bundled CLI (dist/cli/office.js, built by `npm run build` / `npm start` /
// scripts/build-electron.mjs) when that is newer than every source it was built from, else the
// TypeScript sources through tsx — so a fresh clone needs no build step and an edited .ts file is
// never shadowed by a stale bundle (scripts/cli-bundle.mjs). The bundle saves tsx's start-up
// (about a second) on every call and on every import child it forks.
// OFFICE_CLI=sources forces the sources; OFFICE_CLI=bundle demands a current bundle (tests, timing).
import { exitUnlessSupportedNode } from '../scripts/node-version.mjs';

exitUnlessSupportedNode();
const { loadRunCli } = await import('../scripts/cli-bundle.mjs');
const runCli = await loadRunCli();
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
