import { App, Button, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { PAYMENT_METHOD_LABELS, type PaymentRow } from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { useCan } from '../../../app/permissions';
import { byNumber, byText } from '../../../components/table/sorting';
import { useLanguage, useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';

/** A contract's payments and refunds, under its row. */
export function PaymentsList({ contractId, onChanged }: { contractId: number; onChanged: () => void }) {
  const t = useT();
  const label = useLabel();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const detail = useQuery('contracts.get', { id: contractId });
  const canDelete = useCan('payments.delete');
  const remove = async (p: PaymentRow): Promise<void> => {
    try {
      await call('payments.delete', { id: p.id, reason: t('payments.deleteReason') });
      detail.refresh();
      onChanged();
    } catch (error) {
      void message.error(errorText(toApiError(error), lang));
    }
  };
  const payments = detail.data?.payments ?? [];
  if (!detail.loading && payments.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.empty')} />;
  return (
    <Table<PaymentRow>
      rowKey="id"
      size="small"
      pagination={false}
      loading={detail.loading}
      dataSource={payments}
      className="payments-table"
      columns={[
        {
          key: 'paidOn',
          title: t('payments.paidOn'),
          dataIndex: 'paidOn',
          width: 200,
          className: 'nowrap',
          sorter: byText((p: PaymentRow) => p.paidOn),
          defaultSortOrder: 'ascend',
          // Dated in a closed month: say which month's sheet it counts in (an adjustment there).
          render: (paidOn: string, p) => (
            <>
              {paidOn}
              {p.creditMonth && p.creditMonth !== paidOn.slice(0, 7) && (
                <Tag color="gold" className="tag-small" style={{ marginLeft: 6 }}>
                  {t('payments.countedIn', { month: p.creditMonth })}
                </Tag>
              )}
            </>
          ),
        },
        {
          key: 'amount',
          title: t('payments.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          width: 140,
          sorter: byNumber((p: PaymentRow) => p.amountFen),
          render: (fen: number) =>
            fen < 0 ? (
              <Typography.Text className="money" type="danger">
                {formatFen(fen, { symbol: true })}
              </Typography.Text>
            ) : (
              <span className="money">{formatFen(fen, { symbol: true })}</span>
            ),
        },
        { key: 'kind', title: '', width: 70, render: (_, p) => (p.amountFen < 0 ? t('payments.kind.refund') : '') },
        {
          key: 'method',
          title: t('payments.method'),
          dataIndex: 'method',
          width: 110,
          render: (m: PaymentRow['method']) => label(PAYMENT_METHOD_LABELS[m]),
        },
        { key: 'staff', title: t('payments.creditedTo'), dataIndex: 'staffName', width: 110 },
        { key: 'notes', title: t('clients.notes'), dataIndex: 'notes' },
        ...(canDelete
          ? [
              {
                key: 'actions',
                title: '',
                width: 80,
                render: (_: unknown, p: PaymentRow) => (
                  <Popconfirm
                    title={t('payments.deleteConfirm')}
                    onConfirm={() => void remove(p)}
                    okText={t('common.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                  >
                    <Button type="link" size="small" danger>
                      {t('payments.delete')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
