import { Button, Card, Empty, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FollowUpRow } from '../../../../../shared/contract/follow-ups';
import { FOLLOW_UP_WAY_LABELS } from '../../../../../shared/contract/follow-ups';
import { FESTIVAL_LABELS } from '../../../../../shared/clients/festivals';
import { call } from '../../../api/client';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { byText } from '../../../components/table/sorting';
import { useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';
import { useStaffOptions } from '../../../hooks/useStaffOptions';
import { ClientLink } from '../../../components/ClientLink';
import { PoolWarningsCard } from '../../pool/PoolWarningsCard';
import { ReceivableRemindersCard } from '../../receivables/ReceivableRemindersCard';

/** 跟进提醒: next steps due today and overdue per person, and after-sales care (生日、纪念日、节日). */
export function DueTab() {
  const t = useT();
  const label = useLabel();
  const staff = useStaffOptions();
  const [staffId, setStaffId] = useState<number | undefined>(undefined);
  const due = useQuery('followups.due', staffId === undefined ? {} : { staffId });
  const reminders = useQuery('clients.reminders', { days: 30 });

  const complete = async (row: FollowUpRow): Promise<void> => {
    await call('followups.complete', { id: row.id });
    due.refresh();
  };
  const columns = [
    {
      key: 'nextOn',
      title: t('followups.nextOn'),
      dataIndex: 'nextOn',
      width: 110,
      className: 'nowrap',
      sorter: byText((r: FollowUpRow) => r.nextOn),
    },
    {
      key: 'client',
      title: t('clients.name'),
      sorter: byText((r: FollowUpRow) => r.clientName),
      render: (_: unknown, r: FollowUpRow) => <ClientLink id={r.clientId} name={r.clientName} />,
    },
    {
      key: 'nextStep',
      title: t('followups.nextStep'),
      render: (_: unknown, r: FollowUpRow) => r.nextStep || <span className="muted">{r.content}</span>,
    },
    {
      key: 'last',
      title: t('followups.last'),
      width: 150,
      render: (_: unknown, r: FollowUpRow) => `${r.happenedOn} · ${label(FOLLOW_UP_WAY_LABELS[r.way])}`,
    },
    {
      key: 'staff',
      title: t('clients.owner'),
      dataIndex: 'staffName',
      width: 100,
      sorter: byText((r: FollowUpRow) => r.staffName),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, r: FollowUpRow) => (
        <Button type="link" size="small" onClick={() => void complete(r)}>
          {t('followups.complete')}
        </Button>
      ),
    },
  ];

  return (
    <div className="due-tab">
      <div className="toolbar">
        <Space wrap>
          <Select
            allowClear
            className="filter-select"
            placeholder={t('followups.everyone')}
            options={staff.options}
            value={staffId}
            onChange={setStaffId}
            aria-label={t('clients.owner')}
          />
          {(due.data?.byStaff ?? []).map((s) => (
            <Tag key={String(s.staffId)} color={s.overdue ? 'red' : 'blue'}>
              {t('followups.perStaff', { name: s.staffName, today: s.today, overdue: s.overdue })}
            </Tag>
          ))}
        </Space>
      </div>
      <ErrorAlert error={due.error ?? reminders.error} />
      <div className="due-grid">
        <div>
          <Card size="small" title={t('followups.dueToday', { count: due.data?.today.length ?? 0 })} className="detail-card">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={due.data?.today ?? []}
              loading={due.loading}
              locale={{ emptyText: t('followups.noneToday') }}
            />
          </Card>
          <Card
            size="small"
            title={
              <Typography.Text type="danger">{t('followups.overdue', { count: due.data?.overdue.length ?? 0 })}</Typography.Text>
            }
            className="detail-card"
          >
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={columns}
              dataSource={due.data?.overdue ?? []}
              loading={due.loading}
              locale={{ emptyText: t('followups.noneOverdue') }}
            />
          </Card>
        </div>
        <div>
          <PoolWarningsCard staffId={staffId} />
          <ReceivableRemindersCard staffId={staffId} />
          <Card size="small" title={t('reminders.title')} className="detail-card">
            {(reminders.data ?? []).length === 0 ? (
              <Empty description={t('reminders.empty')} />
            ) : (
              <List
                size="small"
                dataSource={reminders.data ?? []}
                renderItem={(r) => (
                  <List.Item>
                    <Space>
                      <Typography.Text className="money">{r.date}</Typography.Text>
                      {r.kind === 'festival' ? (
                        <span>
                          <Tag color="red">{label(FESTIVAL_LABELS[r.festival])}</Tag>
                          {t('reminders.festival', { count: r.clientCount })}
                        </span>
                      ) : (
                        <span>
                          <Tag color={r.kind === 'birthday' ? 'magenta' : 'gold'}>
                            {t(r.kind === 'birthday' ? 'clients.birthday' : 'clients.anniversary')}
                          </Tag>
                          <ClientLink id={r.clientId} name={r.clientName} />
                          {r.contactName && ` · ${r.contactName}`}
                          {r.kind === 'anniversary' && r.years ? ` · ${t('reminders.years', { years: r.years })}` : ''}
                        </span>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
