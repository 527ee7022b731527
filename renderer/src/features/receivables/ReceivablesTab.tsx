import { Card, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReceivableGroup, ReceivableLine } from '../../../../shared/contract/receivables';
import { formatFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { ClientLink } from '../../components/ClientLink';
import { useStaffOptions } from '../../hooks/useStaffOptions';
import { useMe } from '../pool/useMe';
import '../pool/pool.css';

type View = 'week' | 'month' | 'overdue';
const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;

/** 应收: 本周 / 本月 / 逾期, each amount still to come, with totals by salesperson and by client. */
export function ReceivablesTab() {
  const t = useT();
  const me = useMe();
  const staff = useStaffOptions();
  const [view, setView] = useState<View>('week');
  const [staffId, setStaffId] = useState<number | undefined>();
  const list = useQuery('receivables.list', { view, ...(staffId ? { staffId } : {}) });
  const d = list.data;
  const columns: TableColumnsType<ReceivableLine> = [
    { key: 'dueOn', title: t('recv.col.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      key: 'client',
      title: t('recv.col.client'),
      ellipsis: true,
      render: (_, r) => <ClientLink id={r.clientId} name={r.clientName} />,
    },
    { key: 'contract', title: t('recv.col.contract'), dataIndex: 'contractNumber', width: 130 },
    { key: 'staff', title: t('recv.col.staff'), dataIndex: 'staffName', width: 90 },
    {
      key: 'amount',
      title: t('recv.col.amount'),
      width: 120,
      align: 'right',
      render: (_, r) =>
        r.instalmentId === null ? (
          <Typography.Text type="secondary">{t('recv.wholeContract')}</Typography.Text>
        ) : (
          money(r.amountFen)
        ),
    },
    {
      key: 'outstanding',
      title: t('recv.col.outstanding'),
      dataIndex: 'outstandingFen',
      width: 120,
      align: 'right',
      render: money,
    },
    {
      key: 'state',
      title: t('recv.col.state'),
      width: 120,
      render: (_, r) =>
        r.daysPastDue > 0 ? (
          <Tag color="red">{t('schedule.overdue', { days: r.daysPastDue })}</Tag>
        ) : r.daysPastDue === 0 ? (
          <Tag color="orange">{t('schedule.dueToday')}</Tag>
        ) : null,
    },
  ];
  const groupColumns = (nameTitle: string): TableColumnsType<ReceivableGroup> => [
    { key: 'name', title: nameTitle, ellipsis: true, render: (_, g) => g.name },
    { key: 'count', title: '#', dataIndex: 'count', width: 50, align: 'right' },
    { key: 'fen', title: t('recv.col.outstanding'), dataIndex: 'outstandingFen', width: 120, align: 'right', render: money },
  ];
  return (
    <div data-testid="receivables-tab">
      <div className="toolbar">
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'week', label: t('recv.view.week') },
              { value: 'month', label: t('recv.view.month') },
              { value: 'overdue', label: t('recv.view.overdue') },
            ]}
          />
          {me.role !== 'salesperson' && (
            <Select
              allowClear
              className="filter-select"
              placeholder={t('recv.col.staff')}
              options={staff.options}
              value={staffId}
              onChange={setStaffId}
            />
          )}
        </Space>
        {d && (
          <Typography.Text strong data-testid="receivables-total">
            {t('recv.total', { count: d.total.count, amount: formatFen(d.total.outstandingFen, { symbol: true }) })}
            {d.from || d.to ? ` · ${d.from ?? ''} ~ ${d.to ?? ''}` : ''}
          </Typography.Text>
        )}
      </div>
      <ErrorAlert error={list.error} />
      <div className="recv-grid">
        <div>
          <Table<ReceivableLine>
            rowKey={(r) => `${r.contractId}-${r.instalmentId ?? 'all'}`}
            size="small"
            columns={columns}
            dataSource={d?.rows ?? []}
            loading={list.loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('recv.empty') }}
          />
          {d?.truncated && <Typography.Text type="secondary">{t('recv.truncated', { count: d.rows.length })}</Typography.Text>}
        </div>
        <div className="recv-side">
          <Card size="small" title={t('recv.byStaff')}>
            <Table<ReceivableGroup>
              rowKey={(g) => String(g.id)}
              size="small"
              pagination={false}
              columns={groupColumns(t('recv.col.staff'))}
              dataSource={d?.byStaff ?? []}
            />
          </Card>
          <Card size="small" title={t('recv.byClient')}>
            <Table<ReceivableGroup>
              rowKey={(g) => String(g.id)}
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              columns={groupColumns(t('recv.col.client'))}
              dataSource={d?.byClient ?? []}
            />
          </Card>
        </div>
      </div>
    </div>
  );
}
