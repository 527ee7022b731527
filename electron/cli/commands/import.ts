import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Envelope } from '../../../shared/errors';
import type { ImportReport, RowIssue } from '../../../shared/imports/import-report';
import { IMPORT_MAX_BYTES } from '../../../shared/imports/import-report';
import { CLI_ACTOR, printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';

/** Which contract method imports each kind; other areas add their kinds here. */
export const IMPORT_KINDS: Record<string, string> = {
  clients: 'clients.import',
  contracts: 'contracts.import',
  payments: 'payments.import',
  staff: 'staff.import',
  plans: 'plans.import',
};

const usage = `office import ${Object.keys(IMPORT_KINDS).join('|')} FILE [--dry-run] [--valid-only]
  FILE: .xlsx 或 CSV(UTF-8 或 GB18030/GBK)/ .xlsx or CSV (UTF-8 or GB18030/GBK)
  默认全部成功才写入;有错误时退出码 1,逐条列出(行、列、原因)且不写入任何数据。
  By default all rows must be valid; otherwise exit 1, each error (row, column, reason) is listed and nothing is written.
  --dry-run      只检查,不写入 / check only, write nothing
  --valid-only   只导入正确的行,跳过有错误的行 / import the valid rows, skip the rest`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入客户、合同、收款、员工、月度指标 / Import clients, contracts, payments, staff, plans',
  usage,
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, 'valid-only': { type: 'boolean', default: false } },
      strict: true,
    });
    const [kind, file] = positionals;
    const method = kind ? IMPORT_KINDS[kind] : undefined;
    if (!method || !file || positionals.length > 2) {
      printError(env, `用法:\n${usage}`, 'Usage above.');
      return EXIT.usage;
    }
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      printError(env, `找不到文件 ${file}。`, `File not found: ${file}.`);
      return EXIT.failed;
    }
    if (stat.size > IMPORT_MAX_BYTES) {
      printError(
        env,
        `文件有 ${(stat.size / 1024 / 1024).toFixed(1)} MB,超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB 上限,请拆分后分批导入。`,
        `The file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${IMPORT_MAX_BYTES / 1024 / 1024} MB limit; split it.`,
      );
      return EXIT.failed;
    }
    const result = (await env.office().call(CLI_ACTOR, method, {
      fileName: path.basename(file),
      dataBase64: fs.readFileSync(file).toString('base64'),
      dryRun: values['dry-run'],
      mode: values['valid-only'] ? 'valid' : 'all',
    })) as Envelope<ImportReport>;
    if (!result.ok) {
      printError(env, result.error.message, result.error.messageEn, result.error.details?.issues);
      const rowIssues = (result.error.details?.rowIssues as RowIssue[] | undefined) ?? [];
      printRowIssues(env.stderr, rowIssues, Number(result.error.details?.issuesOmitted ?? 0));
      return EXIT.failed;
    }
    const report = result.value;
    if (report.issues.length > 0) printRowIssues(env.stderr, report.issues, report.issuesOmitted);
    const { preview: _preview, failedRowsFile: _failed, ...summary } = report;
    env.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    return report.dryRun && report.errorRows > 0 ? EXIT.failed : EXIT.ok;
  },
};

function printRowIssues(write: (text: string) => void, issues: readonly RowIssue[], omitted: number): void {
  for (const i of issues) {
    const where = i.column ? `第 ${i.row} 行 ${i.column}` : `第 ${i.row} 行`;
    const whereEn = i.column ? `row ${i.row}, ${i.column}` : `row ${i.row}`;
    write(`  ${where}:${i.message}\n    ${whereEn}: ${i.messageEn}\n`);
  }
  if (omitted > 0) write(`  ……另有 ${omitted} 条错误未列出 / ${omitted} more errors not listed\n`);
}
