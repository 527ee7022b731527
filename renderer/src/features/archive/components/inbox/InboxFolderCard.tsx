import { App, Button, Card, Checkbox, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { InboxView } from '../../../../../../shared/contract/intake';
import { toApiError } from '../../../../api/ApiError';
import { call } from '../../../../api/client';
import { errorText } from '../../../../api/errorText';
import { useLanguage, useT } from '../../../../i18n';

/** Where the scanner saves; owner and manager set it, everyone else sees it. */
export function InboxFolderCard({
  view,
  canConfigure,
  onSaved,
}: {
  view: InboxView;
  canConfigure: boolean;
  onSaved: () => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [folder, setFolder] = useState(view.folder ?? '');
  const [autoFile, setAutoFile] = useState(view.autoFile);
  const save = (next: string | null) =>
    call('inbox.configure', { folder: next, autoFile }).then(
      () => (void message.success(t('inbox.saved')), onSaved()),
      (caught: unknown) => void message.error(errorText(toApiError(caught), lang)),
    );
  return (
    <Card size="small" title={t('inbox.folder')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('inbox.folderHint')}</Typography.Text>
        {canConfigure ? (
          <Space wrap>
            <Input
              aria-label={t('inbox.folder')}
              placeholder={t('inbox.folderPlaceholder')}
              style={{ width: 420 }}
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
            />
            <Checkbox checked={autoFile} onChange={(e) => setAutoFile(e.target.checked)}>
              {t('inbox.autoFile')}
            </Checkbox>
            <Button type="primary" disabled={!folder.trim()} onClick={() => void save(folder.trim())}>
              {t('inbox.save')}
            </Button>
            {view.folder && <Button onClick={() => void save(null).then(() => setFolder(''))}>{t('inbox.off')}</Button>}
          </Space>
        ) : (
          <Typography.Text data-testid="inbox-folder">{view.folder ?? t('inbox.folderNone')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
