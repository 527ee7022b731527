import { App, Button, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { searchableFormatsLine } from '../../../../../shared/archive/text-formats';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { useAuth } from '../../../app/AuthContext';
import { useLanguage, useT } from '../../../i18n';

/** Which formats search reads, the OCR queue (progress, 识别全部扫描件, cancel all). */
export function OcrQueueBar({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { state: auth } = useAuth();
  const canRun = !auth.me || auth.me.role !== 'salesperson';
  const status = useQuery('ocr.status');
  const { refresh } = status;
  const s = canRun ? status.data : undefined;
  const active = !!s && (s.queued > 0 || s.running !== null);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(refresh, 3000);
    return () => clearInterval(timer);
  }, [active, refresh]);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  return (
    <div className="archive-ocr-bar" data-testid="ocr-queue">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('doctext.searchable', { formats: searchableFormatsLine() })}
      </Typography.Text>
      {s && (
        <Space wrap size="small">
          {s.running && (
            <Typography.Text>
              {t('doctext.queueRunning', {
                title: s.running.title,
                page: Math.min(s.running.page + 1, Math.max(s.running.pages, 1)),
                pages: s.running.pages || '?',
              })}
            </Typography.Text>
          )}
          {s.queued > 0 && <Typography.Text type="secondary">{t('doctext.queue', { queued: s.queued })}</Typography.Text>}
          {s.failed > 0 && <Typography.Text type="warning">{t('doctext.queueFailed', { failed: s.failed })}</Typography.Text>}
          <Button
            size="small"
            onClick={() =>
              void call('ocr.enqueueAll', {}).then((r) => {
                void message.info(r.queued ? t('doctext.recogniseAllDone', { n: r.queued }) : t('doctext.recogniseAllNone'));
                refresh();
                onChanged();
              }, failed)
            }
          >
            {t('doctext.recogniseAll')}
          </Button>
          {active && (
            <Button size="small" onClick={() => void call('ocr.cancel', {}).then(() => (refresh(), onChanged()), failed)}>
              {t('doctext.cancelAll')}
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}
