import { Card, Checkbox, Descriptions, Empty, Input, Progress, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatRateBp } from '../../../../shared/commission/commission';
import { projectStanding, type Projection } from '../../../../shared/commission/standing';
import { describeTiers } from '../../../../shared/commission/tiers';
import type { ScheduledPayment, Standing } from '../../../../shared/contract/statements';
import { formatFen, parseYuanToFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { pick, type Lang, type Translate, useLanguage, useT } from '../../i18n';
import { useLabel } from '../../hooks/useLabel';
import { useStaffOptions } from '../../hooks/useStaffOptions';
import { useMyRole } from './useMyRole';
import './commission.css';

const STATUS_COLOR = { ok: 'green', warning: 'gold', dismissal_due: 'red' } as const;
const yuan = (fen: number) => `¥${formatFen(fen)}`;

/**
 * 业绩测算 (#/standing): where a salesperson stands this month — credited sales, the gap to the
 * floor and the target, commission so far — and "if ¥X more is collected", worked out in the page
 * with the very rule the sheet uses. Managers and the owner choose whose month to look at.
 */
export function StandingPage() {
  const t = useT();
  const me = useMyRole();
  const staff = useStaffOptions();
  const [chosen, setChosen] = useState<number | null>(null);
  const staffId = me.role === 'salesperson' ? me.staffId : (chosen ?? me.staffId);
  const query = useQuery('standing.get', staffId ? { staffId } : {});
  const picker = me.isManager && (
    <Select
      aria-label={t('standing.person')}
      placeholder={t('standing.choose')}
      style={{ width: 220 }}
      showSearch={{ optionFilterProp: 'label' }}
      options={staff.options}
      value={staffId}
      onChange={(v: number) => setChosen(v)}
    />
  );
  const s = query.data;
  return (
    <Page title={s ? t('standing.title', { month: s.month }) : t('nav.standing')} extra={picker}>
      {me.role === 'clerk' ? (
        <Typography.Paragraph type="secondary">{t('perf.noPay')}</Typography.Paragraph>
      ) : !staffId && me.isManager ? (
        <Empty description={t('standing.choose')} />
      ) : (
        <>
          <ErrorAlert error={query.error} />
          {s && <StandingView key={s.staffId} standing={s} />}
        </>
      )}
    </Page>
  );
}

function StandingView({ standing: s }: { standing: Standing }) {
  const t = useT();
  const { lang } = useLanguage();
  const label = useLabel();
  const [extraText, setExtraText] = useState('');
  const [withScheduled, setWithScheduled] = useState(false);
  const now = projectStanding(s.terms, s.salesFen);
  const scheduledFen = s.scheduled.reduce((sum, p) => sum + p.creditFen, 0);
  const extraFen = extraText.trim() ? parseYuanToFen(extraText) : 0;
  const projected = useMemo(
    () => (extraFen === null ? null : projectStanding(s.terms, s.salesFen + extraFen + (withScheduled ? scheduledFen : 0))),
    [s, extraFen, withScheduled, scheduledFen],
  );
  const pay = (p: Projection) => s.fixedPayFen + p.commission.totalFen + s.bonusFen - s.deductionFen;
  const target = s.terms.targetFen;
  const percent = target ? Math.round((s.salesFen / target) * 100) : null;
  return (
    <div className="standing" data-testid="standing">
      <div className="standing-grid">
        <Card size="small">
          <Statistic title={t('standing.sales')} value={yuan(s.salesFen)} />
          {percent !== null && (
            <Progress
              percent={Math.min(100, percent)}
              success={{ percent: s.terms.floorFen && target ? Math.min(100, Math.round((s.terms.floorFen / target) * 100)) : 0 }}
              format={() => `${percent}%`}
            />
          )}
        </Card>
        <Card size="small">
          <Statistic title={t('standing.toFloor')} value={gapText(now.gapToFloorFen, t)} />
        </Card>
        <Card size="small">
          <Statistic title={t('standing.toTarget')} value={gapText(now.gapToTargetFen, t)} />
        </Card>
        <Card size="small">
          <Statistic title={t('standing.commission')} value={yuan(now.commission.totalFen)} />
        </Card>
        <Card size="small">
          <Statistic title={t('standing.pay')} value={yuan(pay(now))} />
          <Typography.Text type="secondary">
            {t('standing.bonus', { bonus: yuan(s.bonusFen), deduction: yuan(s.deductionFen) })}
          </Typography.Text>
        </Card>
        <Card size="small">
          <Statistic
            title={t('standing.status')}
            valueRender={() => <Tag color={STATUS_COLOR[now.status]}>{t(`perf.status.${now.status}`)}</Tag>}
            value={now.status}
          />
        </Card>
      </div>
      <Typography.Paragraph type="secondary" className="standing-rule">
        {t('standing.rule', { rule: ruleText(s, lang, t) })}
        {s.exemption && ` · ${t('standing.exempt', { why: label(s.exemption) })}`}
      </Typography.Paragraph>

      <div className="standing-columns">
        <Card size="small" title={t('standing.whatIf')} data-testid="what-if">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input
              aria-label={t('standing.extra')}
              prefix="¥"
              placeholder={t('standing.extra')}
              inputMode="decimal"
              style={{ maxWidth: 260 }}
              value={extraText}
              status={extraFen === null ? 'error' : ''}
              onChange={(e) => setExtraText(e.target.value)}
            />
            {extraFen === null && <Typography.Text type="danger">{t('standing.extraInvalid')}</Typography.Text>}
            <Checkbox checked={withScheduled} disabled={!scheduledFen} onChange={(e) => setWithScheduled(e.target.checked)}>
              {t('standing.withScheduled', { amount: formatFen(scheduledFen) })}
            </Checkbox>
            {projected && (
              <Descriptions size="small" column={1} bordered title={t('standing.projected')} data-testid="projection">
                <Descriptions.Item label={t('standing.projectedSales')}>{yuan(projected.salesFen)}</Descriptions.Item>
                <Descriptions.Item label={t('standing.toFloor')}>{gapText(projected.gapToFloorFen, t)}</Descriptions.Item>
                <Descriptions.Item label={t('standing.toTarget')}>{gapText(projected.gapToTargetFen, t)}</Descriptions.Item>
                <Descriptions.Item label={t('perf.col.commission')}>
                  {yuan(projected.commission.totalFen)}
                  <Typography.Text type="secondary">
                    {' '}
                    ({t('perf.col.withinTarget')} {formatFen(projected.commission.withinTargetFen)} · {t('perf.col.aboveTarget')}{' '}
                    {formatFen(projected.commission.aboveTargetFen)}) ·{' '}
                    {t('standing.more', { amount: yuan(projected.commission.totalFen - now.commission.totalFen) })}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('perf.col.totalPay')}>{yuan(pay(projected))}</Descriptions.Item>
                <Descriptions.Item label={t('standing.projectedStatus')}>
                  <Tag color={STATUS_COLOR[projected.status]}>{t(`perf.status.${projected.status}`)}</Tag>
                </Descriptions.Item>
              </Descriptions>
            )}
          </Space>
        </Card>
        <Card size="small" title={t('standing.scheduledTitle')} data-testid="scheduled">
          <Table<ScheduledPayment>
            size="small"
            rowKey={(r) => `${r.contractId}-${r.dueOn}`}
            pagination={false}
            dataSource={s.scheduled}
            locale={{ emptyText: t('standing.scheduledNone') }}
            columns={[
              { key: 'due', title: t('perf.col.date'), dataIndex: 'dueOn' },
              { key: 'contract', title: t('perf.col.contract'), dataIndex: 'contractNumber' },
              { key: 'client', title: t('perf.col.client'), dataIndex: 'clientName', ellipsis: true },
              { key: 'amount', title: t('perf.col.amount'), align: 'right', render: (_, r) => formatFen(r.creditFen) },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}

function gapText(gap: number | null, t: Translate): string {
  if (gap === null) return t('standing.notSet');
  return gap === 0 ? t('standing.reached') : yuan(gap);
}

function ruleText(s: Standing, lang: Lang, t: Translate): string {
  if (s.terms.tiers) return pick(describeTiers(s.terms.tiers), lang);
  if (s.terms.targetFen === null) return t('standing.rule.noTarget', { rate: formatRateBp(s.terms.rateBp) });
  return t('standing.rule.manual', { rate: formatRateBp(s.terms.rateBp), multiplier: s.terms.multiplierPct / 100 });
}
