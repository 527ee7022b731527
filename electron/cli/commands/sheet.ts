import { parseArgs } from 'node:util';
import type { ExportFile } from '../../../shared/imports/export-file';
import { MONTH_PATTERN } from '../../../shared/dates';
import type { PerformanceSheet } from '../../../shared/performance/performance-types';
import { sheetJson } from '../../../shared/performance/sheet-json';
import { printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';
import { writeExport } from '../write-export';

const usage = `office sheet YYYY-MM --format json|csv|xlsx [--out FILE]
  月度业绩表:json 输出到标准输出;csv/xlsx 与界面“导出”相同(xlsx 需要 --out)。
  The monthly sheet: json on stdout; csv/xlsx are the same files the UI exports (xlsx needs --out).`;

export const sheetCommand: CliCommand = {
  name: 'sheet',
  summary: '月度业绩表 / Monthly performance sheet',
  usage,
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } },
      strict: true,
    });
    const [month] = positionals;
    const format = values.format;
    if (!month || positionals.length !== 1 || !MONTH_PATTERN.test(month) || !['json', 'csv', 'xlsx'].includes(format)) {
      printError(env, `用法:\n${usage}`, 'Usage above.');
      return EXIT.usage;
    }
    if (format === 'json') {
      const sheet = await env.call<PerformanceSheet>('performance.sheet', { month });
      if (!sheet) return EXIT.failed;
      const text = `${JSON.stringify(sheetJson(sheet), null, 2)}\n`;
      if (!values.out) env.stdout(text);
      else if (
        !writeExport(
          env,
          { fileName: '', mimeType: 'application/json', dataBase64: Buffer.from(text).toString('base64'), rowCount: 0 },
          values.out,
        )
      )
        return EXIT.failed;
      return EXIT.ok;
    }
    if (format === 'xlsx' && !values.out) {
      printError(env, 'xlsx 是二进制文件,请用 --out 指定保存位置。', 'xlsx is binary; give --out FILE.');
      return EXIT.usage;
    }
    const file = await env.call<ExportFile>('performance.export', { month, format });
    if (!file) return EXIT.failed;
    if (!values.out) {
      env.stdout(Buffer.from(file.dataBase64, 'base64').toString('utf8'));
      return EXIT.ok;
    }
    const out = writeExport(env, file, values.out);
    if (!out) return EXIT.failed;
    env.stdout(`${JSON.stringify({ file: out, rows: file.rowCount, format })}\n`);
    return EXIT.ok;
  },
};
