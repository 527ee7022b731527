import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DismissalCase } from '../../../../../shared/contract/commission';
import { formatFen } from '../../../../../shared/money';
import { useQuery } from '../../../api/useQuery';
import { useCan } from '../../../app/permissions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { DismissalDialog } from './DismissalDialog';

/** 待辞退: each case with the months that caused it; the owner keeps or dismisses. Never automatic. */
export function DismissalCases({ version, onChanged }: { version: number; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const cases = useQuery('dismissals.list', {});
  // Managers see the cases; only the owner decides them.
  const canDecide = useCan('dismissals.decide');
  const [deciding, setDeciding] = useState<{ item: DismissalCase; decision: 'keep' | 'dismiss' } | null>(null);
  // Re-read when a month is closed or reopened elsewhere on the page.
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    cases.refresh();
  }
  return (
    <Card size="small" title={t('dismissals.title')} className="detail-card" data-testid="dismissal-cases">
      <ErrorAlert error={cases.error} />
      {cases.data && cases.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dismissals.none')} />
      ) : (
        <List
          dataSource={cases.data ?? []}
          renderItem={(c) => (
            <List.Item
              actions={
                canDecide
                  ? [
                      <Button key="keep" onClick={() => setDeciding({ item: c, decision: 'keep' })}>
                        {t('dismissals.keep')}
                      </Button>,
                      <Button key="dismiss" danger onClick={() => setDeciding({ item: c, decision: 'dismiss' })}>
                        {t('dismissals.dismiss')}
                      </Button>,
                    ]
                  : [
                      <Typography.Text key="owner" type="secondary">
                        {t('dismissals.ownerDecides')}
                      </Typography.Text>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    <strong>{c.name}</strong>
                    <span className="muted">{c.code}</span>
                    <Tag color="red">{t('perf.status.dismissal_due')}</Tag>
                    <Tag>{t('dismissals.clients', { n: c.clientCount })}</Tag>
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {c.evidence
                      .map((e) =>
                        t('dismissals.evidence', {
                          month: e.month,
                          sales: formatFen(e.salesFen),
                          floor: e.floorFen === null ? '—' : formatFen(e.floorFen),
                        }),
                      )
                      .join(';')}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
      {deciding && (
        <DismissalDialog
          item={deciding.item}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={(r) => {
            void message.success(
              r.decision === 'keep'
                ? t('dismissals.keptDone', { name: deciding.item.name })
                : r.movedClients > 0
                  ? t('dismissals.dismissedMoved', {
                      name: deciding.item.name,
                      date: r.leftOn ?? '',
                      n: r.movedClients,
                      to: r.toName ?? '',
                    })
                  : t('dismissals.dismissedDone', { name: deciding.item.name, date: r.leftOn ?? '' }),
            );
            setDeciding(null);
            cases.refresh();
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
