import { Button, Space, Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { ContractRow } from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { navigate } from '../../../app/useHashPath';
import { useT } from '../../../i18n';
import { ContractStatusTag } from './ContractStatusTag';
import { PaymentsList } from './PaymentsList';

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
    { key: 'number', title: t('contracts.number'), dataIndex: 'number', width: 140 },
    ...(showClient
      ? [{ key: 'client', title: t('contracts.client'), ellipsis: true, render: (_: unknown, r: ContractRow) => <a onClick={() => navigate(['clients', String(r.clientId)])}>{r.clientName}</a> }]
      : []),
    { key: 'product', title: t('contracts.product'), dataIndex: 'product', ellipsis: true, width: 120 },
    { key: 'staff', title: t('contracts.staff'), dataIndex: 'staffName', width: 90 },
    { key: 'amount', title: t('contracts.amount'), dataIndex: 'amountFen', align: 'right', width: 110, render: money },
    { key: 'paid', title: t('contracts.paid'), dataIndex: 'paidFen', align: 'right', width: 110, render: money },
    {
      key: 'balance',
      title: t('contracts.balance'),
      dataIndex: 'balanceFen',
      align: 'right',
      width: 110,
      render: (fen: number, r) => (fen > 0 && r.status !== 'cancelled' ? <Typography.Text type="danger" className="money">{formatFen(fen)}</Typography.Text> : money(fen)),
    },
    { key: 'signedOn', title: t('contracts.signedOn'), dataIndex: 'signedOn', width: 105 },
    { key: 'service', title: t('contracts.service'), width: 190, render: (_, r) => (r.startsOn || r.endsOn ? `${r.startsOn ?? ''} ~ ${r.endsOn ?? ''}` : '') },
    {
      key: 'status',
      title: t('contracts.status'),
      width: 120,
      render: (_, r) => (
        <Space size={2} wrap>
          <ContractStatusTag status={r.displayStatus} />
          {r.renewedByNumber && <Typography.Text type="secondary" className="small-text">{t('contracts.renewedAs', { number: r.renewedByNumber })}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onPay(r)}>{t('contracts.pay')}</Button>
          <Button type="link" size="small" onClick={() => onEdit(r)}>{t('common.edit')}</Button>
          {!r.renewedById && r.status !== 'cancelled' && r.status !== 'draft' && (
            <Button type="link" size="small" onClick={() => onRenew(r)}>{t('contracts.renew')}</Button>
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
      scroll={{ x: 1250 }}
      expandable={{ expandedRowRender: (r) => <PaymentsList contractId={r.id} onChanged={onChanged} /> }}
      locale={{ emptyText: t('contracts.empty') }}
      rowClassName={(r) => (r.status === 'cancelled' ? 'row-left' : '')}
    />
  );
}
