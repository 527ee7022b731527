import { Button, Space, Table, Tabs, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { ContractRow, ContractSort, ContractSortKey } from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { useCan } from '../../../app/permissions';
import { byNumber, byText, sortFromTable, sortOrderOf } from '../../../components/table/sorting';
import { WIDE_TABLE } from '../../../components/table/wideTable';
import { useT } from '../../../i18n';
import { ContractStatusTag } from './ContractStatusTag';
import { LinkedDocumentsPanel } from '../../archive/components/LinkedDocumentsPanel';
import { PaymentsList } from './PaymentsList';
import { ScheduleTab } from '../../receivables/ScheduleTab';
import { InvoicesTab } from '../../receivables/InvoicesTab';
import { ClientLink } from '../../../components/ClientLink';
import { SharesPanel } from '../../commission/SharesPanel';

type Props = {
  rows: ContractRow[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  showClient?: boolean;
  /** The core's order (server-side paging); clicking a header asks for another one. */
  sort?: ContractSort;
  onSort?: (sort: ContractSort) => void;
  onPay: (row: ContractRow) => void;
  onEdit: (row: ContractRow) => void;
  onRenew: (row: ContractRow) => void;
  onChanged: () => void;
};

const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;
export const DEFAULT_CONTRACT_SORT: ContractSort = '-signedOn';
/** A header click flips the order; it never falls back to "unsorted" (the list always has an order). */
const TOGGLE: ('ascend' | 'descend')[] = ['ascend', 'descend', 'ascend'];

/**
 * 合同 rows with paid / balance, and each contract's payments when expanded. Number and client
 * stay pinned on the left and the actions on the right; everything else keeps its natural width
 * and the table scrolls sideways (dates never break mid-string).
 */
export function ContractTable({
  rows,
  loading,
  pagination,
  showClient = true,
  sort = DEFAULT_CONTRACT_SORT,
  onSort,
  onPay,
  onEdit,
  onRenew,
  onChanged,
}: Props) {
  const t = useT();
  const canPay = useCan('payments.create');
  const canEdit = useCan('contracts.update');
  const canRenew = useCan('contracts.renew');
  // Server-side order when the list pages on the core; otherwise (a client's few contracts) sort here.
  const sorted = (key: ContractSortKey, local: (a: ContractRow, b: ContractRow) => number) =>
    onSort ? { sorter: true, sortOrder: sortOrderOf(sort, key), sortDirections: TOGGLE } : { sorter: local };
  const columns: TableColumnsType<ContractRow> = [
    {
      key: 'number',
      title: t('contracts.number'),
      dataIndex: 'number',
      fixed: 'left',
      className: 'nowrap',
      ...sorted(
        'number',
        byText((r) => r.number),
      ),
    },
    ...(showClient
      ? [
          {
            key: 'client',
            title: t('contracts.client'),
            fixed: 'left' as const,
            className: 'contract-client-cell',
            ...sorted(
              'client',
              byText((r) => r.clientName),
            ),
            render: (_: unknown, r: ContractRow) => <ClientLink id={r.clientId} name={r.clientName} />,
          },
        ]
      : []),
    { key: 'product', title: t('contracts.product'), dataIndex: 'product', className: 'contract-product-cell' },
    {
      key: 'staff',
      title: t('contracts.staff'),
      dataIndex: 'staffName',
      className: 'nowrap',
      ...sorted(
        'staff',
        byText((r) => r.staffName),
      ),
    },
    {
      key: 'amount',
      title: t('contracts.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: money,
      ...sorted(
        'amount',
        byNumber((r) => r.amountFen),
      ),
    },
    {
      key: 'paid',
      title: t('contracts.paid'),
      dataIndex: 'paidFen',
      align: 'right',
      render: money,
      ...sorted(
        'paid',
        byNumber((r) => r.paidFen),
      ),
    },
    {
      key: 'balance',
      title: t('contracts.balance'),
      dataIndex: 'balanceFen',
      align: 'right',
      ...sorted(
        'balance',
        byNumber((r) => r.balanceFen),
      ),
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
      key: 'signedOn',
      title: t('contracts.signedOn'),
      dataIndex: 'signedOn',
      className: 'nowrap',
      ...sorted(
        'signedOn',
        byText((r) => r.signedOn),
      ),
      render: (d: string | null) => d ?? '—',
    },
    {
      key: 'service',
      title: t('contracts.service'),
      className: 'nowrap',
      render: (_, r) =>
        r.startsOn || r.endsOn ? (
          <Typography.Text type="secondary">{`${r.startsOn ?? ''} ~ ${r.endsOn ?? ''}`}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      title: t('contracts.status'),
      className: 'nowrap',
      ...sorted(
        'status',
        byText((r) => r.displayStatus),
      ),
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
  ];
  if (canPay || canEdit || canRenew)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      className: 'nowrap',
      render: (_, r) => (
        <Space size={0}>
          {canPay && (
            <Button type="link" size="small" onClick={() => onPay(r)}>
              {t('contracts.pay')}
            </Button>
          )}
          {canEdit && (
            <Button type="link" size="small" onClick={() => onEdit(r)}>
              {t('common.edit')}
            </Button>
          )}
          {canRenew && !r.renewedById && r.status !== 'cancelled' && r.status !== 'draft' && (
            <Button type="link" size="small" onClick={() => onRenew(r)}>
              {t('contracts.renew')}
            </Button>
          )}
        </Space>
      ),
    });
  return (
    <Table<ContractRow>
      rowKey="id"
      size="middle"
      className="wide-table"
      data-testid="contract-table"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      {...WIDE_TABLE}
      onChange={(_p, _f, sorter) => onSort?.(sortFromTable<ContractSortKey, ContractRow>(sorter, DEFAULT_CONTRACT_SORT))}
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
              // 分成 (issue 19): who is credited this contract's sales, by share.
              { key: 'shares', label: t('shares.tab'), children: <SharesPanel contractId={r.id} /> },
            ]}
          />
        ),
      }}
      locale={{ emptyText: t('contracts.empty') }}
      rowClassName={(r) => (r.status === 'cancelled' ? 'row-left' : '')}
    />
  );
}
