import { App, Button, Card, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BackupSettings } from '../../../../../shared/contract/backup';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { useAuth } from '../../../app/AuthContext';
import { useLanguage, useT } from '../../../i18n';
import { RestoreDialog } from './RestoreDialog';

type Values = Pick<BackupSettings, 'dir' | 'daily' | 'keep'>;

/** 备份 (owner): folder, daily schedule, how many to keep, one click now, and 从备份恢复. */
export function BackupCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { state } = useAuth();
  const [form] = Form.useForm<Values>();
  const canBackUp = !state.me || state.me.role === 'owner';
  const settings = useQuery('backup.settings', {});
  const [running, setRunning] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const failed = (e: unknown) => void message.error(errorText(toApiError(e), lang));
  if (!canBackUp) return null;
  const s = settings.data;

  const save = (v: Values) => call('backup.updateSettings', { dir: v.dir.trim(), daily: v.daily, keep: v.keep });

  // 立即备份 uses the folder typed above and keeps it, in one click: no separate 保存 first.
  const runNow = async (): Promise<void> => {
    const v = form.getFieldsValue();
    if (!v.dir?.trim()) {
      form.setFields([{ name: 'dir', errors: [t('backup.dirRequired')] }]);
      return;
    }
    setRunning(true);
    try {
      if (s && (v.dir.trim() !== s.dir || v.daily !== s.daily || v.keep !== s.keep)) await save(v);
      const r = await call('backup.run', {});
      if (r.unavailableFiles.length)
        void message.warning(t('backup.doneWithMissing', { folder: r.folder, n: r.unavailableFiles.length }), 10);
      else void message.success(t('backup.doneVerified', { folder: r.folder, n: r.verifiedFiles }));
    } catch (e) {
      failed(e);
    } finally {
      setRunning(false);
      settings.refresh();
    }
  };

  return (
    <Card title={t('backup.title')} loading={!s} data-testid="backup-card">
      {s && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ dir: s.dir, daily: s.daily, keep: s.keep }}
          onValuesChange={(changed: Partial<Values>) => {
            if ('dir' in changed) form.setFields([{ name: 'dir', errors: [] }]);
          }}
          onFinish={(v) => void save(v).then(() => (void message.success(t('common.saved')), settings.refresh()), failed)}
        >
          <Form.Item name="dir" label={t('backup.dir')}>
            {/* A JS string, not a JSX attribute: "D:\\门店通备份" there would show both backslashes. */}
            <Input placeholder={'D:\\门店通备份'} />
          </Form.Item>
          <Space size="large">
            <Form.Item name="daily" label={t('backup.daily')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="keep" label={t('backup.keep')}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Button htmlType="submit">{t('backup.save')}</Button>
            <Button type="primary" loading={running} onClick={() => void runNow()}>
              {t('backup.run')}
            </Button>
            <Button danger onClick={() => setRestoreOpen(true)}>
              {t('restore.open')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {s.lastAt ? t('backup.last', { at: dayjs(s.lastAt).format('YYYY-MM-DD HH:mm') }) : t('backup.never')}
          </Typography.Paragraph>
          {s.lastError && (
            <Typography.Paragraph type="warning" data-testid="backup-last-problem">
              {t('backup.lastProblem', { text: s.lastError })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary">{t('restore.hint')}</Typography.Paragraph>
        </Form>
      )}
      {restoreOpen && <RestoreDialog defaultDir={s?.dir ?? ''} onClose={() => setRestoreOpen(false)} />}
    </Card>
  );
}
