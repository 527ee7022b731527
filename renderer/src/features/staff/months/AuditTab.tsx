import { Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AUDIT_ENTITY_LABELS } from '../../../../../shared/audit/audit-text';
import type { AuditRow, AuditSort } from '../../../../../shared/contract/commission';
import { call } from '../../../api/client';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { sortFromTable, sortOrderOf } from '../../../components/table/sorting';
import { ExportButton } from '../../../components/import/ExportButton';
import { useLanguage, useT } from '../../../i18n';

/**
 * 操作日志: each change as a sentence in the reader's language — who, when, what, on whom, and
 * the change in yuan (before → after). The raw record stays in the export for checking.
 */
export function AuditTab() {
  const t = useT();
  const { lang } = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<AuditSort>('-at');
  const pageSize = 50;
  const query = useQuery('audit.list', {
    ...(entity ? { entity } : {}),
    sort,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  // The log is paged by the core, so headers sort there (newest first when no header is chosen).
  const sorted = (key: 'at' | 'actor' | 'action') => ({
    key,
    sorter: true,
    sortOrder: sortOrderOf<'at' | 'actor' | 'action'>(sort, key),
    sortDirections: ['ascend', 'descend', 'ascend'] as ('ascend' | 'descend')[],
  });
  return (
    <div data-testid="audit-tab">
      <div className="perf-toolbar">
        <Space>
          <span>{t('audit.filterEntity')}</span>
          <Select
            allowClear
            aria-label={t('audit.filterEntity')}
            placeholder={t('audit.all')}
            style={{ width: 160 }}
            value={entity}
            onChange={(v: string | undefined) => (setEntity(v), setPage(1))}
            options={Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label: label[l] }))}
          />
        </Space>
        <ExportButton run={(format) => call('audit.export', { format, ...(entity ? { entity } : {}) })} />
      </div>
      <ErrorAlert error={query.error} />
      <Table<AuditRow>
        size="small"
        rowKey="id"
        loading={query.loading}
        dataSource={query.data?.rows ?? []}
        pagination={{ current: page, pageSize, total: query.data?.total ?? 0, showSizeChanger: false }}
        onChange={(pagination, _filters, sorter) => {
          const next = sortFromTable<'at' | 'actor' | 'action', AuditRow>(sorter, '-at');
          if (next !== sort) {
            setSort(next);
            setPage(1);
          } else setPage(pagination.current ?? 1);
        }}
        columns={[
          {
            ...sorted('at'),
            title: t('audit.at'),
            dataIndex: 'at',
            width: 160,
            className: 'nowrap',
            // Stored in UTC; read in the office's own time.
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          { ...sorted('actor'), title: t('audit.actor'), width: 190, render: (_, r) => r.actorName[l] },
          {
            ...sorted('action'),
            title: t('audit.change'),
            render: (_, r) => <Typography.Text data-testid="audit-text">{r.text[l]}</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
