import { Typography } from 'antd';
import { useState } from 'react';
import type { AuditFinding, DocFields, KindRow } from '../../../../../shared/contract/archive';
import { FormDialog } from '../../../components/FormDialog';
import { useQuery } from '../../../api/useQuery';
import { useT } from '../../../i18n';
import { DocFieldsForm } from './DocFieldsForm';

/** The file's name without its folders and extension: the title a filing starts with. */
function stemOf(relPath: string): { name: string; stem: string } {
  const name = relPath.split('/').pop() ?? relPath;
  const dot = name.lastIndexOf('.');
  return { name, stem: dot > 0 ? name.slice(0, dot) : name };
}

/** A loose file in a 母目录's folder is most likely of that kind: proposed, not imposed. */
function kindOfFolder(kinds: readonly KindRow[], relPath: string): number | null {
  const top = relPath.split('/')[0];
  return kinds.find((k) => k.parentId === null && k.name === top)?.id ?? null;
}

/**
 * "归档到此…" for a loose file (or "补充分类与客户…" for a record with none): kind, client,
 * contract, date and title, then archive.fix { action: 'file', fields }.
 */
export function FileFindingDialog({
  finding,
  saving,
  error,
  onSave,
  onClose,
}: {
  finding: AuditFinding;
  saving: boolean;
  error: string | null;
  onSave: (fields: DocFields) => void;
  onClose: () => void;
}) {
  const t = useT();
  const kinds = useQuery('archive.kinds');
  const { name, stem } = stemOf(finding.relPath);
  const unlinked = finding.kind === 'unlinked';
  const [fields, setFields] = useState<DocFields | null>(null);
  const shown: DocFields = fields ?? {
    kindId: unlinked ? null : kindOfFolder(kinds.data ?? [], finding.relPath),
    clientId: null,
    contractId: null,
    ...(unlinked ? {} : { title: stem }),
  };
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    if (unlinked && shown.kindId === null && shown.clientId === null && shown.contractId === null) {
      setProblem(t('audit.fileNeedsLink'));
      return;
    }
    onSave(shown);
  };
  return (
    <FormDialog
      title={t(unlinked ? 'audit.unlinkedTitle' : 'audit.fileTitle', { name })}
      saving={saving}
      error={problem ?? error}
      onOk={save}
      onClose={onClose}
      width={760}
    >
      <Typography.Paragraph type="secondary">{t('audit.fileHint')}</Typography.Paragraph>
      <div data-testid="file-finding-form">
        <DocFieldsForm value={shown} onChange={(v) => (setProblem(null), setFields(v))} withTitle={!unlinked} />
      </div>
    </FormDialog>
  );
}
