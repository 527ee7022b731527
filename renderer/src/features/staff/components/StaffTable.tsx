import { Button, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatFen } from '../../../../../shared/money';
import type { StaffRow } from '../../../../../shared/contract/staff';
import { useT } from '../../../i18n';
import { useRoleLabel } from '../hooks/useRoleLabel';
import { StaffStatusTag } from './StaffStatusTag';

type Props = {
  rows: StaffRow[];
  loading: boolean;
  onEdit: (row: StaffRow) => void;
  onDeactivate: (row: StaffRow) => void;
  onReinstate: (row: StaffRow) => void;
};

export function StaffTable({ rows, loading, onEdit, onDeactivate, onReinstate }: Props) {
  const t = useT();
  const roleLabel = useRoleLabel();
  // The only active owner cannot leave (the server refuses it too); the button says why.
  const activeOwners = rows.filter((r) => r.role === 'owner' && r.status !== 'left');
  const lastOwnerId = activeOwners.length === 1 ? activeOwners[0]!.id : null;
  const columns: TableColumnsType<StaffRow> = [
    {
      key: 'code',
      title: t('staff.code'),
      dataIndex: 'code',
      width: 110,
      sorter: (a, b) => a.code.localeCompare(b.code),
      defaultSortOrder: 'ascend',
    },
    { key: 'name', title: t('staff.name'), dataIndex: 'name' },
    { key: 'role', title: t('staff.role'), dataIndex: 'role', width: 100, render: roleLabel },
    { key: 'hiredOn', title: t('staff.hiredOn'), dataIndex: 'hiredOn', width: 120 },
    {
      key: 'baseSalary',
      title: t('staff.baseSalary'),
      dataIndex: 'baseSalaryFen',
      align: 'right',
      width: 140,
      render: (fen: number | undefined) => (
        <span className="money">{fen === undefined ? '—' : formatFen(fen, { symbol: true })}</span>
      ),
    },
    { key: 'phone', title: t('staff.phone'), dataIndex: 'phone', width: 140 },
    {
      key: 'status',
      title: t('staff.status'),
      width: 170,
      render: (_, row) => (
        <Space size={4}>
          <StaffStatusTag row={row} />
          {row.leftOn && <Typography.Text type="secondary">{row.leftOn}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(row)}>
            {t('common.edit')}
          </Button>
          {row.status === 'left' ? (
            <Button type="link" size="small" onClick={() => onReinstate(row)}>
              {t('staff.reinstate')}
            </Button>
          ) : row.id === lastOwnerId ? (
            <Tooltip title={t('staff.lastOwner')}>
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
    },
  ];
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
