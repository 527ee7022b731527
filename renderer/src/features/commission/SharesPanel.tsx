import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatShareBp } from '../../../../shared/commission/shares';
import { formatFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n';
import { SharesDialog } from './SharesDialog';
import './commission.css';

/** 分成 of one contract, in its expanded row: who is credited what share, since when, and the adjustments a change made. */
export function SharesPanel({ contractId }: { contractId: number }) {
  const t = useT();
  const { lang } = useLanguage();
  const query = useQuery('shares.get', { contractId });
  const basis = useQuery('commission.settings').data?.creditBasis ?? 'payments';
  const [editing, setEditing] = useState(false);
  const shares = query.data;
  if (!shares) return query.error ? <ErrorAlert error={query.error} /> : null;
  return (
    <div className="shares-panel" data-testid="shares-panel">
      <Space align="start" style={{ justifyContent: 'space-between', width: '100%' }}>
        {shares.current.length === 0 ? (
          <Typography.Text type="secondary">
            {shares.staffName ? t('shares.none', { name: shares.staffName }) : t('shares.noneNoStaff')}
          </Typography.Text>
        ) : (
          <Space wrap data-testid="shares-current">
            <Typography.Text strong>{t('shares.current')}:</Typography.Text>
            {shares.current.map((p) => (
              <Tag key={p.staffId} color="purple">
                {p.name} {formatShareBp(p.shareBp)}
              </Tag>
            ))}
          </Space>
        )}
        {shares.canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('shares.edit')}
          </Button>
        )}
      </Space>
      {shares.history.length > 0 && (
        <Descriptions size="small" column={1} title={t('shares.history')} style={{ marginTop: 12 }}>
          {shares.history.map((h) => (
            <Descriptions.Item
              key={`${h.fromMonth}-${h.createdAt}`}
              label={h.fromMonth === '0000-01' ? t('shares.fromStart') : t('shares.fromMonth', { month: h.fromMonth })}
            >
              {h.parts.length === 0
                ? t('shares.notShared')
                : h.parts.map((p) => `${p.name} ${formatShareBp(p.shareBp)}`).join(lang === 'en' ? ', ' : '、')}
              {h.note && <Typography.Text type="secondary"> · {h.note}</Typography.Text>}
              <Typography.Text type="secondary">
                {' '}
                · {h.createdBy} {h.createdAt.slice(0, 10)}
              </Typography.Text>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {shares.adjustments.some((a) => a.basis === basis) && (
        <Descriptions size="small" column={1} title={t('shares.adjustments')} data-testid="shares-adjustments">
          {shares.adjustments
            .filter((a) => a.basis === basis)
            .map((a, i) => (
              <Descriptions.Item key={i} label={a.createdAt.slice(0, 10)}>
                {t('shares.adjustmentLine', {
                  name: a.name,
                  amount: formatFen(a.amountFen),
                  month: a.creditMonth,
                  unit: a.unitMonth,
                })}
              </Descriptions.Item>
            ))}
        </Descriptions>
      )}
      {!shares.current.length && !shares.history.length && !shares.canEdit && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {editing && (
        <SharesDialog
          shares={shares}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            query.refresh();
          }}
        />
      )}
    </div>
  );
}
