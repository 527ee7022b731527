import { Card, Table, Typography, type TableColumnsType } from 'antd';
import type { AgingRow } from '../../../../shared/contract/receivables';
import { formatFen } from '../../../../shared/money';
import { AGING_BUCKETS, AGING_BUCKET_LABELS } from '../../../../shared/receivables/schedule';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/import/ExportButton';
import { useT } from '../../i18n';
import { useLabel } from '../../hooks/useLabel';
import { useMe } from '../pool/useMe';
import '../pool/pool.css';

/** 应收账龄: money owed by how long it has been due, in total, per salesperson and per client; to Excel. */
export function AgingTab() {
  const t = useT();
  const label = useLabel();
  const me = useMe();
  const report = useQuery('receivables.aging');
  const r = report.data;
  const columns = (nameTitle: string, withStaff: boolean): TableColumnsType<AgingRow> => [
    { key: 'name', title: nameTitle, ellipsis: true, render: (_, row) => row.name, fixed: 'left', width: 200 },
    ...(withStaff
      ? [{ key: 'staff', title: t('recv.col.staff'), width: 90, render: (_: unknown, row: AgingRow) => row.staffName ?? '' }]
      : []),
    ...AGING_BUCKETS.map((b) => ({
      key: b,
      title: label(AGING_BUCKET_LABELS[b]),
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: AgingRow) =>
        row.buckets[b] ? (
          <Typography.Text className="money" {...(b === 'd90plus' ? { type: 'danger' as const } : {})}>
            {formatFen(row.buckets[b])}
          </Typography.Text>
        ) : (
          <span className="muted">—</span>
        ),
    })),
    {
      key: 'total',
      title: t('aging.total'),
      width: 130,
      align: 'right',
      render: (_, row) => <strong className="money">{formatFen(row.totalFen)}</strong>,
    },
  ];
  const totalsRow: AgingRow[] = r ? [{ id: null, name: t('aging.total'), buckets: r.totals, totalFen: r.totals.totalFen }] : [];
  return (
    <div className="aging-grid" data-testid="aging-tab">
      <div className="toolbar">
        <Typography.Text strong>{r ? t('aging.title', { date: r.asOf }) : ''}</Typography.Text>
        {me.role !== 'salesperson' && <ExportButton run={(format) => call('receivables.agingExport', { format })} />}
      </div>
      <ErrorAlert error={report.error} />
      <Table<AgingRow>
        rowKey={() => 'total'}
        size="small"
        pagination={false}
        loading={report.loading}
        columns={columns(t('aging.name'), false)}
        dataSource={totalsRow}
        data-testid="aging-totals"
      />
      <Card size="small" title={t('aging.byStaff')}>
        <Table<AgingRow>
          rowKey={(row) => String(row.id)}
          size="small"
          pagination={false}
          columns={columns(t('recv.col.staff'), false)}
          dataSource={r?.byStaff ?? []}
          scroll={{ x: 900 }}
        />
      </Card>
      <Card size="small" title={t('aging.byClient')}>
        <Table<AgingRow>
          rowKey={(row) => String(row.id)}
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={columns(t('recv.col.client'), true)}
          dataSource={r?.byClient ?? []}
          scroll={{ x: 1000 }}
        />
      </Card>
    </div>
  );
}
