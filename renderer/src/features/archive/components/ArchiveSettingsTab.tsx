import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { TEMPLATE_FIELDS } from '../../../../../shared/archive/path-template';
import type { KindRow } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useQuery } from '../../../api/useQuery';
import { useLanguage, useT } from '../../../i18n';

/** 分类与路径: the path template with a live preview, and the master/sub folders. */
export function ArchiveSettingsTab() {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const current = useQuery('archive.template');
  const [template, setTemplate] = useState('');
  useEffect(() => {
    if (current.data) setTemplate(current.data.template);
  }, [current.data]);
  const preview = useQuery('archive.previewTemplate', { template: template || ' ' });
  const kinds = useQuery('archive.kinds');
  const [form] = Form.useForm<{ name: string; parentId?: number; autoPurge: boolean; draftMonths?: number }>();
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const problems = preview.data?.problems ?? [];

  const save = () =>
    modal.confirm({
      title: t('archive.templateSave'),
      content: t('archive.templateConfirm'),
      okText: t('archive.templateSave'),
      cancelText: t('common.cancel'),
      onOk: () =>
        call('archive.setTemplate', { template }).then(
          (r) => (void message.success(t('archive.templateSaved', { moved: r.moved })), current.refresh()),
          failed,
        ),
    });

  return (
    <div className="months-tab" data-testid="archive-settings">
      <Card size="small" title={t('archive.template')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input aria-label={t('archive.template')} value={template} onChange={(e) => setTemplate(e.target.value)} />
          <Typography.Text type="secondary">
            {t('archive.templateHint', { fields: TEMPLATE_FIELDS.map((f) => `{${f}}`).join(' ') })}
          </Typography.Text>
          {problems.length > 0 ? (
            problems.map((p) => (
              <Typography.Text key={p.en} type="danger">
                {lang === 'en' ? p.en : p.zh}
              </Typography.Text>
            ))
          ) : (
            <Typography.Text data-testid="template-example">
              {t('archive.templateExample', { example: preview.data?.example ?? '' })}
            </Typography.Text>
          )}
          <Button type="primary" disabled={problems.length > 0 || template === current.data?.template} onClick={save}>
            {t('archive.templateSave')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('archive.kinds')}>
        <Table<KindRow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={kinds.data ?? []}
          columns={[
            { title: t('archive.kindName'), render: (_, k) => (k.parentId ? `\u3000└ ${k.name}` : <strong>{k.name}</strong>) },
            { title: t('archive.kindAutoPurge'), render: (_, k) => (k.autoPurge ? '✓' : '—') },
            { title: t('archive.kindDraftMonths'), dataIndex: 'draftMonths' },
            { title: '', render: (_, k) => t('archive.kindDocs', { n: k.documents }) },
          ]}
        />
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{ autoPurge: true }}
          onFinish={(v) =>
            call('archive.saveKind', {
              name: v.name,
              parentId: v.parentId ?? null,
              autoPurge: v.autoPurge,
              draftMonths: v.draftMonths ?? null,
            }).then(() => (form.resetFields(), kinds.refresh()), failed)
          }
        >
          <Form.Item name="name" rules={[{ required: true, message: t('archive.kindName') }]}>
            <Input placeholder={t('archive.kindName')} aria-label={t('archive.kindName')} />
          </Form.Item>
          <Form.Item name="parentId">
            <Select
              allowClear
              placeholder={t('archive.kindParent')}
              style={{ width: 240 }}
              options={(kinds.data ?? []).filter((k) => k.parentId === null).map((k) => ({ value: k.id, label: k.name }))}
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
      </Card>
    </div>
  );
}
