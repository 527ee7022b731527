import { parseArgs } from 'node:util';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/contract/imports';
import type { ExportFile } from '../../../shared/imports/export-file';
import { printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';
import { writeExport } from '../write-export';

const usage = `office template ${IMPORT_KINDS.join('|')} [--out FILE]
  下载导入模板(.xlsx:表头、一行示例、填写说明);不给 --out 时写到当前文件夹,如 客户导入模板.xlsx。
  Writes the import template (.xlsx: headers, an example row, a notes sheet); without --out, into the current folder.`;

export const templateCommand: CliCommand = {
  name: 'template',
  summary: '下载导入模板 / Download an import template',
  usage,
  async run(args, env) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' } },
      strict: true,
    });
    const kind = positionals[0];
    if (!kind || positionals.length !== 1 || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
      printError(env, `用法:\n${usage}`, 'Usage above.');
      return EXIT.usage;
    }
    const file = await env.call<ExportFile>('imports.template', { kind: kind as ImportKind });
    if (!file) return EXIT.failed;
    const out = writeExport(env, file, values.out ?? file.fileName);
    if (!out) return EXIT.failed;
    env.stdout(`${JSON.stringify({ file: out, kind })}\n`);
    return EXIT.ok;
  },
};
