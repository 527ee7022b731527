import { App, Button, Input, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { DocFields, DocumentRow } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormDialog } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';
import { DocFieldsForm } from './DocFieldsForm';
import { DocumentTextDrawer } from './DocumentTextDrawer';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export type DocumentFilters = {
  kindId?: number;
  clientId?: number;
  contractId?: number;
  from?: string;
  to?: string;
  folder?: string;
  search?: string;
};

const PAGE = 50;

/**
 * Documents matching the filters, 50 a page: open (system app in the desktop app, download in
 * the browser), edit (the file moves where the template now puts it), delete to the recycle area.
 * Shared by the archive's list and folder views and the client/contract 档案 tabs.
 */
export function DocumentTable({
  filters,
  reloadKey = 0,
  toolbar,
  hideClient = false,
}: {
  filters: DocumentFilters;
  /** Bumped by the parent after it filed something. */
  reloadKey?: number;
  toolbar?: ReactNode;
  hideClient?: boolean;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(1);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setPage(1), [filterKey]);
  const list = useQuery('archive.list', { search: '', ...filters, offset: (page - 1) * PAGE, limit: PAGE });
  const { refresh } = list;
  useEffect(() => {
    if (reloadKey) refresh();
  }, [reloadKey, refresh]);
  const [editing, setEditing] = useState<{ doc: DocumentRow; fields: DocFields } | null>(null);
  const [saving, setSaving] = useState(false);
  const [reading, setReading] = useState<DocumentRow | null>(null);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));

  const open = (doc: DocumentRow) => {
    const bridge = globalThis.officeBridge;
    if (bridge?.openFile) void bridge.openFile(doc.relPath);
    else window.open(`/files/archive/${doc.id}`, '_blank', 'noopener');
  };
  const remove = (doc: DocumentRow) => {
    let reason = '';
    modal.confirm({
      title: `${t('archive.delete')}:${doc.title}`,
      content: (
        <Input
          aria-label={t('archive.deleteReason')}
          placeholder={t('archive.deleteReason')}
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      okText: t('archive.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        call('archive.delete', { id: doc.id, reason: reason || '—' }).then(
          () => (void message.success(t('archive.deleted')), refresh()),
          failed,
        ),
    });
  };
  const edit = (d: DocumentRow) =>
    setEditing({
      doc: d,
      fields: { kindId: d.kindId, clientId: d.clientId, contractId: d.contractId, docDate: d.docDate, title: d.title },
    });

  return (
    <>
      <div className="perf-toolbar" style={{ marginTop: 16 }}>
        {toolbar ?? <span />}
        <Typography.Text type="secondary">{t('archive.count', { count: list.data?.total ?? 0 })}</Typography.Text>
      </div>
      <ErrorAlert error={list.error} />
      <Table<DocumentRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('archive.none') }}
        columns={[
          { title: t('archive.col.date'), dataIndex: 'docDate', width: 110 },
          { title: t('archive.col.kind'), dataIndex: 'kindPath', width: 150 },
          {
            title: t('archive.col.title'),
            dataIndex: 'title',
            render: (title: string, d) => (
              <>
                <Button type="link" className="perf-figure-link" onClick={() => open(d)}>
                  {title}
                </Button>
                {d.textState === 'encrypted' && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    {t('doctext.encrypted')}
                  </Tag>
                )}
              </>
            ),
          },
          ...(hideClient
            ? []
            : [
                { title: t('archive.col.client'), render: (_: unknown, d: DocumentRow) => d.clientName || t('archive.noClient') },
              ]),
          { title: t('archive.contract'), dataIndex: 'contractNumber' },
          { title: t('archive.col.size'), align: 'right', render: (_, d) => formatSize(d.size) },
          {
            title: t('archive.col.path'),
            dataIndex: 'relPath',
            render: (p: string) => (
              <Typography.Text type="secondary" ellipsis={{ tooltip: p }} style={{ maxWidth: 220 }}>
                {p}
              </Typography.Text>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setReading(d)}>
                  {t('doctext.open')}
                </Button>
                <Button type="link" size="small" onClick={() => edit(d)}>
                  {t('archive.edit')}
                </Button>
                <Button type="link" size="small" danger onClick={() => remove(d)}>
                  {t('archive.delete')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {reading && <DocumentTextDrawer doc={reading} onClose={() => (setReading(null), refresh())} />}
      {editing && (
        <FormDialog
          title={t('archive.editTitle', { title: editing.doc.title })}
          saving={saving}
          width={720}
          onClose={() => setEditing(null)}
          onOk={() => {
            setSaving(true);
            call('archive.update', { id: editing.doc.id, fields: editing.fields })
              .then(() => (setEditing(null), refresh()), failed)
              .finally(() => setSaving(false));
          }}
        >
          <DocFieldsForm
            value={editing.fields}
            onChange={(fields) => setEditing({ ...editing, fields })}
            withTitle
            knownClient={editing.doc.clientId ? { id: editing.doc.clientId, name: editing.doc.clientName } : undefined}
          />
        </FormDialog>
      )}
    </>
  );
}
