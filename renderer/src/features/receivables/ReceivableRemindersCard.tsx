import dayjs from 'dayjs';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { formatFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { useT } from '../../i18n';
import { ClientLink } from '../../components/ClientLink';

/** 跟进提醒: instalments falling due within the reminder days (office setting), and how much is already overdue. */
export function ReceivableRemindersCard({ staffId }: { staffId?: number | undefined }) {
  const t = useT();
  const settings = useQuery('receivables.settings');
  const days = settings.data?.remindDays ?? 7;
  const today = dayjs().format('YYYY-MM-DD');
  const soon = useQuery('receivables.list', {
    view: 'range',
    from: today,
    to: dayjs().add(days, 'day').format('YYYY-MM-DD'),
    ...(staffId ? { staffId } : {}),
  });
  const overdue = useQuery('receivables.list', { view: 'overdue', limit: 1, ...(staffId ? { staffId } : {}) });
  const rows = soon.data?.rows ?? [];
  return (
    <Card
      size="small"
      title={t('recv.remindersTitle', { days, count: soon.data?.total.count ?? 0 })}
      className="detail-card"
      data-testid="receivable-reminders"
    >
      {overdue.data && overdue.data.total.count > 0 && (
        <Typography.Paragraph type="danger">
          {t('recv.overdueLine', {
            count: overdue.data.total.count,
            amount: formatFen(overdue.data.total.outstandingFen, { symbol: true }),
          })}
        </Typography.Paragraph>
      )}
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recv.remindersEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
          renderItem={(r) => (
            <List.Item>
              <Space wrap size={4}>
                <Typography.Text className="money">{r.dueOn}</Typography.Text>
                <ClientLink id={r.clientId} name={r.clientName} />
                <Typography.Text type="secondary">{r.contractNumber}</Typography.Text>
                <Tag color={r.daysPastDue === 0 ? 'orange' : 'blue'}>{formatFen(r.outstandingFen, { symbol: true })}</Tag>
                <Typography.Text type="secondary">{r.staffName}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
