import { Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import type { RenewalRow } from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useRememberedState } from '../../clients/hooks/useRememberedState';
import { useContractActions } from '../hooks/useContractActions';
import { ClientLink } from '../../clients/components/ClientLink';

/**
 * 续费提醒: contracts ending in the next 30/60/90 days and lapsed ones, ordered by the client's
 * join date ("按客户加入日期排序管理,有利于续费提前接洽"); 续费 creates the renewal contract.
 */
export function RenewalsTab() {
  const t = useT();
  const [view, setView] = useRememberedState('mdt.renewals.view', { withinDays: 30, includeLapsed: true });
  const list = useQuery('renewals.list', view);
  const actions = useContractActions(list.refresh);
  const rows = list.data ?? [];
  return (
    <>
      <div className="toolbar">
        <Space size="large">
          <Segmented
            value={view.withinDays}
            options={[30, 60, 90].map((d) => ({ value: d, label: t('renewals.within', { days: d }) }))}
            onChange={(v) => setView({ ...view, withinDays: Number(v) })}
          />
          <label className="switch-label">
            <Switch size="small" checked={view.includeLapsed} onChange={(v) => setView({ ...view, includeLapsed: v })} />
            <span>{t('renewals.includeLapsed')}</span>
          </label>
        </Space>
        <Typography.Text type="secondary">{t('renewals.count', { count: rows.length })}</Typography.Text>
      </div>
      <ErrorAlert error={list.error} />
      <Table<RenewalRow>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('renewals.empty') }}
        columns={[
          { key: 'joined', title: t('clients.joinedOn'), dataIndex: 'clientJoinedOn', width: 110 },
          { key: 'client', title: t('contracts.client'), render: (_, r) => <ClientLink id={r.clientId} name={r.clientName} /> },
          { key: 'number', title: t('contracts.number'), dataIndex: 'number', width: 140 },
          { key: 'product', title: t('contracts.product'), dataIndex: 'product', width: 120 },
          { key: 'endsOn', title: t('renewals.endsOn'), dataIndex: 'endsOn', width: 110 },
          {
            key: 'days',
            title: t('renewals.daysLeft'),
            width: 120,
            render: (_, r) =>
              r.state === 'lapsed' ? (
                <Tag color="red">{t('renewals.lapsed', { days: -r.daysLeft })}</Tag>
              ) : (
                <Tag color={r.daysLeft <= 7 ? 'orange' : 'blue'}>{t('renewals.daysTag', { days: r.daysLeft })}</Tag>
              ),
          },
          {
            key: 'amount',
            title: t('contracts.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            width: 110,
            render: (fen: number) => <span className="money">{formatFen(fen)}</span>,
          },
          { key: 'staff', title: t('contracts.staff'), dataIndex: 'staffName', width: 90 },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_, r) => <a onClick={() => actions.renew(r)}>{t('contracts.renew')}</a>,
          },
        ]}
      />
    </>
  );
}
