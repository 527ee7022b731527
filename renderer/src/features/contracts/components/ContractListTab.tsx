import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import {
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  type ContractSort,
  type ContractStatus,
} from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { call } from '../../../api/client';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/import/ExportButton';
import { useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';
import { useRememberedState } from '../../../hooks/useRememberedState';
import { useStaffOptions } from '../../../hooks/useStaffOptions';
import { useContractActions } from '../hooks/useContractActions';
import { ContractDialogs } from './ContractDialogs';
import { useCan } from '../../../app/permissions';
import { ContractTable } from './ContractTable';

type Filters = { search: string; status?: ContractStatus; staffId?: number; unpaidOnly: boolean; sort?: ContractSort };
const PAGE = 50;

/** 合同列表: filters, totals of what is due, payments under each row, export. */
export function ContractListTab() {
  const t = useT();
  const label = useLabel();
  const staff = useStaffOptions();
  const [filters, setFilters] = useRememberedState<Filters>('mdt.contracts.filters', { search: '', unpaidOnly: false });
  const [search, setSearch] = useState(filters.search);
  const [page, setPage] = useState(1);
  const list = useQuery('contracts.list', { ...filters, offset: (page - 1) * PAGE, limit: PAGE });
  const actions = useContractActions(list.refresh);
  const change = (next: Filters): void => {
    setPage(1);
    setFilters(next);
  };
  const totals = list.data?.totals;
  const canExport = useCan('contracts.export');

  return (
    <>
      <div className="toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            className="client-search"
            placeholder={t('contracts.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => change({ ...filters, search: v })}
            aria-label={t('clients.search')}
          />
          <Select
            allowClear
            className="filter-select"
            placeholder={t('contracts.status')}
            value={filters.status}
            options={CONTRACT_STATUSES.map((s) => ({ value: s, label: label(CONTRACT_STATUS_LABELS[s]) }))}
            onChange={(v?: ContractStatus) => {
              const { status: _s, ...rest } = filters;
              change(v ? { ...rest, status: v } : rest);
            }}
          />
          <Select
            allowClear
            className="filter-select"
            placeholder={t('contracts.staff')}
            value={filters.staffId}
            options={staff.options}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            onChange={(v?: number) => {
              const { staffId: _s, ...rest } = filters;
              change(v ? { ...rest, staffId: v } : rest);
            }}
          />
          <label className="switch-label">
            <Switch size="small" checked={filters.unpaidOnly} onChange={(v) => change({ ...filters, unpaidOnly: v })} />
            <span>{t('contracts.unpaidOnly')}</span>
          </label>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.refresh} aria-label={t('common.refresh')} />
          {canExport && <ExportButton run={(format) => call('contracts.export', { filters, format })} />}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => actions.setDialog({ kind: 'create' })}>
            {t('contracts.add')}
          </Button>
        </Space>
      </div>
      {totals && (
        <Typography.Paragraph type="secondary" data-testid="contract-totals">
          {t('contracts.totals', {
            count: list.data?.total ?? 0,
            amount: formatFen(totals.amountFen),
            paid: formatFen(totals.paidFen),
            balance: formatFen(totals.balanceFen),
          })}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={list.error} />
      <ContractTable
        rows={list.data?.rows ?? []}
        loading={list.loading}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        {...(filters.sort ? { sort: filters.sort } : {})}
        onSort={(sort) => change({ ...filters, sort })}
        onPay={(row) => actions.setDialog({ kind: 'pay', row })}
        onEdit={(row) => actions.setDialog({ kind: 'edit', row })}
        onRenew={actions.renew}
        onChanged={list.refresh}
      />
      <ContractDialogs
        dialog={actions.dialog}
        onClose={() => actions.setDialog(null)}
        onSaved={() => {
          actions.setDialog(null);
          list.refresh();
        }}
      />
    </>
  );
}
