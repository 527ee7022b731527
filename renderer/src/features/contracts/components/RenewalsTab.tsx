import { Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import type { RenewalRow } from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { useQuery } from '../../../api/useQuery';
import { useCan } from '../../../app/permissions';
import { WIDE_TABLE } from '../../../components/table/wideTable';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useRememberedState } from '../../../hooks/useRememberedState';
import { useContractActions } from '../hooks/useContractActions';
import { ClientLink } from '../../../components/ClientLink';

type View = { withinDays: number; includeLapsed: boolean; order: 'due' | 'joined' };

/**
 * 续费提醒: contracts ending in the next 30/60/90 days and lapsed ones, soonest due first or by
 * the client's join date ("按客户加入日期排序管理,有利于续费提前接洽"); 续费 creates the renewal
 * contract, and the reminder stays (showing the draft) until that renewal is signed.
 */
export function RenewalsTab() {
  const t = useT();
  // Soonest due first; the manual's 按客户加入日期 one click away (the segmented control or a header).
  const [view, setView] = useRememberedState<View>('mdt.renewals.view.v2', {
    withinDays: 30,
    includeLapsed: true,
    order: 'due',
  });
  const list = useQuery('renewals.list', view);
  const canRenew = useCan('contracts.renew');
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
          <Segmented
            value={view.order}
            options={[
              { value: 'due', label: t('renewals.orderDue') },
              { value: 'joined', label: t('renewals.orderJoined') },
            ]}
            onChange={(v) => setView({ ...view, order: v as View['order'] })}
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
        {...WIDE_TABLE}
        className="wide-table"
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          setView({ ...view, order: one?.columnKey === 'joined' && one.order ? 'joined' : 'due' });
        }}
        locale={{ emptyText: t('renewals.empty') }}
        columns={[
          {
            key: 'joined',
            title: t('clients.joinedOn'),
            dataIndex: 'clientJoinedOn',
            className: 'nowrap',
            sorter: true,
            sortOrder: view.order === 'joined' ? 'ascend' : null,
            sortDirections: ['ascend'],
          },
          {
            key: 'client',
            title: t('contracts.client'),
            className: 'contract-client-cell',
            render: (_, r) => <ClientLink id={r.clientId} name={r.clientName} />,
          },
          { key: 'number', title: t('contracts.number'), dataIndex: 'number', className: 'nowrap' },
          { key: 'product', title: t('contracts.product'), dataIndex: 'product', className: 'contract-product-cell' },
          {
            key: 'endsOn',
            title: t('renewals.endsOn'),
            dataIndex: 'endsOn',
            className: 'nowrap',
            sorter: true,
            sortOrder: view.order === 'due' ? 'ascend' : null,
            sortDirections: ['ascend'],
          },
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
          { key: 'staff', title: t('contracts.staff'), dataIndex: 'staffName', className: 'nowrap' },
          {
            key: 'actions',
            title: t('common.actions'),
            className: 'nowrap',
            render: (_, r) =>
              r.renewalDraft ? (
                <Tag color="gold">{t('renewals.draft', { number: r.renewalDraft.number })}</Tag>
              ) : (
                canRenew && <a onClick={() => actions.renew(r)}>{t('contracts.renew')}</a>
              ),
          },
        ]}
      />
    </>
  );
}
