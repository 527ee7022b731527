import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MonthPlans, PlanRow } from '../../../../../shared/contract/commission';
import { formatRateBp } from '../../../../../shared/commission/commission';
import { formatFen } from '../../../../../shared/money';
import { managesPerson, type Role } from '../../../../../shared/roles';
import { useAuth } from '../../../app/AuthContext';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useMutation } from '../../../api/useMutation';
import { useQuery } from '../../../api/useQuery';
import { useCan } from '../../../app/permissions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { byNumber, byText } from '../../../components/table/sorting';
import { pick, useLanguage, useT } from '../../../i18n';
import { useRoleLabel } from '../hooks/useRoleLabel';
import { PlanDialog } from './PlanDialog';
import { TiersDialog } from '../../commission/TiersDialog';
import { describeTiers, type Tier } from '../../../../../shared/commission/tiers';

const money = (fen: number | null | undefined) => (fen == null ? '—' : formatFen(fen));
type Person = MonthPlans['people'][number];
type Editing = { person: { staffId: number; name: string } | null; current: PlanRow | null };
type EditingTiers = {
  person: { staffId: number; name: string } | null;
  current: Tier[] | null;
  rateBp: number;
  multiplierPct: number;
};

/** 月度指标: the team default and each person's floor, target, rate and multiplier for a month. */
export function PlansTab() {
  const t = useT();
  const { lang } = useLanguage();
  const roleLabel = useRoleLabel();
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const query = useQuery('plans.get', { month });
  const [shown, setShown] = useState<MonthPlans | null>(null);
  const plans = shown?.month === month ? shown : query.data;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [editingTiers, setEditingTiers] = useState<EditingTiers | null>(null);
  const copy = useMutation('plans.copyPrevious');
  const clear = useMutation('plans.clear');
  // A salesperson reads the plans (their own floor and target); only managers change them.
  const canSet = useCan('plans.set');
  // A person's plan and tiers only where the core would allow it: a manager not on their own, a manager's or an owner's.
  const me = useAuth().state.me;
  const mayEdit = (p: Person) =>
    managesPerson(me ? { role: me.role, staffId: me.staffId } : { role: 'owner', staffId: null }, {
      id: p.staffId,
      role: p.role,
    });

  const saved = (next: MonthPlans, text: string) => {
    setShown(next);
    setEditing(null);
    setEditingTiers(null);
    void message.success(text);
  };
  const failed = (caught: unknown) => void message.error(errorText(toApiError(caught), lang));
  const columns: TableColumnsType<Person> = [
    { key: 'code', title: t('perf.col.code'), dataIndex: 'code', width: 90, sorter: byText((p) => p.code) },
    { key: 'name', title: t('perf.col.name'), dataIndex: 'name', width: 110, sorter: byText((p) => p.name) },
    {
      key: 'role',
      title: t('perf.col.role'),
      dataIndex: 'role',
      width: 90,
      render: (r: Role) => roleLabel(r),
      sorter: byText((p) => p.role),
    },
    {
      key: 'floor',
      title: t('plans.floor'),
      align: 'right',
      render: (_, p) => money(p.effective.floorFen),
      sorter: byNumber((p) => p.effective.floorFen),
    },
    {
      key: 'target',
      title: t('plans.target'),
      align: 'right',
      render: (_, p) => money(p.effective.targetFen),
      sorter: byNumber((p) => p.effective.targetFen),
    },
    {
      key: 'rate',
      title: t('plans.rate'),
      align: 'right',
      render: (_, p) => formatRateBp(p.effective.rateBp),
      sorter: byNumber((p) => p.effective.rateBp),
    },
    { key: 'multiplier', title: t('plans.multiplier'), align: 'right', render: (_, p) => `${p.effective.multiplierPct / 100}×` },
    {
      key: 'source',
      title: t('plans.source'),
      render: (_, p) => (
        <Space size={4}>
          <Tag color={p.effective.source === 'person' ? 'purple' : p.effective.source === 'team' ? 'blue' : 'default'}>
            {t(`plans.source.${p.effective.source}`)}
          </Tag>
          {p.effective.leaveReason && <Tag color="orange">{p.effective.leaveReason}</Tag>}
          {p.tiers && (
            <Tag color="geekblue" title={pick(describeTiers(p.tiers), lang)}>
              {t('tiers.tag')}
            </Tag>
          )}
        </Space>
      ),
    },
  ];
  if (canSet)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, p) =>
        !mayEdit(p) ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              disabled={plans?.closed === true}
              onClick={() => setEditing({ person: { staffId: p.staffId, name: p.name }, current: p.override })}
            >
              {t('plans.editPerson')}
            </Button>
            {p.override && (
              <Button
                type="link"
                size="small"
                disabled={plans?.closed === true}
                onClick={() =>
                  void clear.run({ month, staffId: p.staffId }).then((next) => saved(next, t('plans.saved')), failed)
                }
              >
                {t('plans.clearPerson')}
              </Button>
            )}
            <Button
              type="link"
              size="small"
              disabled={plans?.closed === true}
              onClick={() =>
                setEditingTiers({
                  person: { staffId: p.staffId, name: p.name },
                  current: p.ownTiers,
                  rateBp: p.effective.rateBp,
                  multiplierPct: p.effective.multiplierPct,
                })
              }
            >
              {t('tiers.button')}
            </Button>
          </Space>
        ),
    });

  return (
    <div data-testid="plans-tab">
      <div className="perf-toolbar">
        <Space>
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label={t('perf.month')}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          {plans && <Tag color={plans.closed ? 'green' : 'blue'}>{plans.closed ? t('perf.closed') : t('perf.open')}</Tag>}
        </Space>
        {canSet && (
          <Button
            icon={<CopyOutlined />}
            disabled={!plans || plans.closed}
            loading={copy.running}
            onClick={() => void copy.run({ month }).then((next) => saved(next, t('plans.copied')), failed)}
          >
            {t('plans.copyPrevious')}
          </Button>
        )}
      </div>
      <ErrorAlert error={query.error} />
      {plans?.closed && <Typography.Paragraph type="secondary">{t('plans.closedHint')}</Typography.Paragraph>}
      <Card
        size="small"
        title={t('plans.team')}
        className="detail-card"
        extra={
          canSet && (
            <Space>
              <Button
                size="small"
                disabled={!plans || plans.closed}
                onClick={() =>
                  setEditingTiers({
                    person: null,
                    current: plans?.teamTiers ?? null,
                    rateBp: plans?.team?.rateBp ?? 0,
                    multiplierPct: plans?.team?.multiplierPct ?? 200,
                  })
                }
              >
                {t('tiers.button')}
              </Button>
              <Button
                size="small"
                icon={<EditOutlined />}
                disabled={!plans || plans.closed}
                onClick={() => setEditing({ person: null, current: plans?.team ?? null })}
              >
                {t('plans.editTeam')}
              </Button>
            </Space>
          )
        }
      >
        {plans?.team ? (
          <Descriptions size="small" column={4} data-testid="team-plan">
            <Descriptions.Item label={t('plans.floor')}>{money(plans.team.floorFen)}</Descriptions.Item>
            <Descriptions.Item label={t('plans.target')}>{money(plans.team.targetFen)}</Descriptions.Item>
            <Descriptions.Item label={t('plans.rate')}>
              {plans.team.rateBp == null ? '—' : formatRateBp(plans.team.rateBp)}
            </Descriptions.Item>
            <Descriptions.Item label={t('plans.multiplier')}>
              {plans.team.multiplierPct == null ? '2×' : `${plans.team.multiplierPct / 100}×`}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('plans.teamNone')}</Typography.Text>
        )}
        {plans?.teamTiers && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="team-tiers">
            <Tag color="geekblue">{t('tiers.tag')}</Tag>
            {pick(describeTiers(plans.teamTiers), lang)}
          </Typography.Paragraph>
        )}
      </Card>
      <Table<Person>
        size="small"
        rowKey="staffId"
        pagination={false}
        loading={query.loading && !plans}
        dataSource={plans?.people ?? []}
        style={{ marginTop: 16 }}
        columns={columns}
      />
      {editingTiers && (
        <TiersDialog
          month={month}
          person={editingTiers.person}
          current={editingTiers.current}
          preset={{ rateBp: editingTiers.rateBp, multiplierPct: editingTiers.multiplierPct }}
          onSaved={(next) => saved(next, t('tiers.saved'))}
          onClose={() => setEditingTiers(null)}
        />
      )}
      {editing && (
        <PlanDialog
          month={month}
          person={editing.person}
          current={editing.current}
          onSaved={(next) => saved(next, t('plans.saved'))}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
