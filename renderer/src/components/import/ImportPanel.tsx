import { DownloadOutlined, InboxOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Radio, Result, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportKind } from '../../../../shared/contract/imports';
import type { DuplicatePolicy, ImportReport, RowIssue } from '../../../../shared/imports/import-report';
import { toApiError, type ApiError } from '../../api/ApiError';
import { issueText } from '../../api/errorText';
import { saveBase64File } from '../../features/clients/download';
import { useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../ErrorAlert';
import { ColumnMapping } from './ColumnMapping';
import { ImportProgressView } from './ImportProgressView';
import { TemplateButton } from './TemplateButton';
import { useImportJob } from './useImportJob';
import type { ImportMethod } from './uploadImport';
import './import.css';

type Props = {
  method: ImportMethod;
  /** The columns the file should have, shown above the drop zone. */
  hint: string;
  onImported?: (report: ImportReport) => void;
};

/** The options a person chooses after the first check; each change checks the file again. */
type Choices = { sheet?: string; columnMap?: Record<string, string>; duplicates: DuplicatePolicy };

/**
 * Import a spreadsheet in two steps: the file is checked first (nothing written) — its sheet,
 * every column and what it is imported as, every row's problems — then imported, all rows or
 * only the valid ones. Both steps run in the core's import worker; the page shows how far it
 * is and can cancel it.
 */
export function ImportPanel({ method, hint, onImported }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  const kind = method.split('.')[0] as ImportKind;
  const job = useImportJob(method);
  const [picked, setPicked] = useState<File | null>(null);
  const [choices, setChoices] = useState<Choices>({ duplicates: 'refuse' });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const check = async (file: File, next: Choices): Promise<void> => {
    setError(null);
    setDone(null);
    setPicked(file);
    setChoices(next);
    try {
      setReport(await job.start(file, { dryRun: true, mode: 'all', ...next }));
    } catch (caught) {
      setReport(null);
      setError(toApiError(caught));
    }
  };

  const run = async (mode: 'all' | 'valid'): Promise<void> => {
    if (!picked) return;
    setError(null);
    try {
      const result = await job.start(picked, { dryRun: false, mode, ...choices });
      setDone(result);
      setReport(null);
      onImported?.(result);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };

  const reset = (): void => {
    setPicked(null);
    setReport(null);
    setDone(null);
    setError(null);
    setChoices({ duplicates: 'refuse' });
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('import.done', { count: done.inserted + done.updated })}
        subTitle={[
          t('imports.doneSummary', { inserted: done.inserted, updated: done.updated, skipped: done.skipped + done.errorRows }),
          done.errorRows > 0 ? t('import.doneSkipped', { count: done.errorRows }) : '',
        ]
          .filter(Boolean)
          .join(' ')}
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

  const busy = job.running !== null;
  const text = (n: { message: string; messageEn: string }): string => (lang === 'en' ? n.messageEn : n.message);
  const blocked = !!report && report.columnProblems.length > 0;
  const unknownColumns = report?.fileColumns.filter((c) => c.match === 'unknown').length ?? 0;
  return (
    <div className="import-panel">
      <div className="import-head">
        <Typography.Paragraph type="secondary">
          {hint} {t('imports.formats')}
        </Typography.Paragraph>
        <TemplateButton kind={kind} />
      </div>
      {job.running && <ImportProgressView job={job.running} onCancel={() => void job.cancel()} />}
      {!report && !busy && (
        <Upload.Dragger
          accept=".xlsx,.xlsm,.xls,.et,.ods,.fods,.xlsb,.numbers,.csv,.tsv,.txt"
          showUploadList={false}
          multiple={false}
          beforeUpload={(file) => {
            void check(file, { duplicates: choices.duplicates });
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      )}
      <ErrorAlert error={error} text={error?.body.details?.cancelled ? t('imports.cancelled') : null} />
      {report && (
        <>
          <Alert
            className="error-alert import-summary"
            showIcon
            type={blocked ? 'error' : report.errorRows ? 'warning' : 'success'}
            title={
              blocked
                ? t('imports.columnProblems')
                : report.errorRows
                  ? t('import.someErrors', { total: report.totalRows, errors: report.errorRows, valid: report.validRows })
                  : t('import.allValid', { total: report.totalRows })
            }
            description={[
              `${report.fileName} · ${report.format.toUpperCase()}${report.encoding ? ` · ${report.encoding.toUpperCase()}` : ''}${report.sheetName ? ` · ${report.sheetName}` : ''}`,
              report.sheetReason ? text(report.sheetReason) : '',
              report.skipped ? t('imports.skippedDuplicates', { count: report.skipped }) : '',
              report.preview.some((p) => p.action === 'update')
                ? t('imports.updates', { count: report.preview.filter((p) => p.action === 'update').length })
                : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          />
          {report.notes.length > 0 && (
            <Alert
              className="error-alert import-notes"
              type="info"
              showIcon
              title={t('imports.notes')}
              description={
                <ul>
                  {report.notes.map((n) => (
                    <li key={n.message}>{text(n)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Space className="import-options" wrap>
            {report.sheets.length > 1 && (
              <Space>
                <Typography.Text>{t('imports.sheet')}</Typography.Text>
                <Select
                  className="import-sheet"
                  size="small"
                  style={{ minWidth: 160 }}
                  value={report.sheetName}
                  disabled={busy}
                  options={report.sheets.map((s) => ({
                    value: s.name,
                    label: s.hidden ? t('imports.sheetHidden', { name: s.name }) : s.name,
                  }))}
                  onChange={(sheet: string) => picked && void check(picked, { duplicates: choices.duplicates, sheet })}
                />
              </Space>
            )}
            {kind === 'clients' && (
              <Space>
                <Typography.Text>{t('imports.duplicates')}</Typography.Text>
                <Radio.Group
                  className="import-duplicates"
                  size="small"
                  optionType="button"
                  value={choices.duplicates}
                  disabled={busy}
                  onChange={(e) => picked && void check(picked, { ...choices, duplicates: e.target.value as DuplicatePolicy })}
                  options={[
                    { value: 'refuse', label: t('imports.dup.refuse') },
                    { value: 'skip', label: t('imports.dup.skip') },
                    { value: 'update', label: t('imports.dup.update') },
                  ]}
                />
              </Space>
            )}
          </Space>
          <Collapse
            className="import-columns-panel"
            defaultActiveKey={blocked || unknownColumns > 0 ? ['columns'] : []}
            items={[
              {
                key: 'columns',
                label: (
                  <Space>
                    {t('imports.columnsTitle')}
                    {unknownColumns > 0 && <Tag color="orange">{t('imports.columnsUnknown', { count: unknownColumns })}</Tag>}
                  </Space>
                ),
                children: (
                  <ColumnMapping
                    // Keyed on what the report says each column is: choices change before the new
                    // report arrives, and a key on them alone kept the old report's choices.
                    key={report.layoutKey + JSON.stringify(report.fileColumns.map((c) => [c.key, c.field, c.match]))}
                    report={report}
                    busy={busy}
                    onApply={(columnMap) => picked && void check(picked, { ...choices, columnMap })}
                  />
                ),
              },
            ]}
          />
          <Space className="import-actions" wrap>
            <Button type="primary" disabled={blocked || report.errorRows > 0 || busy} onClick={() => void run('all')}>
              {t('import.run', { count: report.totalRows })}
            </Button>
            {report.errorRows > 0 && report.validRows > 0 && !blocked && (
              <Button disabled={busy} onClick={() => void run('valid')}>
                {t('import.runValid', { count: report.validRows })}
              </Button>
            )}
            {report.failedRowsFile && (
              <Button icon={<DownloadOutlined />} onClick={() => saveBase64File(report.failedRowsFile!)}>
                {t('import.downloadFailed')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} disabled={busy} onClick={reset}>
              {t('import.another')}
            </Button>
          </Space>
          {report.issues.length > 0 && <IssuesTable report={report} />}
          {report.preview.length > 0 && <PreviewTable report={report} />}
        </>
      )}
    </div>
  );
}

function IssuesTable({ report }: { report: ImportReport }) {
  const t = useT();
  const { lang } = useLanguage();
  return (
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
          { key: 'column', title: t('import.column'), dataIndex: 'column', width: 140, ellipsis: true },
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
  );
}

function PreviewTable({ report }: { report: ImportReport }) {
  const t = useT();
  const { lang } = useLanguage();
  const withAction = report.duplicatePolicy !== 'refuse';
  const columns = report.previewColumns.map((c) => ({
    key: c.field,
    title: lang === 'en' ? c.labelEn : c.label,
    dataIndex: ['values', c.field],
    ellipsis: true,
  }));
  return (
    <>
      <Typography.Title level={5}>{t('import.previewTitle', { count: report.preview.length })}</Typography.Title>
      <Table
        className="import-preview"
        rowKey="row"
        size="small"
        dataSource={report.preview}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 },
          ...(withAction
            ? [
                {
                  key: 'action',
                  title: t('imports.action'),
                  width: 110,
                  render: (_: unknown, p: ImportReport['preview'][number]) => (
                    <Tag color={p.action === 'update' ? 'blue' : p.action === 'skip' ? 'default' : 'green'}>
                      {t(`imports.action.${p.action ?? 'insert'}`)}
                    </Tag>
                  ),
                },
              ]
            : []),
          ...columns,
        ]}
        scroll={{ x: true }}
      />
    </>
  );
}
