import { DownloadOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportReport, RowIssue } from '../../../../shared/imports/import-report';
import { toApiError, type ApiError } from '../../api/ApiError';
import { issueText } from '../../api/errorText';
import { saveBase64File } from '../../features/clients/download';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { uploadImport, type ImportMethod } from './uploadImport';

type Props = {
  method: ImportMethod;
  /** The columns the file should have, shown above the drop zone. */
  hint: string;
  onImported?: (report: ImportReport) => void;
};

/**
 * Import a spreadsheet in two steps: the file is checked first (nothing written) and every
 * row's problems are shown with row, column and reason; then it is imported — all rows, or only
 * the valid ones — and the failed rows can be downloaded to fix in Excel.
 */
export function ImportPanel({ method, hint, onImported }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  const [picked, setPicked] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const check = async (file: File): Promise<void> => {
    setBusy('checking');
    setError(null);
    setReport(null);
    setDone(null);
    try {
      setPicked(file);
      setReport(await uploadImport(method, file, { dryRun: true, mode: 'all' }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const run = async (mode: 'all' | 'valid'): Promise<void> => {
    if (!picked) return;
    setBusy('importing');
    setError(null);
    try {
      const result = await uploadImport(method, picked, { dryRun: false, mode });
      setDone(result);
      setReport(null);
      onImported?.(result);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const reset = (): void => {
    setPicked(null);
    setReport(null);
    setDone(null);
    setError(null);
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('import.done', { count: done.inserted })}
        subTitle={done.errorRows > 0 ? t('import.doneSkipped', { count: done.errorRows }) : done.fileName}
        extra={
          <Space>
            {done.failedRowsFile && (
              <Button icon={<DownloadOutlined />} onClick={() => saveBase64File(done.failedRowsFile!)}>
                {t('import.downloadFailed')}
              </Button>
            )}
            <Button type="primary" icon={<UploadOutlined />} onClick={reset}>
              {t('import.another')}
            </Button>
          </Space>
        }
      />
    );
  }

  const previewColumns =
    report?.previewColumns.map((c) => ({
      key: c.field,
      title: lang === 'en' ? c.labelEn : c.label,
      dataIndex: ['values', c.field],
      ellipsis: true,
    })) ?? [];
  return (
    <div className="import-panel">
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {!report && (
        <Spin spinning={busy === 'checking'} description={t('import.checking')}>
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              void check(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
        </Spin>
      )}
      <ErrorAlert error={error} />
      {report && (
        <>
          <Alert
            className="error-alert"
            showIcon
            type={report.errorRows ? 'warning' : 'success'}
            title={
              report.errorRows
                ? t('import.someErrors', { total: report.totalRows, errors: report.errorRows, valid: report.validRows })
                : t('import.allValid', { total: report.totalRows })
            }
            description={[
              `${report.fileName}${report.encoding ? ` · ${report.encoding.toUpperCase()}` : ''}${report.sheetName ? ` · ${report.sheetName}` : ''}`,
              report.ignoredHeaders.length ? t('import.ignored', { headers: report.ignoredHeaders.join('、') }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          <Space className="import-actions" wrap>
            <Button type="primary" disabled={report.errorRows > 0} loading={busy === 'importing'} onClick={() => void run('all')}>
              {t('import.run', { count: report.totalRows })}
            </Button>
            {report.errorRows > 0 && report.validRows > 0 && (
              <Button loading={busy === 'importing'} onClick={() => void run('valid')}>
                {t('import.runValid', { count: report.validRows })}
              </Button>
            )}
            {report.failedRowsFile && (
              <Button icon={<DownloadOutlined />} onClick={() => saveBase64File(report.failedRowsFile!)}>
                {t('import.downloadFailed')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={reset}>
              {t('import.another')}
            </Button>
          </Space>
          {report.issues.length > 0 && (
            <>
              <Typography.Title level={5}>{t('import.errorsTitle')}</Typography.Title>
              <Table<RowIssue>
                className="import-errors"
                rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                size="small"
                dataSource={report.issues}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 },
                  { key: 'column', title: t('import.column'), dataIndex: 'column', width: 120 },
                  { key: 'value', title: t('import.value'), dataIndex: 'value', width: 160, ellipsis: true },
                  {
                    key: 'reason',
                    title: t('import.reason'),
                    render: (_, r) => (
                      <Typography.Text type="danger">
                        {issueText({ path: r.column, message: r.message, messageEn: r.messageEn }, lang)}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
              {report.issuesOmitted > 0 && (
                <Typography.Text type="secondary">{t('import.moreErrors', { count: report.issuesOmitted })}</Typography.Text>
              )}
            </>
          )}
          {report.preview.length > 0 && (
            <>
              <Typography.Title level={5}>{t('import.previewTitle', { count: report.preview.length })}</Typography.Title>
              <Table
                rowKey="row"
                size="small"
                dataSource={report.preview}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[{ key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 }, ...previewColumns]}
                scroll={{ x: true }}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
