import { Alert, Button, Checkbox, Descriptions, Flex, Input, Modal, Result, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { BackupListItem, BackupReport, RestoreResult } from '../../../../../shared/contract/backup';
import { toApiError, type ApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { pick, useLanguage, useT } from '../../../i18n';

/** 1.2 MB — sizes the way Explorer shows them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

const when = (iso: string | null): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/**
 * 从备份恢复 (owner): pick a backup in a folder, run the same checks `office restore` runs and
 * show what they found, confirm, restore. The app restores in place (the host closes the
 * office, restores, opens it again); afterwards the page reloads to show the restored data.
 */
export function RestoreDialog({ defaultDir, onClose }: { defaultDir: string; onClose: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const [dir, setDir] = useState(defaultDir);
  const [list, setList] = useState<BackupListItem[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [report, setReport] = useState<BackupReport | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState<'list' | 'check' | 'restore' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<RestoreResult | null>(null);

  const attempt = async (what: 'list' | 'check' | 'restore', work: () => Promise<void>): Promise<void> => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const showList = () =>
    attempt('list', async () => {
      const answer = await call('backup.list', { dir: dir.trim() });
      setList(answer.backups);
      setChosen(answer.backups[0]?.folder ?? null);
      setReport(null);
    });
  const check = (folder: string) =>
    attempt('check', async () => {
      setReport(null);
      setAgreed(false);
      setReport(await call('backup.check', { folder }));
    });
  const restore = (folder: string) => attempt('restore', async () => setDone(await call('backup.restore', { folder })));

  const text = (p: { zh: string; en: string }) => pick(p, lang);

  if (done)
    return (
      <Modal open title={t('restore.title')} onCancel={() => window.location.reload()} footer={null} width={720}>
        <Result
          status="success"
          title={t('restore.doneTitle')}
          subTitle={t('restore.done', { folder: done.restoredFrom, aside: done.keptAside.join('、') })}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('restore.reload')}
            </Button>
          }
        />
      </Modal>
    );

  return (
    <Modal
      open
      title={t('restore.title')}
      onCancel={() => busy !== 'restore' && onClose()}
      closable={busy !== 'restore'}
      mask={{ closable: false }}
      width={760}
      footer={
        <Flex justify="space-between" align="center" gap={12}>
          <Button onClick={onClose} disabled={busy === 'restore'}>
            {t('restore.close')}
          </Button>
          <Button
            danger
            type="primary"
            disabled={!report?.ok || !agreed}
            loading={busy === 'restore'}
            onClick={() => report && void restore(report.folder)}
          >
            {t('restore.run')}
          </Button>
        </Flex>
      }
      data-testid="restore-dialog"
    >
      <Flex vertical gap={12}>
        <ErrorAlert error={error} />
        <Flex gap={8}>
          <Input
            aria-label={t('restore.dir')}
            placeholder={'D:\\门店通备份'}
            value={dir}
            onChange={(e) => setDir(e.target.value)}
            onPressEnter={() => void showList()}
          />
          <Button onClick={() => void showList()} loading={busy === 'list'} disabled={!dir.trim()}>
            {t('restore.show')}
          </Button>
        </Flex>
        {list && (
          <Table<BackupListItem>
            size="small"
            rowKey="folder"
            pagination={false}
            scroll={{ y: 180 }}
            dataSource={list}
            locale={{ emptyText: t('restore.none') }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: chosen ? [chosen] : [],
              onChange: (keys) => {
                setChosen(String(keys[0]));
                setReport(null);
              },
            }}
            onRow={(row) => ({ onClick: () => (setChosen(row.folder), setReport(null)) })}
            columns={[
              { title: t('restore.colTime'), dataIndex: 'createdAt', width: 180, render: when },
              { title: t('restore.colName'), dataIndex: 'name', ellipsis: true },
              { title: t('restore.colDocs'), dataIndex: 'documents', width: 110, align: 'right' },
            ]}
          />
        )}
        {list && chosen && (
          <div>
            <Button onClick={() => void check(chosen)} loading={busy === 'check'}>
              {t('restore.check')}
            </Button>
          </div>
        )}
        {busy === 'check' && (
          <Spin>
            <Typography.Text type="secondary">{t('restore.checking')}</Typography.Text>
          </Spin>
        )}
        {report && <ReportView report={report} text={text} />}
        {report?.ok && (
          <Alert
            type="warning"
            showIcon
            title={t('restore.confirmText')}
            description={
              <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)}>
                {t('restore.confirmCheck')}
              </Checkbox>
            }
          />
        )}
      </Flex>
    </Modal>
  );
}

function ReportView({ report, text }: { report: BackupReport; text: (p: { zh: string; en: string }) => string }) {
  const t = useT();
  return (
    <Flex vertical gap={8} data-testid="restore-report">
      {report.ok ? (
        <Alert type="success" showIcon title={t('restore.ok')} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('restore.bad')}
          description={
            <ul className="restore-problems">
              {report.problems.map((p) => (
                <li key={p.zh}>{text(p)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'made', label: t('restore.made'), children: when(report.createdAt) },
          ...(report.officeName ? [{ key: 'office', label: t('restore.office'), children: report.officeName }] : []),
          ...(report.counts
            ? [{ key: 'contents', label: t('restore.contents'), children: t('restore.counts', report.counts) }]
            : []),
          ...(report.ok
            ? [
                {
                  key: 'files',
                  label: t('restore.files'),
                  children: t('restore.filesValue', { n: report.files, size: formatBytes(report.bytes) }),
                },
              ]
            : []),
        ]}
      />
      {report.unavailableFiles.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('restore.unavailable', { n: report.unavailableFiles.length, example: report.unavailableFiles[0]!.relPath })}
        />
      )}
    </Flex>
  );
}
