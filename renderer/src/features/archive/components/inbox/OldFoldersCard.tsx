import { Alert, App, Button, Card, Checkbox, Input, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OldFileProposal, OldFolderPreview } from '../../../../../../shared/contract/intake';
import { toApiError } from '../../../../api/ApiError';
import { call } from '../../../../api/client';
import { errorText } from '../../../../api/errorText';
import { useQuery } from '../../../../api/useQuery';
import { pick, useLanguage, useT } from '../../../../i18n';

/** 旧文件夹收编: a dry run of what would be filed where, then one background import with a progress bar. */
export function OldFoldersCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [root, setRoot] = useState('');
  const [move, setMove] = useState(false);
  const [preview, setPreview] = useState<OldFolderPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useQuery('intake.status');
  const job = status.data;
  const running = job?.state === 'running';
  const { refresh } = status;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [running, refresh]);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const dryRun = () => {
    setBusy(true);
    void call('intake.preview', { root: root.trim() })
      .then(setPreview, failed)
      .finally(() => setBusy(false));
  };
  const start = () => void call('intake.import', { root: root.trim(), move }).then(refresh, failed);

  return (
    <Card size="small" title={t('old.title')} style={{ marginTop: 16 }} data-testid="old-folders">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('old.hint')}</Typography.Text>
        <Space wrap>
          <Input
            aria-label={t('old.root')}
            placeholder={t('old.rootPlaceholder')}
            style={{ width: 420 }}
            value={root}
            onChange={(e) => (setRoot(e.target.value), setPreview(null))}
          />
          <Button loading={busy} disabled={!root.trim()} onClick={dryRun}>
            {t('old.preview')}
          </Button>
        </Space>
        {preview && (
          <>
            <Typography.Text data-testid="old-summary">
              {t('old.summary', {
                files: preview.files,
                mb: (preview.bytes / 1048576).toFixed(1),
                withClient: preview.withClient,
                withKind: preview.withKind,
                clients: preview.clients.length,
              })}
            </Typography.Text>
            {preview.unmatchedFolders.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={t('old.unmatched', {
                  folders: preview.unmatchedFolders.map((f) => `${f.folder}(${f.files})`).join('、'),
                })}
              />
            )}
            <Table<OldFileProposal>
              size="small"
              rowKey="relPath"
              dataSource={preview.rows}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { title: t('inbox.columns.file'), dataIndex: 'relPath', ellipsis: true },
                {
                  title: t('archive.client'),
                  dataIndex: 'clientName',
                  width: 200,
                  ellipsis: true,
                  render: (v: string) => v || '—',
                },
                { title: t('archive.kind'), dataIndex: 'kindPath', width: 150, render: (v: string) => v || '未分类' },
                { title: t('archive.date'), dataIndex: 'docDate', width: 110 },
              ]}
            />
            <Space wrap>
              <Checkbox checked={move} onChange={(e) => setMove(e.target.checked)}>
                {t('old.move')}
              </Checkbox>
              <Button type="primary" disabled={running || preview.files === 0} onClick={start}>
                {t('old.import', { files: preview.files })}
              </Button>
            </Space>
          </>
        )}
        {job && job.state !== 'idle' && (
          <div data-testid="old-job">
            <Progress
              percent={job.total ? Math.floor((job.done / job.total) * 100) : 100}
              status={running ? 'active' : job.state === 'done' ? 'success' : 'exception'}
            />
            <Space wrap>
              <Typography.Text>
                {t(`old.state.${job.state}`)} ·{' '}
                {t('old.counts', {
                  done: job.done,
                  total: job.total,
                  filed: job.filed,
                  duplicates: job.duplicates,
                  failed: job.failed,
                  withoutClient: job.withoutClient,
                })}
              </Typography.Text>
              {running && (
                <Button onClick={() => void call('intake.cancel', {}).then(refresh, failed)}>{t('common.cancel')}</Button>
              )}
            </Space>
            {job.duplicateList.length > 0 && (
              <Typography.Paragraph
                type="secondary"
                style={{ fontSize: 12, marginTop: 8 }}
                ellipsis={{ rows: 3, expandable: true }}
              >
                {t('old.duplicates')}:{job.duplicateList.map((d) => `${d.relPath} → ${d.existingPath}`).join(';')}
              </Typography.Paragraph>
            )}
            {job.failedList.map((f) => (
              <Typography.Text key={f.relPath} type="danger" style={{ display: 'block', fontSize: 12 }}>
                {f.relPath}:{pick(f, lang)}
              </Typography.Text>
            ))}
          </div>
        )}
      </Space>
    </Card>
  );
}
