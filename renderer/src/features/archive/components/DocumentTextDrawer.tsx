import { Alert, App, Button, Drawer, Input, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentRow } from '../../../../../shared/contract/archive';
import type { DocumentTextView } from '../../../../../shared/contract/doctext';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { useAuth } from '../../../app/AuthContext';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLanguage, useT } from '../../../i18n';

/**
 * A document's words as search knows them: where they came from (the file, OCR with its
 * confidence, a person's correction), why there are none (encrypted, not a searchable format,
 * a scan waiting for OCR), OCR progress with cancel, and the text itself — editable, so a
 * misread name or amount can be corrected by hand and found at once.
 */
export function DocumentTextDrawer({ doc, onClose }: { doc: DocumentRow; onClose: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message, modal } = App.useApp();
  const { state: auth } = useAuth();
  const canEdit = !auth.me || auth.me.role !== 'salesperson';
  const view = useQuery('archive.text', { id: doc.id });
  const { refresh } = view;
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const data = view.data;
  const busy = data?.ocr?.state === 'queued' || data?.ocr?.state === 'running';
  // While OCR runs, look again every 2 s so progress and the result appear by themselves.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [busy, refresh]);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));

  const recognise = () => {
    const go = () => call('ocr.enqueue', { id: doc.id }).then(() => (setDraft(null), refresh()), failed);
    if (data?.source === 'ocr' || data?.source === 'manual')
      modal.confirm({ title: t('doctext.recogniseAgain'), content: t('doctext.recogniseAgainConfirm'), onOk: go });
    else void go();
  };
  const save = () => {
    if (draft === null) return;
    setSaving(true);
    call('archive.correctText', { id: doc.id, text: draft })
      .then(() => (setDraft(null), void message.success(t('doctext.saved')), refresh()), failed)
      .finally(() => setSaving(false));
  };

  return (
    <Drawer open width={720} title={t('doctext.title', { title: doc.title })} onClose={onClose} data-testid="document-text">
      <ErrorAlert error={view.error} />
      {data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <TextStatus data={data} />
          {data.ocr && <OcrProgress data={data} />}
          {canEdit && (
            <Space wrap>
              {busy ? (
                <Button onClick={() => void call('ocr.cancel', { id: doc.id }).then(refresh, failed)}>
                  {t('doctext.cancelOcr')}
                </Button>
              ) : (
                data.canOcr && (
                  <Button onClick={recognise}>
                    {data.source === 'ocr' || data.source === 'manual' ? t('doctext.recogniseAgain') : t('doctext.recognise')}
                  </Button>
                )
              )}
              {data.state !== 'encrypted' && (
                <Button type="primary" disabled={draft === null || draft === data.text} loading={saving} onClick={save}>
                  {t('doctext.save')}
                </Button>
              )}
            </Space>
          )}
          {data.state === 'encrypted' ? (
            <Alert type="warning" showIcon message={t('doctext.encrypted')} description={t('doctext.encryptedHint')} />
          ) : canEdit ? (
            <>
              {(data.source === 'ocr' || data.source === 'manual') && (
                <Typography.Text type="secondary">{t('doctext.editHint')}</Typography.Text>
              )}
              <Input.TextArea
                aria-label={t('doctext.open')}
                value={draft ?? data.text}
                placeholder={t('doctext.empty')}
                autoSize={{ minRows: 12, maxRows: 24 }}
                onChange={(e) => setDraft(e.target.value)}
              />
            </>
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto' }}>
              {data.text || t('doctext.empty')}
            </Typography.Paragraph>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function TextStatus({ data }: { data: DocumentTextView }) {
  const t = useT();
  const percent = (v: number) => `${(v * 100).toFixed(1)} %`;
  if (data.state === null) return <Tag>{t('doctext.pending')}</Tag>;
  if (data.state === 'encrypted') return <Tag color="red">{t('doctext.encrypted')}</Tag>;
  if (data.state === 'unsupported') return <Tag>{t('doctext.unsupported')}</Tag>;
  if (data.state === 'failed') return <Tag color="orange">{t('doctext.failed')}</Tag>;
  return (
    <Space wrap data-testid="text-status">
      {data.state === 'none' ? (
        <Tag color="gold">{t('doctext.none')}</Tag>
      ) : (
        <Tag color="green">{t('doctext.indexed', { chars: data.chars })}</Tag>
      )}
      {data.source === 'file' && data.state === 'text' && <Tag>{t('doctext.byFile')}</Tag>}
      {data.source === 'ocr' && <Tag color="blue">{t('doctext.fromOcr')}</Tag>}
      {data.source === 'manual' && <Tag color="purple">{t('doctext.manual')}</Tag>}
      {data.confidence !== null && (
        <Tag color={data.confidence >= 0.9 ? 'blue' : 'orange'}>
          {t('doctext.confidence', { value: percent(data.confidence) })}
        </Tag>
      )}
      {data.truncated && <Tag color="orange">{t('doctext.truncated')}</Tag>}
    </Space>
  );
}

function OcrProgress({ data }: { data: DocumentTextView }) {
  const t = useT();
  const job = data.ocr!;
  if (job.state === 'queued') return <Typography.Text type="secondary">{t('doctext.ocrQueued')}</Typography.Text>;
  if (job.state === 'running')
    return job.pages ? (
      <div>
        <Typography.Text>
          {t('doctext.ocrRunning', { page: Math.min(job.page + 1, job.pages), pages: job.pages })}
        </Typography.Text>
        <Progress percent={Math.round((job.page / job.pages) * 100)} size="small" />
      </div>
    ) : (
      <Typography.Text>{t('doctext.ocrStarting')}</Typography.Text>
    );
  if (job.state === 'failed')
    return <Typography.Text type="danger">{t('doctext.ocrFailed', { error: job.error ?? '' })}</Typography.Text>;
  if (job.state === 'cancelled') return <Typography.Text type="secondary">{t('doctext.ocrCancelled')}</Typography.Text>;
  return null;
}
