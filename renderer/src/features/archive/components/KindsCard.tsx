import { App, Button, Card, Checkbox, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import type { KindRow } from '../../../../../shared/contract/archive';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { FormDialog } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';

type KindValues = { name: string; parentId?: number | null; autoPurge: boolean; draftMonths?: number | null };
type KindNode = KindRow & { children?: KindNode[] };

/** 母目录 with their 子目录 nested under them (never under whichever master happens to come first). */
export function kindNodes(kinds: readonly KindRow[]): KindNode[] {
  return kinds
    .filter((k) => k.parentId === null)
    .map((m) => {
      const children = kinds.filter((k) => k.parentId === m.id);
      return children.length ? { ...m, children } : { ...m };
    });
}

/** 母目录与子目录: the tree, add, edit (name only while nothing is filed under it) and delete (empty kinds). */
export function KindsCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const kinds = useQuery('archive.kinds');
  const [form] = Form.useForm<KindValues>();
  const [editing, setEditing] = useState<KindRow | null>(null);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const masters = (kinds.data ?? []).filter((k) => k.parentId === null);
  const save = (v: KindValues, id?: number) =>
    call('archive.saveKind', {
      ...(id ? { id } : {}),
      name: v.name,
      parentId: v.parentId ?? null,
      autoPurge: v.autoPurge,
      draftMonths: v.draftMonths ?? null,
    });

  return (
    <Card size="small" title={t('archive.kinds')} data-testid="kinds-card">
      <Table<KindNode>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={kindNodes(kinds.data ?? [])}
        expandable={{ defaultExpandAllRows: true }}
        key={kinds.data ? 'loaded' : 'loading'}
        columns={[
          {
            title: t('archive.kindName'),
            dataIndex: 'name',
            render: (name: string, k) => (k.parentId ? name : <strong>{name}</strong>),
          },
          { title: t('archive.kindAutoPurge'), render: (_, k) => (k.autoPurge ? '✓' : '—') },
          { title: t('archive.kindDraftMonths'), dataIndex: 'draftMonths' },
          { title: '', render: (_, k) => t('archive.kindDocs', { n: k.documents }) },
          {
            title: t('common.actions'),
            className: 'nowrap',
            render: (_, k) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(k)}>
                  {t('common.edit')}
                </Button>
                <Tooltip title={k.documents > 0 || k.children?.length ? t('archive.kindNotEmpty') : undefined}>
                  <Popconfirm
                    title={t('archive.kindDeleteConfirm', { name: k.name })}
                    okText={t('common.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      void call('archive.deleteKind', { id: k.id }).then(
                        () => (void message.success(t('archive.kindDeleted', { name: k.name })), kinds.refresh()),
                        failed,
                      )
                    }
                    disabled={k.documents > 0 || Boolean(k.children?.length)}
                  >
                    <Button type="link" size="small" danger disabled={k.documents > 0 || Boolean(k.children?.length)}>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 12 }}
        initialValues={{ autoPurge: true }}
        onFinish={(v) => void save(v).then(() => (form.resetFields(), kinds.refresh()), failed)}
      >
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('archive.kindName') }]}>
          <Input placeholder={t('archive.kindName')} aria-label={t('archive.kindName')} />
        </Form.Item>
        <Form.Item name="parentId">
          <Select
            allowClear
            aria-label={t('archive.kindParent')}
            placeholder={t('archive.kindParent')}
            style={{ width: 240 }}
            options={masters.map((k) => ({ value: k.id, label: k.name }))}
          />
        </Form.Item>
        <Form.Item name="autoPurge" valuePropName="checked">
          <Checkbox>{t('archive.kindAutoPurge')}</Checkbox>
        </Form.Item>
        <Form.Item name="draftMonths">
          <InputNumber min={1} max={600} placeholder={t('archive.kindDraftMonths')} style={{ width: 200 }} />
        </Form.Item>
        <Button htmlType="submit">{t('archive.kindAdd')}</Button>
      </Form>
      {editing && (
        <KindDialog
          kind={editing}
          masters={masters.filter((m) => m.id !== editing.id)}
          onClose={() => setEditing(null)}
          onSave={(v) =>
            save(v, editing.id).then(() => {
              setEditing(null);
              kinds.refresh();
            })
          }
        />
      )}
    </Card>
  );
}

function KindDialog({
  kind,
  masters,
  onClose,
  onSave,
}: {
  kind: KindRow;
  masters: KindRow[];
  onClose: () => void;
  onSave: (v: KindValues) => Promise<void>;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const [form] = Form.useForm<KindValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <FormDialog
      form={form}
      title={t('archive.kindEditTitle', { name: kind.name })}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      error={error}
      width={480}
    >
      <Form<KindValues>
        form={form}
        layout="vertical"
        initialValues={{ name: kind.name, parentId: kind.parentId, autoPurge: kind.autoPurge, draftMonths: kind.draftMonths }}
        onFinish={(v) => {
          setSaving(true);
          setError(null);
          onSave(v)
            .catch((caught: unknown) => setError(errorText(toApiError(caught), lang)))
            .finally(() => setSaving(false));
        }}
      >
        <Form.Item
          name="name"
          label={t('archive.kindName')}
          extra={kind.documents > 0 ? t('archive.kindRenameHint', { n: kind.documents }) : undefined}
          rules={[{ required: true, whitespace: true, message: t('archive.kindName') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="parentId" label={t('archive.kindParent')}>
          <Select allowClear options={masters.map((k) => ({ value: k.id, label: k.name }))} />
        </Form.Item>
        <Form.Item name="autoPurge" valuePropName="checked">
          <Checkbox>{t('archive.kindAutoPurge')}</Checkbox>
        </Form.Item>
        <Form.Item name="draftMonths" label={t('archive.kindDraftMonths')}>
          <InputNumber min={1} max={600} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
