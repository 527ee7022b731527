// `npm run web`: the browser/LAN mode. Builds the UI if needed, then runs `office serve`.
// Extra arguments pass through: npm run web -- --port 8080 --host 0.0.0.0
import { exitUnlessSupportedNode } from './node-version.mjs';

// First, before anything that could load better-sqlite3 (imports below are dynamic for that reason).
exitUnlessSupportedNode();
const { buildRendererIfNeeded } = await import('./build-if-needed.mjs');
const { loadRunCli } = await import('./cli-bundle.mjs');

buildRendererIfNeeded();
// The bundled CLI when it is current, else the sources through tsx (scripts/cli-bundle.mjs).
const runCli = await loadRunCli();
const dataArgs = process.env.OFFICE_DATA ? ['--data', process.env.OFFICE_DATA] : [];
process.exitCode = await runCli([...dataArgs, 'serve', ...process.argv.slice(2)], {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
