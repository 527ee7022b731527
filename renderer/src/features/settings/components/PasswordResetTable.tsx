import { App, Button, Form, Input, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { AccountRow } from '../../../../../shared/contract/auth';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { useFormApiError } from '../../../api/useFormApiError';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useRoleLabel } from '../../staff/hooks/useRoleLabel';

/**
 * The owner's list of sign-in accounts: who has a password, who is locked after failed
 * attempts, and a 设置密码 / 重设密码 button for each. Until an owner has a password only owners
 * can be given one (the server refuses the rest; the button says why). Owners are listed first
 * (the first password is theirs), and a search box finds a person by name or 工号 in a big office.
 */
export function PasswordResetTable({ signInOn, onChanged }: { signInOn: boolean; onChanged: () => void }) {
  const t = useT();
  const roleLabel = useRoleLabel();
  const accounts = useQuery('auth.accounts', {});
  const [editing, setEditing] = useState<AccountRow | null>(null);
  const [search, setSearch] = useState('');
  const all = accounts.data;
  const ownerCanSignIn = (all ?? []).some((r) => r.role === 'owner' && r.hasPassword);
  const rows = useMemo(() => ownersFirst(matching(all ?? [], search)), [all, search]);
  return (
    <>
      <ErrorAlert error={accounts.error} />
      {(all?.length ?? 0) > 10 && (
        <Input.Search
          allowClear
          placeholder={t('auth.searchPlaceholder')}
          aria-label={t('auth.searchPlaceholder')}
          data-testid="password-search"
          style={{ maxWidth: 280, marginBottom: 8 }}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      <Table<AccountRow>
        size="small"
        rowKey="staffId"
        loading={accounts.loading}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        data-testid="password-table"
        columns={[
          { key: 'name', title: t('staff.name'), render: (_, r) => `${r.name}(${r.code})` },
          { key: 'role', title: t('staff.role'), dataIndex: 'role', width: 100, render: roleLabel },
          {
            key: 'password',
            title: t('auth.password'),
            width: 180,
            render: (_, r) => (
              <>
                {r.hasPassword ? <Tag color="green">{t('auth.hasPassword')}</Tag> : <Tag>{t('auth.noPassword')}</Tag>}
                {r.lockedUntil && (
                  <Tag color="red">{t('auth.lockedUntil', { time: dayjs(r.lockedUntil).format('HH:mm:ss') })}</Tag>
                )}
              </>
            ),
          },
          {
            key: 'action',
            title: t('common.actions'),
            width: 130,
            render: (_, r) => {
              const blocked = r.role !== 'owner' && !ownerCanSignIn;
              const button = (
                <Button size="small" disabled={blocked} onClick={() => setEditing(r)}>
                  {r.hasPassword ? t('auth.reset') : t('auth.set')}
                </Button>
              );
              return blocked ? <Tooltip title={t('auth.ownerFirstShort')}>{button}</Tooltip> : button;
            },
          },
        ]}
      />
      {editing && (
        <SetPasswordModal
          row={editing}
          firstOwner={!signInOn && editing.role === 'owner'}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            accounts.refresh();
            onChanged();
          }}
        />
      )}
    </>
  );
}

/** People whose name or 工号 contains the search text (case-insensitive for 工号's letters). */
function matching(rows: readonly AccountRow[], search: string): AccountRow[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((r) => r.name.toLowerCase().includes(needle) || r.code.toLowerCase().includes(needle));
}

/** Owners before everyone else, keeping the server's order within each group. */
function ownersFirst(rows: AccountRow[]): AccountRow[] {
  return [...rows.filter((r) => r.role === 'owner'), ...rows.filter((r) => r.role !== 'owner')];
}

const PASSWORD_FIELD = ['password'] as const;

function SetPasswordModal({
  row,
  firstOwner,
  onClose,
  onDone,
}: {
  row: AccountRow;
  firstOwner: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const errors = useFormApiError(form, PASSWORD_FIELD);
  const [saving, setSaving] = useState(false);
  const save = async ({ password }: { password: string }): Promise<void> => {
    setSaving(true);
    try {
      await call('auth.setPassword', { staffId: row.staffId, password });
      void message.success(t('auth.setDone', { name: row.name }));
      onDone();
    } catch (error) {
      errors.show(toApiError(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('auth.setTitle', { name: row.name, code: row.code })}
      okText={row.hasPassword ? t('auth.reset') : t('auth.set')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={460}
    >
      <Typography.Paragraph type="secondary">{firstOwner ? t('auth.firstOwnerHint') : t('auth.resetHint')}</Typography.Paragraph>
      <ErrorAlert text={errors.general} />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} onValuesChange={errors.clear}>
        <Form.Item name="password" label={t('auth.next')} rules={[{ required: true, message: t('auth.next') }]}>
          <Input.Password autoComplete="new-password" autoFocus aria-label={t('auth.next')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
