import { Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AUDIT_ENTITY_LABELS } from '../../../../../shared/audit/audit-text';
import type { AuditRow } from '../../../../../shared/contract/commission';
import { call } from '../../../api/client';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
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
  const pageSize = 50;
  const query = useQuery('audit.list', { ...(entity ? { entity } : {}), offset: (page - 1) * pageSize, limit: pageSize });
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
        pagination={{ current: page, pageSize, total: query.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            width: 160,
            className: 'nowrap',
            // Stored in UTC; read in the office's own time.
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          { title: t('audit.actor'), width: 190, render: (_, r) => r.actorName[l] },
          {
            title: t('audit.change'),
            render: (_, r) => <Typography.Text data-testid="audit-text">{r.text[l]}</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
