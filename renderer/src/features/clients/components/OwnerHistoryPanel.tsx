import { Table } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { byText } from '../../../components/table/sorting';
import { pick, useLanguage, useT } from '../../../i18n';

/** 归属记录: every move of the client between salespeople, who did it and why. */
export function OwnerHistoryPanel({ clientId, createdAt }: { clientId: number; createdAt: string }) {
  const t = useT();
  const { lang } = useLanguage();
  const history = useQuery('clients.ownerHistory', { clientId });
  return (
    <>
      <ErrorAlert error={history.error} />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={history.loading}
        dataSource={history.data ?? []}
        locale={{ emptyText: t('clients.historyEmpty', { date: createdAt.slice(0, 10) }) }}
        columns={[
          {
            key: 'at',
            title: t('clients.historyAt'),
            dataIndex: 'changedAt',
            width: 170,
            className: 'nowrap',
            // Oldest first as recorded; a click on the header turns it round.
            sorter: byText((r) => r.changedAt),
            // The same YYYY-MM-DD as every other date in the app, in the office's time.
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'from',
            title: t('clients.historyFrom'),
            dataIndex: 'fromName',
            sorter: byText((r) => r.fromName),
            render: (v: string) => v || t('clients.unassigned'),
          },
          {
            key: 'to',
            title: t('clients.historyTo'),
            dataIndex: 'toName',
            sorter: byText((r) => r.toName),
            render: (v: string) => v || t('clients.unassigned'),
          },
          {
            key: 'by',
            title: t('clients.historyBy'),
            width: 160,
            sorter: byText((r) => pick(r.changedByName, lang)),
            render: (_, r) => pick(r.changedByName, lang),
          },
          { key: 'reason', title: t('clients.historyReason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}
