import { App, Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { TEMPLATE_FIELDS } from '../../../../../shared/archive/path-template';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useQuery } from '../../../api/useQuery';
import { pick, useLanguage, useT } from '../../../i18n';
import { KindsCard } from './KindsCard';

/** 分类与路径: the path template with a live preview, and the master/sub folders (KindsCard). */
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
                {pick(p, lang)}
              </Typography.Text>
            ))
          ) : (
            <Typography.Text data-testid="template-example">
              {t('archive.templateExample', { example: preview.data?.example ?? '' })}
            </Typography.Text>
          )}
          <Button
            type="primary"
            disabled={problems.length > 0 || template === current.data?.template}
            onClick={() => void save()}
          >
            {t('archive.templateSave')}
          </Button>
        </Space>
      </Card>
      <KindsCard />
    </div>
  );
}
