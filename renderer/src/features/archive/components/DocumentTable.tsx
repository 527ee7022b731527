import { App, Button, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { DocFields, DocumentRow } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { ApiError, toApiError } from '../../../api/ApiError';
import { filePath } from '../../../../../shared/http-routes';
import { useQuery } from '../../../api/useQuery';
import { useCan } from '../../../app/permissions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormDialog } from '../../../components/FormDialog';
import { sortFromTable, sortOrderOf, type SortValue } from '../../../components/table/sorting';
import { WIDE_TABLE } from '../../../components/table/wideTable';
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
type DocSortKey = 'date' | 'title' | 'size' | 'kind' | 'client';
const DEFAULT_DOC_SORT: SortValue<DocSortKey> = '-date';

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
  const [sort, setSort] = useState<SortValue<DocSortKey>>(DEFAULT_DOC_SORT);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setPage(1), [filterKey, sort]);
  // A text search keeps its own order (newest filed first) until a header is clicked.
  const list = useQuery('archive.list', {
    search: '',
    ...filters,
    ...(sort !== DEFAULT_DOC_SORT || !filters.search ? { sort } : {}),
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });
  const { refresh } = list;
  useEffect(() => {
    if (reloadKey) refresh();
  }, [reloadKey, refresh]);
  const [editing, setEditing] = useState<{ doc: DocumentRow; fields: DocFields } | null>(null);
  const [saving, setSaving] = useState(false);
  const canEdit = useCan('archive.update');
  const canDelete = useCan('archive.delete');
  const canReadText = useCan('archive.text');
  const [reading, setReading] = useState<DocumentRow | null>(null);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  // A header click flips the order; it never falls back to "unsorted" (the list always has an order).
  const sorted = (key: DocSortKey) => ({
    sorter: true,
    sortOrder: sortOrderOf(sort, key),
    sortDirections: ['ascend', 'descend', 'ascend'] as ('ascend' | 'descend')[],
  });
  // Title pinned on the left, the actions on the right; the path and size scroll in between.
  const columns: TableColumnsType<DocumentRow> = [
    { key: 'date', title: t('archive.col.date'), dataIndex: 'docDate', className: 'nowrap', ...sorted('date') },
    {
      key: 'title',
      title: t('archive.col.title'),
      dataIndex: 'title',
      fixed: 'left',
      className: 'doc-title-cell',
      ...sorted('title'),
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
    { key: 'kind', title: t('archive.col.kind'), dataIndex: 'kindPath', className: 'nowrap', ...sorted('kind') },
    ...(hideClient
      ? []
      : [
          {
            key: 'client',
            title: t('archive.col.client'),
            className: 'doc-client-cell',
            ...sorted('client'),
            render: (_: unknown, d: DocumentRow) => d.clientName || t('archive.noClient'),
          },
        ]),
    { key: 'contract', title: t('archive.contract'), dataIndex: 'contractNumber', className: 'nowrap' },
    {
      key: 'size',
      title: t('archive.col.size'),
      align: 'right',
      className: 'nowrap',
      ...sorted('size'),
      render: (_, d) => formatSize(d.size),
    },
    {
      key: 'path',
      title: t('archive.col.path'),
      dataIndex: 'relPath',
      render: (p: string) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: p }} style={{ maxWidth: 280 }}>
          {p}
        </Typography.Text>
      ),
    },
  ];
  if (canReadText || canEdit || canDelete)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      className: 'nowrap',
      render: (_, d) => (
        <Space size={0}>
          {canReadText && (
            <Button type="link" size="small" onClick={() => setReading(d)}>
              {t('doctext.open')}
            </Button>
          )}
          {canEdit && (
            <Button type="link" size="small" onClick={() => edit(d)}>
              {t('archive.edit')}
            </Button>
          )}
          {canDelete && (
            <Button type="link" size="small" danger onClick={() => remove(d)}>
              {t('archive.delete')}
            </Button>
          )}
        </Space>
      ),
    });

  const open = (doc: DocumentRow) => {
    const bridge = globalThis.officeBridge;
    if (bridge?.openFile)
      void bridge.openFile(doc.id).then((answer) => {
        if (!answer.ok) failed(new ApiError(answer.error));
      });
    else window.open(filePath('archive.download', { id: doc.id }), '_blank', 'noopener');
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
        className="wide-table"
        data-testid="document-table"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        {...WIDE_TABLE}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') setSort(sortFromTable<DocSortKey, DocumentRow>(sorter, DEFAULT_DOC_SORT));
        }}
        locale={{ emptyText: t('archive.none') }}
        columns={columns}
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
            labelled
            withTitle
            knownClient={editing.doc.clientId ? { id: editing.doc.clientId, name: editing.doc.clientName } : undefined}
          />
        </FormDialog>
      )}
    </>
  );
}
