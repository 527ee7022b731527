import { App, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { BackupSettings } from '../../../../../shared/contract/backup';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { useAuth } from '../../../app/AuthContext';
import { useLanguage, useT } from '../../../i18n';

/** 备份 (owner): folder, daily schedule, how many to keep, and one click now. */
export function BackupCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { state } = useAuth();
  const canBackUp = !state.me || state.me.role === 'owner';
  const settings = useQuery('backup.settings', {});
  const [running, setRunning] = useState(false);
  const failed = (e: unknown) => void message.error(errorText(toApiError(e), lang));
  if (!canBackUp) return null;
  const s = settings.data;
  return (
    <Card title={t('backup.title')} loading={!s} data-testid="backup-card">
      {s && (
        <Form<BackupSettings>
          layout="vertical"
          initialValues={s}
          onFinish={(v) =>
            call('backup.updateSettings', { dir: v.dir, daily: v.daily, keep: v.keep }).then(
              () => (void message.success(t('common.saved')), settings.refresh()),
              failed,
            )
          }
        >
          <Form.Item name="dir" label={t('backup.dir')}>
            <Input placeholder="D:\\门店通备份" />
          </Form.Item>
          <Space size="large">
            <Form.Item name="daily" label={t('backup.daily')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="keep" label={t('backup.keep')}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          </Space>
          <Space>
            <Button htmlType="submit">{t('backup.save')}</Button>
            <Button
              type="primary"
              loading={running}
              onClick={() => {
                setRunning(true);
                call('backup.run', {})
                  .then((r) => (void message.success(t('backup.done', { folder: r.folder })), settings.refresh()), failed)
                  .finally(() => setRunning(false));
              }}
            >
              {t('backup.run')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {s.lastAt ? t('backup.last', { at: s.lastAt.slice(0, 16).replace('T', ' ') }) : t('backup.never')}
            {s.lastError ? ` · ${s.lastError}` : ''}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('backup.restoreHint')}</Typography.Paragraph>
        </Form>
      )}
    </Card>
  );
}
