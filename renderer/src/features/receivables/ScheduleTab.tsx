import { EditOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import type { InstalmentRow } from '../../../../shared/contract/receivables';
import { formatFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n';
import { InstalmentStateTag } from './InstalmentStateTag';
import { ScheduleEditor } from './ScheduleEditor';
import '../pool/pool.css';

const money = (fen: number) => <span className="money">{formatFen(fen)}</span>;

/** A contract's 回款计划 under its row: the instalments with 已收 / 部分 / 逾期 N 天, and 已开票 / 未开票. */
export function ScheduleTab({ contractId, onChanged }: { contractId: number; onChanged: () => void }) {
  const t = useT();
  const schedule = useQuery('schedules.get', { contractId });
  const [editing, setEditing] = useState(false);
  const s = schedule.data;
  return (
    <div data-testid={`schedule-${contractId}`}>
      <ErrorAlert error={schedule.error} />
      {s && (
        <div className="schedule-summary">
          <span>
            {t('schedule.amount')} {money(s.amountFen)}
          </span>
          <span>
            {t('schedule.paid')} {money(s.paidFen)}
          </span>
          {s.instalments.length > 0 && (
            <span>
              {t('schedule.scheduled')} {money(s.scheduledFen)}
            </span>
          )}
          {s.unscheduledFen !== 0 && (
            <Typography.Text type="warning">
              {t('schedule.unscheduled')} {formatFen(s.unscheduledFen)}
            </Typography.Text>
          )}
          <span>
            {t('schedule.invoiced')} {money(s.invoicedFen)} · {t('schedule.uninvoiced')} {money(s.uninvoicedFen)}
          </span>
          {s.status !== 'cancelled' && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('schedule.edit')}
            </Button>
          )}
        </div>
      )}
      {s && s.instalments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schedule.none')} />
      ) : (
        <Table<InstalmentRow>
          rowKey="id"
          size="small"
          pagination={false}
          loading={schedule.loading}
          dataSource={s?.instalments ?? []}
          columns={[
            { key: 'seq', title: t('schedule.seq'), dataIndex: 'seq', width: 50 },
            { key: 'dueOn', title: t('schedule.dueOn'), dataIndex: 'dueOn', width: 110 },
            { key: 'amount', title: t('schedule.instalment'), dataIndex: 'amountFen', align: 'right', width: 120, render: money },
            { key: 'paid', title: t('schedule.paid'), dataIndex: 'paidFen', align: 'right', width: 120, render: money },
            { key: 'state', title: t('schedule.state'), render: (_, r) => <InstalmentStateTag row={r} asOf={s!.asOf} /> },
            { key: 'note', title: t('schedule.note'), dataIndex: 'note', ellipsis: true },
          ]}
        />
      )}
      {editing && s && (
        <ScheduleEditor
          schedule={s}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            schedule.refresh();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
