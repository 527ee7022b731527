import { ReloadOutlined, SettingOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { PoolRow } from '../../../../shared/contract/pool';
import {
  LEVELS,
  LEVEL_LABELS,
  SOURCES,
  SOURCE_LABELS,
  type ClientLevel,
  type ClientSource,
} from '../../../../shared/clients/classification';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage, useT } from '../../i18n';
import { useLabel } from '../../hooks/useLabel';
import { AssignPoolModal } from './AssignPoolModal';
import { PoolRulesDrawer } from './PoolRulesDrawer';
import { useMe } from './useMe';

const PAGE = 50;

/**
 * 公海: clients nobody owns. Everyone who holds clients claims within the caps; managers assign,
 * set the rules and apply them now. A salesperson's rows carry no contacts (the core leaves them out).
 */
export function PoolTab() {
  const t = useT();
  const { lang } = useLanguage();
  const label = useLabel();
  const { message } = App.useApp();
  const me = useMe();
  const [search, setSearch] = useState('');
  const [level, setLevel] = useState<ClientLevel | undefined>();
  const [source, setSource] = useState<ClientSource | undefined>();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<'assign' | 'rules' | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useQuery('pool.list', {
    search,
    ...(level ? { level } : {}),
    ...(source ? { source } : {}),
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });
  const summary = useQuery('pool.summary');
  const refresh = (): void => {
    list.refresh();
    summary.refresh();
  };
  const failed = (error: unknown): void => void message.error(errorText(toApiError(error), lang));

  const claim = async (ids: number[]): Promise<void> => {
    setBusy(true);
    try {
      const done = await call('pool.claim', { clientIds: ids });
      void message.success(t('pool.claimed', { count: done.claimed }));
      setSelected([]);
      refresh();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };
  const runNow = async (): Promise<void> => {
    setBusy(true);
    try {
      const done = await call('pool.run', {});
      void message.success(t('pool.ran', { returned: done.returned, warned: done.warned }));
      refresh();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const rows = list.data?.rows ?? [];
  const canClaim = me.role !== 'clerk' && me.staffId !== null;
  const columns: TableColumnsType<PoolRow> = [
    { key: 'name', title: t('pool.col.name'), dataIndex: 'name', ellipsis: true, width: 200, fixed: 'left' },
    {
      key: 'region',
      title: t('pool.col.region'),
      width: 150,
      ellipsis: true,
      render: (_, r) => [r.province, r.city, r.district].filter(Boolean).join(' ') || '—',
    },
    { key: 'level', title: t('pool.col.level'), width: 80, render: (_, r) => LEVEL_LABELS[r.level].short },
    { key: 'source', title: t('pool.col.source'), width: 130, ellipsis: true, render: (_, r) => label(SOURCE_LABELS[r.source]) },
    {
      key: 'last',
      title: t('pool.col.lastFollowUp'),
      width: 110,
      render: (_, r) => r.lastFollowUpOn ?? <span className="muted">{t('pool.never')}</span>,
    },
    {
      key: 'since',
      title: t('pool.col.since'),
      width: 110,
      render: (_, r) => (r.poolSince ? dayjs(r.poolSince).format('YYYY-MM-DD') : '—'),
    },
    ...(me.isManager
      ? [
          {
            key: 'former',
            title: t('pool.col.formerOwner'),
            width: 100,
            render: (_: unknown, r: PoolRow) => r.formerOwnerName || '—',
          },
        ]
      : []),
    {
      key: 'contacts',
      title: t('pool.col.contacts'),
      width: 190,
      ellipsis: true,
      render: (_, r) =>
        r.contacts ? (
          [r.contacts.contactName, ...r.contacts.phones].filter(Boolean).join(' · ') || '—'
        ) : (
          <span className="muted">{t('pool.hiddenContacts')}</span>
        ),
    },
    ...(canClaim
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_: unknown, r: PoolRow) => (
              <Button type="link" size="small" disabled={busy} onClick={() => void claim([r.id])}>
                {t('pool.claim')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const s = summary.data;
  return (
    <div data-testid="pool-tab">
      <div className="toolbar">
        <Space wrap>
          <Input.Search
            allowClear
            className="client-search"
            placeholder={t('pool.search')}
            onSearch={(v) => {
              setPage(1);
              setSearch(v.trim());
            }}
          />
          <Select
            allowClear
            className="filter-select"
            placeholder={t('pool.col.level')}
            value={level}
            onChange={(v) => (setPage(1), setLevel(v))}
            options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l].short }))}
          />
          <Select
            allowClear
            className="filter-select"
            placeholder={t('pool.col.source')}
            value={source}
            onChange={(v) => (setPage(1), setSource(v))}
            options={SOURCES.map((x) => ({ value: x, label: label(SOURCE_LABELS[x]) }))}
          />
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refresh} aria-label={t('common.refresh')} />
          {me.isManager && (
            <>
              <Button icon={<ThunderboltOutlined />} loading={busy} onClick={() => void runNow()}>
                {t('pool.runNow')}
              </Button>
              <Button icon={<SettingOutlined />} onClick={() => setDialog('rules')}>
                {t('pool.rules')}
              </Button>
              <Button disabled={selected.length === 0} onClick={() => setDialog('assign')}>
                {t('pool.assign')}
              </Button>
            </>
          )}
          {canClaim && (
            <Button type="primary" disabled={selected.length === 0 || busy} onClick={() => void claim(selected)}>
              {t('pool.claimSelected', { count: selected.length })}
            </Button>
          )}
        </Space>
      </div>
      {s && (
        <div className="toolbar" data-testid="pool-summary">
          <Space wrap size="middle">
            <Typography.Text strong>{t('pool.size', { count: s.poolSize })}</Typography.Text>
            {s.mine && (
              <Typography.Text>
                {t('pool.mine', {
                  claimed: s.mine.claimedToday,
                  cap: s.mine.dailyClaimCap === null ? '' : t('pool.capOf', { cap: s.mine.dailyClaimCap }),
                  holding: s.mine.holding,
                  holdCap: s.mine.holdingCap === null ? '' : t('pool.capOf', { cap: s.mine.holdingCap }),
                })}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">
              {s.lastRun ? t('pool.lastRun', { asOf: s.lastRun.asOf, returned: s.lastRun.returned }) : t('pool.neverRun')}
            </Typography.Text>
            {!s.autoReturn && <Tag>{t('pool.autoOff')}</Tag>}
          </Space>
        </div>
      )}
      <ErrorAlert error={list.error} />
      <Table<PoolRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        {...(canClaim || me.isManager
          ? { rowSelection: { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } }
          : {})}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => (setPage(p), setSelected([])),
        }}
        scroll={{ x: 1250 }}
        locale={{ emptyText: t('pool.empty') }}
      />
      {dialog === 'assign' && (
        <AssignPoolModal
          clientIds={selected}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setSelected([]);
            refresh();
          }}
        />
      )}
      {dialog === 'rules' && <PoolRulesDrawer onClose={() => (setDialog(null), refresh())} />}
    </div>
  );
}
