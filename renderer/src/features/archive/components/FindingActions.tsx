import { App, Button, Space, Typography } from 'antd';
import { MANAGER_FIX_ACTIONS, type AuditFinding, type FixAction } from '../../../../../shared/contract/archive';
import type { Role } from '../../../../../shared/roles';
import { useT } from '../../../i18n';
import type { MessageKey } from '../../../i18n/types';

const LABEL: Record<FixAction, MessageKey> = {
  file: 'audit.action.file',
  trash: 'audit.action.trash',
  relink: 'audit.action.relink',
  refile: 'audit.action.refile',
  accept: 'audit.action.accept',
  ignore: 'audit.action.ignore',
  unignore: 'audit.action.unignore',
};

/** The choices a finding offers this person (accepting and ignoring are a manager's or the owner's). */
export function choicesFor(finding: AuditFinding, role: Role | null): FixAction[] {
  const manager = role === 'owner' || role === 'manager';
  return finding.actions.filter((a) => manager || !MANAGER_FIX_ACTIONS.includes(a));
}

/**
 * One button per choice. Moving to the trash and accepting changed content ask first; filing opens
 * its form (the parent's); the rest act at once and can be undone (trash → restore, ignore → report again).
 */
export function FindingActions({
  finding,
  role,
  busy,
  onAct,
  onFile,
}: {
  finding: AuditFinding;
  role: Role | null;
  busy: boolean;
  onAct: (action: FixAction) => void;
  onFile: () => void;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const choices = choicesFor(finding, role);
  const ask = (action: 'trash' | 'accept') =>
    modal.confirm({
      title: t(action === 'trash' ? 'audit.trashTitle' : 'audit.acceptTitle'),
      content: t(action === 'trash' ? 'audit.trashBody' : 'audit.acceptBody', { path: finding.relPath }),
      okText: t(LABEL[action]),
      okButtonProps: { danger: action === 'trash' },
      cancelText: t('common.cancel'),
      onOk: () => onAct(action),
    });
  if (choices.length === 0) return <Typography.Text type="secondary">{t('audit.managerOnly')}</Typography.Text>;
  return (
    <Space wrap size={[6, 6]}>
      {choices.map((action) => {
        const label = action === 'file' && finding.kind === 'unlinked' ? t('audit.action.fileUnlinked') : t(LABEL[action]);
        const click = () => {
          if (action === 'file') onFile();
          else if (action === 'trash' || action === 'accept') ask(action);
          else onAct(action);
        };
        return (
          <Button
            key={action}
            size="small"
            type={action === 'file' || action === 'relink' || action === 'refile' ? 'primary' : 'default'}
            danger={action === 'trash'}
            disabled={busy}
            onClick={click}
          >
            {label}
          </Button>
        );
      })}
    </Space>
  );
}
