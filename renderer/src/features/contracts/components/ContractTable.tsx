import { Button, Space, Table, Tabs, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { ContractRow } from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { useT } from '../../../i18n';
import { ContractStatusTag } from './ContractStatusTag';
import { LinkedDocumentsPanel } from '../../archive/components/LinkedDocumentsPanel';
import { PaymentsList } from './PaymentsList';
import { ScheduleTab } from '../../receivables/ScheduleTab';
import { InvoicesTab } from '../../receivables/InvoicesTab';
import { ClientLink } from '../../clients/components/ClientLink';

type Props = {
  rows: ContractRow[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  showClient?: boolean;
  onPay: (row: ContractRow) => void;
  onEdit: (row: ContractRow) => void;
  onRenew: (row: ContractRow) => void;
  onChanged: () => void;
};

const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;

/** 合同 rows with paid / balance, and each contract's payments when expanded. */
export function ContractTable({ rows, loading, pagination, showClient = true, onPay, onEdit, onRenew, onChanged }: Props) {
  const t = useT();
  const columns: TableColumnsType<ContractRow> = [
    { key: 'number', title: t('contracts.number'), dataIndex: 'number', width: 120 },
    ...(showClient
      ? [
          {
            key: 'client',
            title: t('contracts.client'),
            ellipsis: true,
            render: (_: unknown, r: ContractRow) => <ClientLink id={r.clientId} name={r.clientName} />,
          },
        ]
      : []),
    { key: 'product', title: t('contracts.product'), dataIndex: 'product', ellipsis: true, width: 96 },
    { key: 'staff', title: t('contracts.staff'), dataIndex: 'staffName', width: 76, ellipsis: true },
    { key: 'amount', title: t('contracts.amount'), dataIndex: 'amountFen', align: 'right', width: 96, render: money },
    { key: 'paid', title: t('contracts.paid'), dataIndex: 'paidFen', align: 'right', width: 96, render: money },
    {
      key: 'balance',
      title: t('contracts.balance'),
      dataIndex: 'balanceFen',
      align: 'right',
      width: 96,
      render: (fen: number, r) =>
        fen > 0 && r.status !== 'cancelled' ? (
          <Typography.Text type="danger" className="money">
            {formatFen(fen)}
          </Typography.Text>
        ) : (
          money(fen)
        ),
    },
    {
      key: 'dates',
      title: `${t('contracts.signedOn')} / ${t('contracts.service')}`,
      width: 150,
      render: (_, r) => (
        <div className="contract-dates">
          <div>{r.signedOn ?? '—'}</div>
          {(r.startsOn || r.endsOn) && (
            <Typography.Text type="secondary">{`${r.startsOn ?? ''} ~ ${r.endsOn ?? ''}`}</Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('contracts.status'),
      width: 96,
      render: (_, r) => (
        <Space size={2} wrap>
          <ContractStatusTag status={r.displayStatus} />
          {r.renewedByNumber && (
            <Typography.Text type="secondary" className="small-text">
              {t('contracts.renewedAs', { number: r.renewedByNumber })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onPay(r)}>
            {t('contracts.pay')}
          </Button>
          <Button type="link" size="small" onClick={() => onEdit(r)}>
            {t('common.edit')}
          </Button>
          {!r.renewedById && r.status !== 'cancelled' && r.status !== 'draft' && (
            <Button type="link" size="small" onClick={() => onRenew(r)}>
              {t('contracts.renew')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<ContractRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1040 }}
      expandable={{
        expandedRowRender: (r) => (
          <Tabs
            size="small"
            items={[
              {
                key: 'payments',
                label: t('contracts.tab.payments'),
                children: <PaymentsList contractId={r.id} onChanged={onChanged} />,
              },
              {
                key: 'schedule',
                label: t('contracts.tab.schedule'),
                children: <ScheduleTab contractId={r.id} onChanged={onChanged} />,
              },
              {
                key: 'invoices',
                label: t('contracts.tab.invoices'),
                children: <InvoicesTab contractId={r.id} />,
              },
              {
                key: 'documents',
                label: t('contracts.tab.documents'),
                children: <LinkedDocumentsPanel client={{ id: r.clientId, name: r.clientName }} contractId={r.id} />,
              },
            ]}
          />
        ),
      }}
      locale={{ emptyText: t('contracts.empty') }}
      rowClassName={(r) => (r.status === 'cancelled' ? 'row-left' : '')}
    />
  );
}
