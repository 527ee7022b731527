import { Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AuditRow } from '../../../../../shared/contract/commission';
import { call } from '../../../api/client';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/import/ExportButton';
import { useT } from '../../../i18n';

const ENTITIES = ['plan', 'month', 'staff', 'settings', 'allowance', 'payment', 'contract', 'client'];

function changeText(r: AuditRow): string {
  const part = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  const before = part(r.before);
  const after = part(r.after);
  return before && after ? `${before} → ${after}` : before || after;
}

/** 操作日志: who changed what and when, before and after; exportable. */
export function AuditTab() {
  const t = useT();
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
            placeholder={t('audit.all')}
            style={{ width: 160 }}
            value={entity}
            onChange={(v: string | undefined) => (setEntity(v), setPage(1))}
            options={ENTITIES.map((e) => ({ value: e, label: e }))}
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
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => at.slice(0, 19).replace('T', ' ') },
          {
            title: t('audit.actor'),
            width: 130,
            // A failed sign-in has no one behind it: 未登录 (anonymous), never a role.
            render: (_, r) => (r.actorRole === 'anonymous' ? t('audit.anonymous') : `${r.actorCode}(${r.actorRole})`),
          },
          { title: t('audit.action'), dataIndex: 'action', width: 170 },
          { title: t('audit.entity'), width: 140, render: (_, r) => `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}` },
          {
            title: t('audit.change'),
            render: (_, r) => (
              <Typography.Text ellipsis={{ tooltip: changeText(r) }} style={{ maxWidth: 560 }}>
                {changeText(r)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
