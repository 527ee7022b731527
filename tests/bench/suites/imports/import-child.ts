// A process that does one import and nothing else: `node --import tsx import-child.ts FILE ROWS`.
// The import runs in its own child process (run-import.ts); this prints both peaks — this
// process's (VmHWM: it decodes the file and hands it over) and the import child's (as the child
// reports it) — as {ms, peakMb, childPeakMb, inserted}.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../../../shared/imports/import-report';
import { callOk, createTestOffice, owner } from '../../../../electron/server/testing/test-office';
import { importChildPeakRssBytes } from '../../../../electron/server/imports/import-process';
import { addBenchStaff } from '../clients-data';

const [file, expected] = process.argv.slice(2);
const office = createTestOffice();
try {
  await addBenchStaff(office);
  const data = fs.readFileSync(file!).toString('base64');
  const t0 = performance.now();
  const report = await callOk<ImportReport>(
    office,
    'clients.import',
    { fileName: path.basename(file!), dataBase64: data },
    owner,
  );
  const ms = performance.now() - t0;
  if (report.inserted !== Number(expected)) throw new Error(`imported ${report.inserted} of ${expected}`);
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const peakMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024;
  const childPeakMb = importChildPeakRssBytes() / 1024 / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakMb, childPeakMb, inserted: report.inserted })}\n`);
} finally {
  await office.dispose();
}
