import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DuplicateGroup } from '../../../../shared/contract/merge';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { ClientLink } from '../../components/ClientLink';
import { MergeDialog } from './MergeDialog';

const REASON_COLOR = { phone: 'red', name: 'orange', similar: 'blue' } as const;

/** 疑似重复: groups of clients that may be one (same phone, same name, similar names in one region), each one click from merging. */
export function DuplicatesTab() {
  const t = useT();
  const groups = useQuery('merge.candidates');
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const data = groups.data ?? [];
  return (
    <div data-testid="duplicates-tab">
      <div className="toolbar">
        <Typography.Text type="secondary">{data.length > 0 ? t('merge.count', { count: data.length }) : ''}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={groups.refresh} aria-label={t('common.refresh')} />
      </div>
      <ErrorAlert error={groups.error} />
      {!groups.loading && data.length === 0 ? (
        <Empty description={t('merge.empty')} />
      ) : (
        <List
          loading={groups.loading}
          dataSource={data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          renderItem={(g) => (
            <List.Item>
              <Card
                size="small"
                className="duplicate-group"
                title={
                  <Space>
                    <Tag color={REASON_COLOR[g.reason]}>{t(`merge.reason.${g.reason}`)}</Tag>
                    <span>{g.key}</span>
                  </Space>
                }
                extra={
                  <Button size="small" onClick={() => setMerging(g)}>
                    {t('merge.open')}
                  </Button>
                }
              >
                {g.clients.map((c) => (
                  <div key={c.id} className="duplicate-row">
                    <ClientLink id={c.id} name={c.name} />
                    <Typography.Text type="secondary">
                      {[
                        c.phones.join(', '),
                        [c.province, c.city, c.district].filter(Boolean).join(' '),
                        c.ownerName,
                        c.joinedOn,
                        t('merge.contracts', { count: c.contracts }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </div>
                ))}
              </Card>
            </List.Item>
          )}
        />
      )}
      {merging && (
        <MergeDialog
          clientIds={merging.clients.map((c) => c.id)}
          onClose={() => setMerging(null)}
          onDone={() => {
            setMerging(null);
            groups.refresh();
          }}
        />
      )}
    </div>
  );
}
