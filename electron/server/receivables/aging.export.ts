import type { ExportFile, ExportFormat } from '../../../shared/imports/export-file';
import { fenToYuanString } from '../../../shared/money';
import { AGING_BUCKETS, AGING_BUCKET_LABELS } from '../../../shared/receivables/schedule';
import type { CallContext } from '../core/context';
import { exportFile, type TableColumn } from '../imports/write-table';
import { agingReport } from './receivables.service';

/**
 * 应收账龄表 as Excel (or CSV): one row per client with the salesperson, the five columns and the
 * total, then one row per salesperson and the office total — money as numbers Excel can sum.
 */
export async function exportAging(ctx: CallContext, asOf: string | undefined, format: ExportFormat): Promise<ExportFile> {
  const report = agingReport(ctx, { asOf });
  const yuan = (fen: number): string | number => (format === 'xlsx' ? fen / 100 : fenToYuanString(fen));
  const columns: TableColumn[] = [
    { header: '客户 / Client', width: 32 },
    { header: '业务员 / Salesperson', width: 14 },
    ...AGING_BUCKETS.map((b) => ({
      header: `${AGING_BUCKET_LABELS[b].zh} / ${AGING_BUCKET_LABELS[b].en}`,
      width: 16,
      kind: 'money' as const,
    })),
    { header: '合计 / Total', width: 16, kind: 'money' },
  ];
  const rows = [
    ...report.byClient.map((c) => [c.name, c.staffName ?? '', ...AGING_BUCKETS.map((b) => yuan(c.buckets[b])), yuan(c.totalFen)]),
    ...report.byStaff.map((s) => [
      `业务员小计 / Subtotal`,
      s.name,
      ...AGING_BUCKETS.map((b) => yuan(s.buckets[b])),
      yuan(s.totalFen),
    ]),
    ['合计 / Total', '', ...AGING_BUCKETS.map((b) => yuan(report.totals[b])), yuan(report.totals.totalFen)],
  ];
  return exportFile(format, `应收账龄_${report.asOf}`, `账龄 ${report.asOf}`, columns, rows);
}
