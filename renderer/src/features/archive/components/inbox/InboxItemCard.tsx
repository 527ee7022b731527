import { Alert, App, Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DocFields } from '../../../../../../shared/contract/archive';
import type { InboxItemView } from '../../../../../../shared/contract/intake';
import { toApiError } from '../../../../api/ApiError';
import { call } from '../../../../api/client';
import { errorText } from '../../../../api/errorText';
import { pick, useLanguage, useT } from '../../../../i18n';
import { DocFieldsForm } from '../DocFieldsForm';

const STATE_COLOR = {
  settling: 'default',
  queued: 'default',
  reading: 'processing',
  proposed: 'gold',
  filed: 'green',
  failed: 'red',
} as const;

/** One waiting file: what was read, what is proposed (editable), and 归档 in one click. */
export function InboxItemCard({ item, onChanged }: { item: InboxItemView; onChanged: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [fields, setFields] = useState<DocFields>({
    kindId: item.kindId,
    clientId: item.clientId,
    contractId: item.contractId,
    ...(item.docDate ? { docDate: item.docDate } : {}),
  });
  const [busy, setBusy] = useState(false);
  const ready = item.state === 'proposed' || item.state === 'failed';
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const file = () => {
    setBusy(true);
    void call('inbox.file', { id: item.id, fields })
      .then((r) => (void message.success(t('inbox.filedOne', { path: r.document?.relPath ?? '' })), onChanged()), failed)
      .finally(() => setBusy(false));
  };
  return (
    <div className="inbox-item" data-testid="inbox-item" data-file={item.fileName}>
      <div className="inbox-item-head">
        <Typography.Text strong ellipsis style={{ maxWidth: 420 }}>
          {item.fileName}
        </Typography.Text>
        <Tag color={STATE_COLOR[item.state]}>{t(`inbox.state.${item.state}`)}</Tag>
        {item.textSource === 'ocr' && item.confidence !== null && (
          <Tag>{t('inbox.ocrConfidence', { value: `${Math.round(item.confidence * 100)}%` })}</Tag>
        )}
        {item.textSource === 'file' && <Tag>{t('inbox.fromFile')}</Tag>}
        {item.reasons.map((r) => (
          <Typography.Text key={r.en} type="secondary" style={{ fontSize: 12 }}>
            {pick(r, lang)}
          </Typography.Text>
        ))}
      </div>
      {item.error && <Alert type="warning" showIcon message={pick(item.error, lang)} />}
      {ready && (
        <Typography.Paragraph className="inbox-preview" type="secondary" ellipsis={{ rows: 2 }} title={item.textPreview}>
          {t('inbox.preview')}:{item.textPreview || t('inbox.noText')}
        </Typography.Paragraph>
      )}
      {ready && (
        <div className="inbox-item-fields">
          <DocFieldsForm
            value={fields}
            onChange={setFields}
            withTitle={false}
            knownClient={item.clientId ? { id: item.clientId, name: item.clientName } : undefined}
          />
          <Button type="primary" loading={busy} onClick={file} data-testid="inbox-file">
            {t('inbox.file')}
          </Button>
          {item.state === 'failed' && (
            <Button onClick={() => void call('inbox.retry', { id: item.id }).then(onChanged, failed)}>{t('inbox.retry')}</Button>
          )}
        </div>
      )}
    </div>
  );
}
