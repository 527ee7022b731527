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

const usage = `office import ${Object.keys(IMPORT_KINDS).join('|')} FILE [--dry-run] [--valid-only] [--sheet NAME] [--map A=field,…] [--duplicates refuse|skip|update]
  FILE: .xlsx、.xls、WPS .et、.ods、.xlsb、.numbers 或 CSV(UTF-8、GBK、UTF-16)
        .xlsx, .xls, WPS .et, .ods, .xlsb, .numbers or CSV (UTF-8, GBK, UTF-16)
  默认全部成功才写入;有错误时退出码 1,逐条列出(行、列、原因)且不写入任何数据。
  By default all rows must be valid; otherwise exit 1, each error (row, column, reason) is listed and nothing is written.
  --dry-run      只检查,不写入 / check only, write nothing
  --valid-only   只导入正确的行,跳过有错误的行 / import the valid rows, skip the rest
  --sheet NAME   读取指定的工作表(默认:表头相符的可见工作表)/ read this sheet (default: the visible sheet whose header matches)
  --map A=name,C=phone,D=   列对应:列字母=字段,空字段表示不导入;导入成功后按表格样式记住
                 column mapping: letter=field, empty = leave out; remembered for the layout after a successful import
  --duplicates   撞单时:refuse 不导入文件(默认)、skip 跳过、update 更新自己的客户(仅客户)
                 rows matching an existing record: refuse the file (default), skip them, or update your own (clients only)`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入客户、合同、收款、员工、月度指标 / Import clients, contracts, payments, staff, plans',
  usage,
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'valid-only': { type: 'boolean', default: false },
        sheet: { type: 'string' },
        map: { type: 'string' },
        duplicates: { type: 'string', default: 'refuse' },
      },
      strict: true,
    });
    const [kind, file] = positionals;
    const method = kind ? IMPORT_KINDS[kind] : undefined;
    const columnMap = values.map === undefined ? undefined : parseMap(values.map);
    if (
      !method ||
      !file ||
      positionals.length > 2 ||
      columnMap === null ||
      !['refuse', 'skip', 'update'].includes(values.duplicates)
    ) {
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
      duplicates: values.duplicates,
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      ...(columnMap ? { columnMap } : {}),
    })) as Envelope<ImportReport>;
    if (!result.ok) {
      printError(env, result.error.message, result.error.messageEn, result.error.details?.issues);
      const rowIssues = (result.error.details?.rowIssues as RowIssue[] | undefined) ?? [];
      printRowIssues(env.stderr, rowIssues, Number(result.error.details?.issuesOmitted ?? 0));
      return EXIT.failed;
    }
    const report = result.value;
    for (const p of report.columnProblems) env.stderr(`  ${p.message}\n    ${p.messageEn}\n`);
    if (report.issues.length > 0) printRowIssues(env.stderr, report.issues, report.issuesOmitted);
    const { preview: _preview, failedRowsFile: _failed, fields: _fields, ...summary } = report;
    env.stdout(`${JSON.stringify(summary, null, 2)}\n`);
    return report.dryRun && (report.errorRows > 0 || report.columnProblems.length > 0) ? EXIT.failed : EXIT.ok;
  },
};

/** "A=name,C=phone,D=" → { A: 'name', C: 'phone', D: '' }; null when malformed. */
function parseMap(text: string): Record<string, string> | null {
  const map: Record<string, string> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z]{1,3})=([A-Za-z]*)$/.exec(part);
    if (!m) return null;
    map[m[1]!.toUpperCase()] = m[2]!;
  }
  return map;
}

function printRowIssues(write: (text: string) => void, issues: readonly RowIssue[], omitted: number): void {
  for (const i of issues) {
    const where = i.column ? `第 ${i.row} 行 ${i.column}` : `第 ${i.row} 行`;
    const whereEn = i.column ? `row ${i.row}, ${i.column}` : `row ${i.row}`;
    write(`  ${where}:${i.message}\n    ${whereEn}: ${i.messageEn}\n`);
  }
  if (omitted > 0) write(`  ……另有 ${omitted} 条错误未列出 / ${omitted} more errors not listed\n`);
}
