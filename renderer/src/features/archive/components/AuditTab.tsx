import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Result, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditFinding, AuditReport, DocFields, FindingKind, FixAction } from '../../../../../shared/contract/archive';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useAuth } from '../../../app/AuthContext';
import { pick, useLanguage, useT } from '../../../i18n';
import type { MessageKey } from '../../../i18n/types';
import { FileFindingDialog } from './FileFindingDialog';
import { FindingActions } from './FindingActions';

const KIND_COLORS: Record<FindingKind, string> = {
  unrecorded: 'orange',
  missing: 'red',
  modified: 'red',
  misplaced: 'blue',
  empty: 'gold',
  unlinked: 'default',
  staging: 'default',
};

const KIND_LABELS: Record<FindingKind, MessageKey> = {
  unrecorded: 'audit.kind.unrecorded',
  missing: 'audit.kind.missing',
  modified: 'audit.kind.modified',
  misplaced: 'audit.kind.misplaced',
  empty: 'audit.kind.empty',
  unlinked: 'audit.kind.unlinked',
  staging: 'audit.kind.staging',
};

const keyOf = (f: AuditFinding): string => `${f.kind}:${f.relPath}:${f.documentId ?? ''}`;

/**
 * 档案体检: does the folder agree with the records? Each finding with the choices it offers —
 * file it here (kind/client/date), move to the recycle area, ignore — destructive ones confirmed;
 * every fix is checked again by the server against the folder as it is now.
 */
export function ArchiveAuditTab() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { state } = useAuth();
  const role = state.me?.role ?? (state.signInRequired ? null : 'owner');
  const [rehash, setRehash] = useState(false);
  const [includeIgnored, setIncludeIgnored] = useState(false);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<AuditReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [filing, setFiling] = useState<{ finding: AuditFinding; error: string | null } | null>(null);
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));

  const run = (withIgnored = includeIgnored) => {
    setRunning(true);
    return call('archive.audit', { rehash, includeIgnored: withIgnored })
      .then(setReport, failed)
      .finally(() => setRunning(false));
  };
  const fix = (f: AuditFinding, action: FixAction, fields?: DocFields) => {
    setBusy(keyOf(f));
    return call('archive.fix', {
      kind: f.kind,
      relPath: f.relPath,
      documentId: f.documentId,
      action,
      ...(fields ? { fields } : {}),
    })
      .then((r) => {
        void (r.fixed ? message.success : message.warning)(pick(r, lang));
        setFiling(null);
        return run();
      })
      .finally(() => setBusy(null));
  };

  const visible = report?.findings.filter((f) => !f.ignored).length ?? 0;
  return (
    <div data-testid="archive-audit">
      <div className="perf-toolbar">
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={running} onClick={() => void run()}>
          {t('archive.auditRun')}
        </Button>
        <Space wrap>
          <Checkbox checked={rehash} onChange={(e) => setRehash(e.target.checked)}>
            {t('archive.auditRehash')}
          </Checkbox>
          {report && (report.ignored > 0 || includeIgnored) && (
            <Checkbox
              checked={includeIgnored}
              onChange={(e) => {
                setIncludeIgnored(e.target.checked);
                void run(e.target.checked);
              }}
            >
              {t('audit.showIgnored', { n: report.ignored })}
            </Checkbox>
          )}
        </Space>
      </div>
      {report && (
        <>
          <p className="muted" data-testid="audit-summary">
            {t('archive.auditSummary', {
              at: dayjs(report.checkedAt).format('YYYY-MM-DD HH:mm'),
              files: report.files,
              documents: report.documents,
              n: visible,
            })}
          </p>
          {report.findings.length === 0 ? (
            <Result status="success" title={t('archive.auditClean')} />
          ) : (
            <Table<AuditFinding>
              size="small"
              rowKey={keyOf}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              dataSource={report.findings}
              // A fixed minimum, not max-content: a long path in the details wraps inside the column, so
              // the choices stay in view at 1366 px in either language (they were pushed off the card).
              scroll={{ x: 900 }}
              columns={[
                {
                  title: t('audit.col.finding'),
                  width: 130,
                  render: (_, f) => (
                    <Space size={4} wrap>
                      <Tag color={KIND_COLORS[f.kind]}>{t(KIND_LABELS[f.kind])}</Tag>
                      {f.ignored && <Tag>{t('audit.ignoredTag')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('audit.col.detail'),
                  render: (_, f) => (
                    <span className="audit-detail" style={{ overflowWrap: 'anywhere' }}>
                      {pick(f, lang)}
                    </span>
                  ),
                },
                {
                  title: t('audit.col.choices'),
                  width: 330,
                  render: (_, f) => (
                    <FindingActions
                      finding={f}
                      role={role}
                      busy={busy === keyOf(f)}
                      onAct={(action) => void fix(f, action).catch(failed)}
                      onFile={() => setFiling({ finding: f, error: null })}
                    />
                  ),
                },
              ]}
            />
          )}
        </>
      )}
      {filing && (
        <FileFindingDialog
          finding={filing.finding}
          saving={busy === keyOf(filing.finding)}
          error={filing.error}
          onClose={() => setFiling(null)}
          onSave={(fields) =>
            void fix(filing.finding, 'file', fields).catch((e: unknown) =>
              setFiling({ finding: filing.finding, error: errorText(toApiError(e), lang) }),
            )
          }
        />
      )}
    </div>
  );
}
