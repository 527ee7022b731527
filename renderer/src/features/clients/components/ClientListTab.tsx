import { ImportOutlined, PlusOutlined, ReloadOutlined, RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { useCan } from '../../../app/permissions';
import { navigate } from '../../../app/useHashPath';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ExportButton } from '../../../components/import/ExportButton';
import { useT } from '../../../i18n';
import { useClientWindow } from '../hooks/useClientWindow';
import { useRememberedState } from '../../../hooks/useRememberedState';
import { ClientFiltersBar, DEFAULT_CLIENT_SORT, type ListFilters } from './ClientFiltersBar';
import { ClientFormModal } from './ClientFormModal';
import { ReassignModal } from './ReassignModal';
import { PutBackModal } from '../../pool/PutBackModal';
import { VirtualClientTable } from './VirtualClientTable';

// v2: the list now opens newest first; an older remembered "oldest first" is not carried over.
const FILTERS_KEY = 'mdt.clients.filters.v2';

/** 客户档案 list: remembered filters, a virtual table over every client, add, export, reassign. */
export function ClientListTab() {
  const t = useT();
  const [filters, setFilters] = useRememberedState<ListFilters>(FILTERS_KEY, {
    search: '',
    sort: DEFAULT_CLIENT_SORT,
  });
  const canExport = useCan('clients.export');
  const canReassign = useCan('clients.reassign');
  const canImport = useCan('clients.import');
  const canPutBack = useCan('pool.putBack');
  // Nothing filtered and still nothing: a new office. Invite the first 登记 or 导入 instead of "no match".
  const filtered = Object.entries(filters).some(([k, v]) => k !== 'sort' && v !== undefined && v !== '');
  const data = useClientWindow(filters);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<'create' | 'reassign' | 'putBack' | null>(null);

  const changeFilters = useCallback(
    (next: ListFilters) => {
      setSelected(new Set());
      setFilters(next);
    },
    [setFilters],
  );
  const toggle = useCallback((id: number) => {
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  return (
    <>
      <div className="toolbar">
        <ClientFiltersBar value={filters} onChange={changeFilters} />
      </div>
      <div className="toolbar">
        <Space size="middle">
          <Typography.Text type="secondary" data-testid="client-count">
            {t('clients.count', { count: data.total })}
          </Typography.Text>
          {selected.size > 0 && (
            <Space size={4}>
              <Typography.Text>{t('clients.selected', { count: selected.size })}</Typography.Text>
              <Button type="link" size="small" onClick={() => setSelected(new Set())}>
                {t('clients.clearSelection')}
              </Button>
            </Space>
          )}
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={data.refresh} aria-label={t('common.refresh')} />
          {canExport && (
            <ExportButton
              run={(format) => {
                const { sort, ...rest } = filters;
                return call('clients.export', { filters: { ...rest, ...(sort ? { sort } : {}) }, format });
              }}
            />
          )}
          {canReassign && (
            <Button icon={<SwapOutlined />} onClick={() => setDialog('reassign')}>
              {t('clients.reassign')}
            </Button>
          )}
          {canPutBack && (
            <Button icon={<RollbackOutlined />} onClick={() => setDialog('putBack')}>
              {t('pool.putBack')}
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            {t('clients.add')}
          </Button>
        </Space>
      </div>
      <ErrorAlert error={data.error} />
      <VirtualClientTable
        window={data}
        selected={canReassign || canPutBack ? selected : null}
        onToggle={toggle}
        onOpen={(row) => navigate(['clients', String(row.id)])}
        sort={filters.sort ?? DEFAULT_CLIENT_SORT}
        onSort={(sort) => changeFilters({ ...filters, sort })}
        empty={
          filtered ? undefined : (
            <div className="client-first-run" data-testid="clients-first-run">
              <Empty
                description={
                  <>
                    <Typography.Title level={5}>{t('clients.firstRunTitle')}</Typography.Title>
                    <Typography.Text type="secondary">{t('clients.firstRunText')}</Typography.Text>
                  </>
                }
              >
                <Space>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
                    {t('clients.add')}
                  </Button>
                  {canImport && (
                    <Button icon={<ImportOutlined />} onClick={() => navigate(['clients', 'import'])}>
                      {t('clients.firstRunImport')}
                    </Button>
                  )}
                </Space>
              </Empty>
            </div>
          )
        }
      />
      {dialog === 'create' && (
        <ClientFormModal
          client={null}
          onClose={() => setDialog(null)}
          onSaved={(client) => {
            setDialog(null);
            data.refresh();
            navigate(['clients', String(client.id)]);
          }}
        />
      )}
      {dialog === 'putBack' && (
        <PutBackModal
          clientIds={[...selected]}
          filters={(({ sort: _sort, ...rest }) => rest)(filters)}
          filteredCount={data.total}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setSelected(new Set());
            data.refresh();
          }}
        />
      )}
      {dialog === 'reassign' && (
        <ReassignModal
          clientIds={[...selected]}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setSelected(new Set());
            data.refresh();
          }}
        />
      )}
    </>
  );
}
