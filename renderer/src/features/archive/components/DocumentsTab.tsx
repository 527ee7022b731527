import { App, Button, DatePicker, Input, Space, Table, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DocFields, DocumentRow } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormDialog } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';
import { DocFieldsForm, kindTree } from './DocFieldsForm';
import { FilingPanel } from './FilingPanel';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** 档案: file new documents, find them by kind, date, client or text, open, edit, delete. */
export function DocumentsTab() {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const kinds = useQuery('archive.kinds');
  const [kindId, setKindId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const filters = {
    search,
    ...(kindId ? { kindId } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
    offset: (page - 1) * 50,
    limit: 50,
  };
  const list = useQuery('archive.list', filters);
  const [editing, setEditing] = useState<{ doc: DocumentRow; fields: DocFields } | null>(null);
  const [saving, setSaving] = useState(false);
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
          () => (void message.success(t('archive.deleted')), list.refresh()),
          failed,
        ),
    });
  };

  return (
    <div data-testid="archive-documents">
      <FilingPanel onFiled={list.refresh} />
      <div className="perf-toolbar" style={{ marginTop: 16 }}>
        <Space wrap>
          <TreeSelect
            aria-label={t('archive.kind')}
            placeholder={t('archive.kind')}
            allowClear
            treeDefaultExpandAll
            style={{ width: 180 }}
            value={kindId}
            treeData={kindTree(kinds.data ?? [])}
            onChange={(v: number | undefined) => (setKindId(v), setPage(1))}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => (setRange(v as [Dayjs | null, Dayjs | null] | null), setPage(1))}
          />
          <Input.Search
            aria-label={t('archive.search')}
            placeholder={t('archive.search')}
            allowClear
            style={{ width: 320 }}
            onSearch={(v) => (setSearch(v), setPage(1))}
          />
        </Space>
        <Typography.Text type="secondary">{t('archive.count', { count: list.data?.total ?? 0 })}</Typography.Text>
      </div>
      <ErrorAlert error={list.error} />
      <Table<DocumentRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={{ current: page, pageSize: 50, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('archive.col.date'), dataIndex: 'docDate', width: 110 },
          { title: t('archive.col.kind'), dataIndex: 'kindPath', width: 150 },
          {
            title: t('archive.col.title'),
            dataIndex: 'title',
            render: (title: string, d) => (
              <Button type="link" className="perf-figure-link" onClick={() => open(d)}>
                {title}
              </Button>
            ),
          },
          { title: t('archive.col.client'), render: (_, d) => d.clientName || t('archive.noClient') },
          { title: t('archive.contract'), dataIndex: 'contractNumber' },
          { title: t('archive.col.size'), align: 'right', render: (_, d) => formatSize(d.size) },
          {
            title: t('archive.col.path'),
            dataIndex: 'relPath',
            render: (p: string) => (
              <Typography.Text type="secondary" ellipsis={{ tooltip: p }} style={{ maxWidth: 280 }}>
                {p}
              </Typography.Text>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    setEditing({
                      doc: d,
                      fields: {
                        kindId: d.kindId,
                        clientId: d.clientId,
                        contractId: d.contractId,
                        docDate: d.docDate,
                        title: d.title,
                      },
                    })
                  }
                >
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
      {editing && (
        <FormDialog
          title={t('archive.editTitle', { title: editing.doc.title })}
          saving={saving}
          width={720}
          onClose={() => setEditing(null)}
          onOk={() => {
            setSaving(true);
            call('archive.update', { id: editing.doc.id, fields: editing.fields })
              .then(() => (setEditing(null), list.refresh()), failed)
              .finally(() => setSaving(false));
          }}
        >
          <DocFieldsForm value={editing.fields} onChange={(fields) => setEditing({ ...editing, fields })} withTitle />
        </FormDialog>
      )}
    </div>
  );
}
