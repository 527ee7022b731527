// A child process that does one long operation on a data folder, to be killed with SIGKILL at a
// random moment by reliability.test.ts. It prints "go" just before the operation starts. An
// import also says when its write transaction is under way: the import child (a process of its
// own) reports 'writing' progress only from inside its BEGIN IMMEDIATE transaction, every 2,000
// rows; this worker prints `writing <done>/<total> child <pid>` for each such report, so the
// test can kill the import while it is provably writing, not while the file is still being read.
import fs from 'node:fs';
import path from 'node:path';
import { stringifyCsv } from '../../shared/imports/csv';
import { openOffice } from '../../electron/server/office';
import { owner } from '../../electron/server/testing/test-office';
import { createBackup } from '../../electron/server/backup/backup.service';
import { jobProgress } from '../../electron/server/imports/import-jobs';
import { runningImportChildPid } from '../../electron/server/imports/import-process';

const [op, dataDir, arg] = process.argv.slice(2) as [string, string, string | undefined];

async function main(): Promise<void> {
  if (op === 'migrate') {
    process.stdout.write('go\n');
    const started = performance.now();
    openOffice({ dataDir });
    // How long opening (the migrations of a new database) took: the test's window for killing them.
    process.stdout.write(`migrated ${Math.round(performance.now() - started)}\n`);
    return;
  }
  const office = openOffice({ dataDir });
  const cliOwner = { ...owner, via: 'cli' as const };
  process.stdout.write('go\n');
  if (op === 'import') {
    const n = Number(arg);
    const rows = [
      ['客户名称', '电话', '加入日期'],
      ...Array.from({ length: n }, (_, i) => [`可靠性客户${i}号有限公司`, `139${String(i).padStart(8, '0')}`, '2026-01-01']),
    ];
    const jobId = 'reliability-import';
    let said = 0;
    // The host learns the child's progress by message; looking every millisecond costs nothing
    // here (the host only waits) and adds at most a millisecond to when the test hears of it.
    const watch = setInterval(() => {
      const progress = jobProgress(jobId, cliOwner);
      if (progress?.phase === 'writing' && progress.done > said) {
        said = progress.done;
        process.stdout.write(`writing ${progress.done}/${progress.total} child ${runningImportChildPid()}\n`);
      }
    }, 1);
    const answer = await office.call(cliOwner, 'clients.import', {
      fileName: 'c.csv',
      dataBase64: Buffer.from(stringifyCsv(rows)).toString('base64'),
      jobId,
    });
    clearInterval(watch);
    if (!answer.ok) throw new Error(answer.error.messageEn);
  } else if (op === 'file') {
    for (const name of fs.readdirSync(arg!).sort()) {
      const answer = await office.call(cliOwner, 'archive.fileLocal', {
        sourcePath: path.join(arg!, name),
        fields: { kindId: 6 },
        onDuplicate: 'keep',
      });
      if (!answer.ok) throw new Error(answer.error.messageEn);
    }
  } else if (op === 'backup') {
    await createBackup(office, arg!);
  } else if (op === 'template') {
    const answer = await office.call(cliOwner, 'archive.setTemplate', { template: arg });
    if (!answer.ok) throw new Error(answer.error.messageEn);
  }
  await office.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
