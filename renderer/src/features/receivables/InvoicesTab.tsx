import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { InvoiceRow } from '../../../../shared/contract/receivables';
import { formatFen } from '../../../../shared/money';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n';
import { useMe } from '../pool/useMe';
import { InvoiceModal } from './InvoiceModal';

/** 发票 of one contract: the records, 已开票 / 未开票, and 登记发票 (records only, no tax system). */
export function InvoicesTab({ contractId }: { contractId: number }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const me = useMe();
  const invoices = useQuery('invoices.list', { contractId });
  const schedule = useQuery('schedules.get', { contractId });
  const [adding, setAdding] = useState(false);
  const refresh = (): void => {
    invoices.refresh();
    schedule.refresh();
  };
  const remove = async (row: InvoiceRow): Promise<void> => {
    try {
      await call('invoices.delete', { id: row.id, reason: t('invoice.deleteReason') });
      refresh();
    } catch (error) {
      void message.error(errorText(toApiError(error), lang));
    }
  };
  const s = schedule.data;
  const rows = invoices.data?.rows ?? [];
  return (
    <div data-testid={`invoices-${contractId}`}>
      <ErrorAlert error={invoices.error ?? schedule.error} />
      <div className="schedule-summary">
        {s && (
          <Typography.Text>
            {t('invoice.summary', {
              invoiced: formatFen(s.invoicedFen, { symbol: true }),
              uninvoiced: formatFen(s.uninvoicedFen, { symbol: true }),
            })}
          </Typography.Text>
        )}
        {me.role !== 'salesperson' && s && s.status !== 'cancelled' && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('invoice.add')}
          </Button>
        )}
      </div>
      {!invoices.loading && rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invoice.empty')} />
      ) : (
        <Table<InvoiceRow>
          rowKey="id"
          size="small"
          pagination={false}
          loading={invoices.loading}
          dataSource={rows}
          columns={[
            { key: 'issuedOn', title: t('invoice.issuedOn'), dataIndex: 'issuedOn', width: 110 },
            { key: 'number', title: t('invoice.number'), dataIndex: 'number', width: 190 },
            { key: 'title', title: t('invoice.title'), dataIndex: 'title', ellipsis: true },
            { key: 'taxNo', title: t('invoice.taxNo'), dataIndex: 'taxNo', width: 180 },
            {
              key: 'amount',
              title: t('invoice.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              width: 120,
              render: (fen: number) => <span className="money">{formatFen(fen)}</span>,
            },
            { key: 'notes', title: t('invoice.notes'), dataIndex: 'notes', ellipsis: true },
            ...(me.isManager
              ? [
                  {
                    key: 'actions',
                    title: '',
                    width: 70,
                    render: (_: unknown, r: InvoiceRow) => (
                      <Space>
                        <Popconfirm
                          title={t('invoice.deleteConfirm')}
                          onConfirm={() => void remove(r)}
                          okText={t('common.save')}
                          cancelText={t('common.cancel')}
                        >
                          <Button type="link" size="small" danger>
                            {t('invoice.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {adding && s && (
        <InvoiceModal
          schedule={s}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}
