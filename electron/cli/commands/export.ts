import { parseArgs } from 'node:util';
import type { ExportFile } from '../../../shared/imports/export-file';
import { printError } from '../cli-env';
import { writeExport } from '../write-export';
import { EXIT, type CliCommand } from '../command';

const KINDS: Record<string, string> = { clients: 'clients.export', contracts: 'contracts.export' };

const usage = `office export clients|contracts --format xlsx|csv --out FILE [--search TEXT]
  导出全部(或按 --search 筛选的)客户或合同;CSV 为带 BOM 的 UTF-8,Excel 可直接打开。
  Exports every (or --search filtered) client or contract; CSV is UTF-8 with BOM, which Excel opens directly.`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: '导出客户、合同到 Excel/CSV / Export clients, contracts to Excel/CSV',
  usage,
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, search: { type: 'string', default: '' } },
      strict: true,
    });
    const method = positionals[0] ? KINDS[positionals[0]] : undefined;
    if (!method || positionals.length !== 1 || !values.out || (values.format !== 'xlsx' && values.format !== 'csv')) {
      printError(env, `用法:\n${usage}`, 'Usage above.');
      return EXIT.usage;
    }
    const file = await env.call<ExportFile>(method, { format: values.format, filters: { search: values.search } });
    if (!file) return EXIT.failed;
    const out = writeExport(env, file, values.out);
    if (!out) return EXIT.failed;
    env.stdout(`${JSON.stringify({ file: out, rows: file.rowCount, format: values.format })}\n`);
    return EXIT.ok;
  },
};
