import { App, Button, Card, Empty, List, Table } from 'antd';
import dayjs from 'dayjs';
import type { DocumentRow } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useQuery } from '../../../api/useQuery';
import { byNumber, byText } from '../../../components/table/sorting';
import { useLanguage, useT } from '../../../i18n';
import { formatSize } from './DocumentTable';

/** 回收站与定期清理: restore, and the cleanup proposals the owner confirms — nothing goes silently. */
export function TrashTab() {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const trash = useQuery('archive.list', { trash: true, limit: 500 });
  const cleanup = useQuery('archive.cleanup');
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const refresh = () => (trash.refresh(), cleanup.refresh());
  const purge = (ids: number[]) =>
    modal.confirm({
      title: t('archive.purgeConfirm', { n: ids.length }),
      okButtonProps: { danger: true },
      okText: t('archive.purge'),
      cancelText: t('common.cancel'),
      onOk: () =>
        call('archive.purge', { ids }).then(
          (r) => (void message.success(t('archive.purged', { n: r.purged })), refresh()),
          failed,
        ),
    });
  const c = cleanup.data;
  return (
    <div className="months-tab" data-testid="archive-trash">
      <Table<DocumentRow>
        size="small"
        rowKey="id"
        locale={{ emptyText: t('archive.trashEmpty') }}
        dataSource={trash.data?.rows ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            key: 'deletedAt',
            title: t('archive.col.deletedAt'),
            width: 150,
            className: 'nowrap',
            sorter: byText((d) => d.deletedAt),
            defaultSortOrder: 'descend',
            // Stored in UTC; shown in the office's time, like every other timestamp.
            render: (_, d) => (d.deletedAt ? dayjs(d.deletedAt).format('YYYY-MM-DD HH:mm') : ''),
          },
          { key: 'kind', title: t('archive.col.kind'), dataIndex: 'kindPath', sorter: byText((d) => d.kindPath) },
          { key: 'title', title: t('archive.col.title'), dataIndex: 'title', sorter: byText((d) => d.title) },
          {
            key: 'size',
            title: t('archive.col.size'),
            align: 'right',
            sorter: byNumber((d) => d.size),
            render: (_, d) => formatSize(d.size),
          },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Button
                type="link"
                size="small"
                onClick={() =>
                  void call('archive.restore', { id: d.id }).then(
                    () => (void message.success(t('archive.restored')), refresh()),
                    failed,
                  )
                }
              >
                {t('archive.restore')}
              </Button>
            ),
          },
        ]}
      />
      {c && (
        <Card
          size="small"
          title={t('archive.purgeDue', { days: c.retentionDays })}
          extra={
            c.purgeDue.length > 0 && (
              <Button danger size="small" onClick={() => void purge(c.purgeDue.map((d) => d.id))}>
                {t('archive.purge')}
              </Button>
            )
          }
        >
          {c.purgeDue.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('archive.noneDue')} />
          ) : (
            <List
              size="small"
              dataSource={c.purgeDue}
              renderItem={(d) => (
                <List.Item>
                  {d.title} · {d.relPath}
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      {c && c.draftsOld.length > 0 && (
        <Card size="small" title={t('archive.draftsOld')}>
          <List
            size="small"
            dataSource={c.draftsOld}
            renderItem={(d) => (
              <List.Item>
                {d.docDate} · {d.title} · {d.relPath}
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
