import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { PayItemRow } from '../../../../shared/contract/pay-terms';
import { formatFen } from '../../../../shared/money';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n';
import { BonusRulesCard } from './BonusRulesCard';
import { PayItemDialog } from './PayItemDialog';

/** 员工与指标 › 奖金与扣款: the month's items per person, and the bonus rules below. */
export function PayItemsTab() {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const items = useQuery('payitems.list', { month });
  const [adding, setAdding] = useState(false);
  const [stopping, setStopping] = useState<PayItemRow | null>(null);
  const [lastMonth, setLastMonth] = useState(month);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const done = () => {
    void message.success(t('payitems.saved'));
    items.refresh();
  };
  const kindLabel = (k: PayItemRow['kind']) => t(`payitems.kind.${k}`);

  return (
    <div data-testid="payitems-tab">
      <div className="perf-toolbar">
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t('perf.month')}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('payitems.add')}
        </Button>
      </div>
      <ErrorAlert error={items.error} />
      <Table<PayItemRow>
        size="small"
        rowKey="id"
        pagination={false}
        loading={items.loading && !items.data}
        dataSource={items.data ?? []}
        locale={{ emptyText: t('payitems.none') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('payitems.person'), render: (_, r) => `${r.name}(${r.code})` },
          {
            key: 'kind',
            title: t('payitems.kind'),
            render: (_, r) => <Tag color={r.kind === 'bonus' ? 'green' : 'volcano'}>{kindLabel(r.kind)}</Tag>,
          },
          { key: 'category', title: t('payitems.category'), dataIndex: 'category' },
          {
            key: 'reason',
            title: t('payitems.reason'),
            render: (_, r) => (
              <>
                {r.reason}
                {r.forMonth && (
                  <Typography.Text type="secondary"> {t('payitems.forMonth', { month: r.forMonth })}</Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'amount',
            title: t('payitems.amount'),
            align: 'right',
            render: (_, r) => <span className="money">{`${r.kind === 'deduction' ? '-' : ''}${formatFen(r.amountFen)}`}</span>,
          },
          {
            key: 'months',
            title: t('payitems.month'),
            render: (_, r) =>
              r.toMonth === r.fromMonth
                ? r.fromMonth
                : r.toMonth
                  ? t('rules.between', { from: r.fromMonth, to: r.toMonth })
                  : `${t('rules.running', { from: r.fromMonth })} · ${t('payitems.monthly')}`,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) => (
              <Space size={0}>
                {r.locked && <Tag>{t('payitems.locked')}</Tag>}
                {r.toMonth !== r.fromMonth && (
                  <Button type="link" size="small" onClick={() => (setLastMonth(month), setStopping(r))}>
                    {t('payitems.stop')}
                  </Button>
                )}
                {!r.locked && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() =>
                      void modal.confirm({
                        title: t('payitems.deleteConfirm', { name: r.name, kind: kindLabel(r.kind) }),
                        content: `${r.category} · ${formatFen(r.amountFen)} · ${r.reason}`,
                        okText: t('payitems.delete'),
                        okButtonProps: { danger: true },
                        cancelText: t('common.cancel'),
                        onOk: () => call('payitems.delete', { id: r.id }).then(done, failed),
                      })
                    }
                  >
                    {t('payitems.delete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('payitems.ruleHint')}
      </Typography.Paragraph>
      <Card size="small" title={t('rules.title')} className="detail-card" style={{ marginTop: 16 }}>
        <BonusRulesCard month={month} />
      </Card>
      {adding && (
        <PayItemDialog
          month={month}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            done();
          }}
        />
      )}
      {stopping && (
        <Modal
          open
          title={t('payitems.stopTitle', { category: stopping.category, name: stopping.name })}
          okText={t('payitems.stop')}
          cancelText={t('common.cancel')}
          onCancel={() => setStopping(null)}
          onOk={() =>
            void call('payitems.stop', { id: stopping.id, lastMonth }).then(() => {
              setStopping(null);
              done();
            }, failed)
          }
        >
          <Space>
            <span>{t('payitems.lastMonth')}</span>
            <DatePicker
              picker="month"
              allowClear={false}
              aria-label={t('payitems.lastMonth')}
              value={dayjs(`${lastMonth}-01`)}
              onChange={(d) => d && setLastMonth(d.format('YYYY-MM'))}
            />
          </Space>
        </Modal>
      )}
    </div>
  );
}
