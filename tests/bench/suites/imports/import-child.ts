// A process that does one import and nothing else, so its peak resident memory (VmHWM) is the
// import's: `node --import tsx import-child.ts FILE ROWS`. Prints {ms, peakMb, inserted}.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../../../shared/imports/import-report';
import { callOk, createTestOffice, owner } from '../../../../electron/server/testing/test-office';
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
  process.stdout.write(`${JSON.stringify({ ms, peakMb, inserted: report.inserted })}\n`);
} finally {
  await office.dispose();
}
