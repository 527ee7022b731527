import { Card, Table } from 'antd';
import { formatFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { useT } from '../../i18n';

/**
 * Under the monthly sheet (kept apart from the sheet's own columns): each salesperson's 应收 that
 * fell due in the month and what of it, or of anything due earlier, is still unpaid today.
 */
export function StaffReceivablesCard({ month }: { month: string }) {
  const t = useT();
  const data = useQuery('receivables.byStaff', { month });
  const rows = data.data?.rows ?? [];
  if (!data.loading && rows.length === 0) return null;
  const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;
  return (
    <Card title={t('perf.recvTitle')} size="small" className="perf-receivables" data-testid="perf-receivables">
      <Table
        rowKey={(r) => String(r.staffId)}
        size="small"
        pagination={false}
        loading={data.loading}
        dataSource={rows}
        columns={[
          { key: 'name', title: t('recv.col.staff'), dataIndex: 'staffName' },
          { key: 'due', title: t('perf.recvDue'), dataIndex: 'dueInMonthFen', align: 'right', render: money },
          { key: 'overdue', title: t('perf.recvOverdue'), dataIndex: 'overdueFen', align: 'right', render: money },
        ]}
      />
    </Card>
  );
}
