import { parseArgs } from 'node:util';
import type { AgingReport, ReceivablesList } from '../../../shared/contract/receivables';
import type { ExportFile } from '../../../shared/imports/export-file';
import { isRealDate } from '../../../shared/dates';
import { formatFen } from '../../../shared/money';
import { AGING_BUCKETS, AGING_BUCKET_LABELS } from '../../../shared/receivables/schedule';
import { printError } from '../cli-env';
import { EXIT, type CliCommand } from '../command';
import { formatTable } from '../format-table';
import { writeExport } from '../write-export';

const usage = `office receivables --aging [--as-of YYYY-MM-DD] [--json] [--out FILE.xlsx|FILE.csv]
office receivables --due week|month|overdue [--as-of YYYY-MM-DD] [--json]
  应收账龄(未到期、0–30、31–60、61–90、90 天以上,按业务员和客户),或本周/本月应收、逾期。
  Receivables aging (not yet due, 0–30, 31–60, 61–90, over 90 days, per salesperson and client), or what is due this week/month, or overdue.`;

export const receivablesCommand: CliCommand = {
  name: 'receivables',
  summary: '应收账龄与逾期 / Receivables aging and overdue',
  usage,
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: {
        aging: { type: 'boolean', default: false },
        due: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
      },
      strict: true,
    });
    const asOf = values['as-of'];
    if (asOf !== undefined && !isRealDate(asOf)) {
      printError(env, `--as-of "${asOf}" 不是有效日期(YYYY-MM-DD)。`, `--as-of "${asOf}" is not a valid date (YYYY-MM-DD).`);
      return EXIT.usage;
    }
    const view = values.due;
    if (values.aging === (view !== undefined) || (view !== undefined && !['week', 'month', 'overdue'].includes(view))) {
      printError(
        env,
        `请给出 --aging 或 --due week|month|overdue(二选一)。用法:\n${usage}`,
        'Give --aging or --due week|month|overdue (one of the two).',
      );
      return EXIT.usage;
    }
    if (values.aging && values.out) {
      const format = values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const file = await env.call<ExportFile>('receivables.agingExport', { format, ...(asOf ? { asOf } : {}) });
      if (!file) return EXIT.failed;
      const written = writeExport(env, file, values.out);
      if (!written) return EXIT.failed;
      env.stdout(`${written}\n`);
      return EXIT.ok;
    }
    if (values.aging) {
      const report = await env.call<AgingReport>('receivables.aging', asOf ? { asOf } : {});
      if (!report) return EXIT.failed;
      if (values.json) {
        env.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return EXIT.ok;
      }
      const header = ['业务员', ...AGING_BUCKETS.map((b) => AGING_BUCKET_LABELS[b].zh), '合计'];
      const rows = report.byStaff.map((s) => [
        s.name,
        ...AGING_BUCKETS.map((b) => formatFen(s.buckets[b])),
        formatFen(s.totalFen),
      ]);
      rows.push(['合计', ...AGING_BUCKETS.map((b) => formatFen(report.totals[b])), formatFen(report.totals.totalFen)]);
      env.stdout(`应收账龄 / Receivables aging, ${report.asOf}\n${formatTable(header, rows)}`);
      return EXIT.ok;
    }
    const list = await env.call<ReceivablesList>('receivables.list', {
      view: view as 'week' | 'month' | 'overdue',
      limit: 5000,
      ...(asOf ? { asOf } : {}),
    });
    if (!list) return EXIT.failed;
    if (values.json) {
      env.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return EXIT.ok;
    }
    env.stdout(
      formatTable(
        ['应收日期', '客户', '合同编号', '业务员', '应收(元)', '逾期天数'],
        list.rows.map((r) => [
          r.dueOn,
          r.clientName,
          r.contractNumber,
          r.staffName,
          formatFen(r.outstandingFen),
          r.daysPastDue > 0 ? String(r.daysPastDue) : '',
        ]),
      ),
    );
    env.stdout(`合计 / Total: ${list.total.count} 笔, ${formatFen(list.total.outstandingFen)} 元\n`);
    return EXIT.ok;
  },
};
