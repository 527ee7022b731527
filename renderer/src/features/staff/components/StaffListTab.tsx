import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { StaffRow } from '../../../../../shared/contract/staff';
import { useCan } from '../../../app/permissions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useSignInOwners } from '../hooks/useSignInOwners';
import { useStaffList } from '../hooks/useStaffList';
import { DeactivateModal } from './DeactivateModal';
import { ReinstateModal } from './ReinstateModal';
import { StaffFormModal } from './StaffFormModal';
import { StaffTable } from './StaffTable';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; row: StaffRow }
  | { kind: 'deactivate'; row: StaffRow }
  | { kind: 'reinstate'; row: StaffRow }
  | null;

/** 员工名单: the table, its filter and the add / edit / leave dialogs. */
export function StaffListTab() {
  const t = useT();
  const [includeLeft, setIncludeLeft] = useState(false);
  const staff = useStaffList(includeLeft);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canAdd = useCan('staff.create');
  const canEdit = useCan('staff.update');
  const canDeactivate = useCan('staff.deactivate');
  const canReinstate = useCan('staff.reinstate');
  const rows = staff.data ?? [];
  const signInOwners = useSignInOwners(useCan('auth.accounts') && canDeactivate, staff.data);
  const close = (): void => setDialog(null);
  const saved = (): void => {
    setDialog(null);
    staff.refresh();
  };

  return (
    <>
      <div className="toolbar">
        <Space size="middle">
          <label className="switch-label">
            <Switch checked={includeLeft} onChange={setIncludeLeft} size="small" />
            <span>{t('staff.showLeft')}</span>
          </label>
          <Typography.Text type="secondary">{t('staff.count', { count: rows.length })}</Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={staff.refresh} aria-label={t('common.refresh')} />
          {canAdd && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('staff.add')}
            </Button>
          )}
        </Space>
      </div>
      <ErrorAlert error={staff.error} />
      <StaffTable
        rows={rows}
        loading={staff.loading}
        signInOwners={signInOwners}
        onEdit={canEdit ? (row) => setDialog({ kind: 'edit', row }) : null}
        onDeactivate={canDeactivate ? (row) => setDialog({ kind: 'deactivate', row }) : null}
        onReinstate={canReinstate ? (row) => setDialog({ kind: 'reinstate', row }) : null}
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <StaffFormModal row={dialog.kind === 'edit' ? dialog.row : null} onClose={close} onSaved={saved} />
      )}
      {dialog?.kind === 'deactivate' && <DeactivateModal row={dialog.row} onClose={close} onDone={saved} />}
      {dialog?.kind === 'reinstate' && <ReinstateModal row={dialog.row} onClose={close} onDone={saved} />}
    </>
  );
}
