import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Result, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditFinding, AuditReport } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useLanguage, useT } from '../../../i18n';
import { FINDING_LABEL } from '../findingLabels';

const KIND_COLORS: Record<string, string> = {
  unrecorded: 'orange',
  missing: 'red',
  modified: 'red',
  misplaced: 'blue',
  empty: 'gold',
  unlinked: 'default',
  staging: 'default',
};

/** 档案体检: does the folder agree with the records? Each finding with its fix. */
export function ArchiveAuditTab() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [rehash, setRehash] = useState(false);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<AuditReport | null>(null);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const run = () => {
    setRunning(true);
    call('archive.audit', { rehash })
      .then(setReport, failed)
      .finally(() => setRunning(false));
  };
  const fix = (f: AuditFinding) =>
    call('archive.fix', { kind: f.kind, relPath: f.relPath, documentId: f.documentId }).then((r) => {
      void (r.fixed ? message.success : message.warning)(lang === 'en' ? r.en : r.zh);
      run();
    }, failed);
  return (
    <div data-testid="archive-audit">
      <Space className="perf-toolbar">
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={running} onClick={run}>
          {t('archive.auditRun')}
        </Button>
        <Checkbox checked={rehash} onChange={(e) => setRehash(e.target.checked)}>
          {t('archive.auditRehash')}
        </Checkbox>
      </Space>
      {report && (
        <>
          <p className="muted">
            {t('archive.auditSummary', {
              at: dayjs(report.checkedAt).format('YYYY-MM-DD HH:mm'),
              files: report.files,
              documents: report.documents,
              n: report.findings.length,
            })}
          </p>
          {report.findings.length === 0 ? (
            <Result status="success" title={t('archive.auditClean')} />
          ) : (
            <Table<AuditFinding>
              size="small"
              rowKey={(f) => `${f.kind}:${f.relPath}`}
              pagination={{ pageSize: 50 }}
              dataSource={report.findings}
              columns={[
                {
                  title: t('archive.col.kind'),
                  width: 130,
                  render: (_, f) => (
                    <Tag color={KIND_COLORS[f.kind] ?? 'default'}>
                      {FINDING_LABEL[f.kind] ? t(FINDING_LABEL[f.kind]) : f.kind}
                    </Tag>
                  ),
                },
                { title: t('archive.col.path'), render: (_, f) => (lang === 'en' ? f.en : f.zh) },
                {
                  title: t('common.actions'),
                  width: 90,
                  render: (_, f) => (
                    <Button size="small" onClick={() => void fix(f)}>
                      {t('archive.fix')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
