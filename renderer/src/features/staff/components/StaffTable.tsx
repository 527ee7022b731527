import { Button, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatFen } from '../../../../../shared/money';
import type { StaffRow } from '../../../../../shared/contract/staff';
import { byNumber, byText } from '../../../components/table/sorting';
import { useT } from '../../../i18n';
import { useRoleLabel } from '../hooks/useRoleLabel';
import { StaffStatusTag } from './StaffStatusTag';

type Props = {
  rows: StaffRow[];
  loading: boolean;
  /** null: the person at the page may not edit staff, so no button is offered. */
  onEdit: ((row: StaffRow) => void) | null;
  onDeactivate: ((row: StaffRow) => void) | null;
  onReinstate: ((row: StaffRow) => void) | null;
  /** Owners who can sign in, when sign-in is on and the viewer may know (useSignInOwners); else null. */
  signInOwners: ReadonlySet<number> | null;
};

export function StaffTable({ rows, loading, signInOwners, onEdit, onDeactivate, onReinstate }: Props) {
  const t = useT();
  const roleLabel = useRoleLabel();
  // The only active owner cannot leave, nor (sign-in on) the only owner who can sign in: the
  // server refuses both; the button is off and says why.
  const activeOwners = rows.filter((r) => r.role === 'owner' && r.status !== 'left');
  const canSignIn = signInOwners ? activeOwners.filter((r) => signInOwners.has(r.id)) : [];
  const lastOwner: { id: number; why: string } | null =
    activeOwners.length === 1
      ? { id: activeOwners[0]!.id, why: t('staff.lastOwner') }
      : canSignIn.length === 1
        ? { id: canSignIn[0]!.id, why: t('staff.lastSignInOwner') }
        : null;
  const columns: TableColumnsType<StaffRow> = [
    {
      key: 'code',
      title: t('staff.code'),
      dataIndex: 'code',
      width: 110,
      sorter: (a, b) => a.code.localeCompare(b.code),
      defaultSortOrder: 'ascend',
    },
    { key: 'name', title: t('staff.name'), dataIndex: 'name', sorter: byText((r) => r.name) },
    { key: 'role', title: t('staff.role'), dataIndex: 'role', width: 100, render: roleLabel, sorter: byText((r) => r.role) },
    { key: 'hiredOn', title: t('staff.hiredOn'), dataIndex: 'hiredOn', width: 120, sorter: byText((r) => r.hiredOn) },
    // A clerk receives no salaries at all: the column is left out, not shown as a row of dashes.
    ...(rows.some((r) => r.baseSalaryFen !== undefined)
      ? [
          {
            key: 'baseSalary',
            title: t('staff.baseSalary'),
            dataIndex: 'baseSalaryFen',
            align: 'right' as const,
            width: 140,
            sorter: byNumber((r: StaffRow) => r.baseSalaryFen),
            render: (fen: number | undefined) => (
              <span className="money">{fen === undefined ? '—' : formatFen(fen, { symbol: true })}</span>
            ),
          },
        ]
      : []),
    { key: 'phone', title: t('staff.phone'), dataIndex: 'phone', width: 140 },
    {
      key: 'status',
      title: t('staff.status'),
      width: 170,
      sorter: byText((r) => r.status),
      render: (_, row) => (
        <Space size={4}>
          <StaffStatusTag row={row} />
          {row.leftOn && <Typography.Text type="secondary">{row.leftOn}</Typography.Text>}
        </Space>
      ),
    },
  ];
  if (onEdit || onDeactivate)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, row) => (
        <Space size={0}>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(row)}>
              {t('common.edit')}
            </Button>
          )}
          {row.status === 'left' ? (
            onReinstate && (
              <Button type="link" size="small" onClick={() => onReinstate(row)}>
                {t('staff.reinstate')}
              </Button>
            )
          ) : !onDeactivate ? null : row.id === lastOwner?.id ? (
            <Tooltip title={lastOwner.why}>
              <Button type="link" size="small" danger disabled>
                {t('staff.deactivate')}
              </Button>
            </Tooltip>
          ) : (
            <Button type="link" size="small" danger onClick={() => onDeactivate(row)}>
              {t('staff.deactivate')}
            </Button>
          )}
        </Space>
      ),
    });
  return (
    <Table<StaffRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('staff.empty') }}
      rowClassName={(row) => (row.status === 'left' ? 'row-left' : '')}
    />
  );
}
