import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { LEVEL_LABELS } from '../../../../shared/clients/classification';
import { POOL_REASON_LABELS } from '../../../../shared/pool/pool-rules';
import { useQuery } from '../../api/useQuery';
import { useT } from '../../i18n';
import { ClientLink } from '../../components/ClientLink';
import { useLabel } from '../../hooks/useLabel';

/** 跟进提醒: clients the pool rules will take back soon — follow them up to keep them. A salesperson sees their own. */
export function PoolWarningsCard({ staffId }: { staffId?: number | undefined }) {
  const t = useT();
  const label = useLabel();
  const warnings = useQuery('pool.warnings', staffId === undefined ? {} : { staffId });
  const rows = warnings.data ?? [];
  return (
    <Card
      size="small"
      title={t('pool.warningsTitle', { count: rows.length })}
      className="detail-card"
      data-testid="pool-warnings"
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pool.warningsEmpty')} />
      ) : (
        <List
          size="small"
          loading={warnings.loading}
          dataSource={rows}
          pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
          renderItem={(w) => (
            <List.Item>
              <Space wrap size={4}>
                <ClientLink id={w.clientId} name={w.clientName} />
                <Tag>{LEVEL_LABELS[w.level].short}</Tag>
                <Typography.Text type={w.daysLeft <= 1 ? 'danger' : 'warning'}>
                  {w.daysLeft > 0 ? t('pool.returnsOn', { date: w.returnsOn, days: w.daysLeft }) : t('pool.returnsToday')}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('pool.dueInPool', { reason: label(POOL_REASON_LABELS[w.reason]), since: w.since })} · {w.ownerName}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
