import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BonusRuleRow } from '../../../../shared/contract/pay-terms';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { pick, useLanguage, useT } from '../../i18n';
import { useRoleLabel } from '../staff/hooks/useRoleLabel';
import { BonusRuleDialog } from './BonusRuleDialog';

/** The bonus rules: what each computes, for whom and when; add, stop from a month, or delete while untouched by a close. */
export function BonusRulesCard({ month }: { month: string }) {
  const t = useT();
  const { lang } = useLanguage();
  const roleLabel = useRoleLabel();
  const { message, modal } = App.useApp();
  const rules = useQuery('bonusrules.list');
  const [adding, setAdding] = useState(false);
  const [stopping, setStopping] = useState<BonusRuleRow | null>(null);
  const [lastMonth, setLastMonth] = useState(month);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const done = () => {
    void message.success(t('payitems.saved'));
    rules.refresh();
  };
  return (
    <div data-testid="bonus-rules">
      <ErrorAlert error={rules.error} />
      <Table<BonusRuleRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rules.data ?? []}
        locale={{ emptyText: t('rules.none') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('rules.name'), dataIndex: 'name' },
          { key: 'rule', title: t('rules.kind'), render: (_, r) => pick(r.description, lang) },
          { key: 'roles', title: t('rules.roles'), render: (_, r) => r.roles.map((x) => <Tag key={x}>{roleLabel(x)}</Tag>) },
          {
            key: 'period',
            title: t('rules.period'),
            render: (_, r) =>
              r.toMonth ? t('rules.between', { from: r.fromMonth, to: r.toMonth }) : t('rules.running', { from: r.fromMonth }),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) => (
              <Space size={0}>
                {r.locked && <Tag>{t('payitems.locked')}</Tag>}
                <Button type="link" size="small" onClick={() => (setLastMonth(month), setStopping(r))}>
                  {t('payitems.stop')}
                </Button>
                {!r.locked && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() =>
                      void modal.confirm({
                        title: `${t('payitems.delete')}「${r.name}」?`,
                        okText: t('payitems.delete'),
                        okButtonProps: { danger: true },
                        cancelText: t('common.cancel'),
                        onOk: () => call('bonusrules.delete', { id: r.id }).then(done, failed),
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
      <Button style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => setAdding(true)}>
        {t('rules.add')}
      </Button>
      {adding && (
        <BonusRuleDialog
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
          title={`${t('payitems.stop')}「${stopping.name}」`}
          okText={t('payitems.stop')}
          cancelText={t('common.cancel')}
          onCancel={() => setStopping(null)}
          onOk={() =>
            void call('bonusrules.stop', { id: stopping.id, lastMonth }).then(() => {
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
