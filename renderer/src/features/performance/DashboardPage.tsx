import dayjs from 'dayjs';
import { Card, Empty, List, Progress, Space, Statistic, Tag, Typography } from 'antd';
import { FUNNEL_LABELS } from '../../../../shared/clients/classification';
import { formatFen } from '../../../../shared/money';
import { useQuery } from '../../api/useQuery';
import { useCan } from '../../app/permissions';
import { navigate } from '../../app/useHashPath';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { pick, useLanguage, useT } from '../../i18n';
import { TargetVsActualChart } from './charts/TargetVsActualChart';
import { ReceivablesTiles } from '../receivables/ReceivablesTiles';
import { TeamTrendChart } from './charts/TeamTrendChart';
import { monthTitle } from './monthTitle';
import { LeaderboardCard } from '../commission/LeaderboardCard';
import './performance.css';

/** 概览: the owner's and manager's home — this month so far, trend, funnel, what needs doing. */
export function DashboardPage() {
  const t = useT();
  const { lang } = useLanguage();
  const query = useQuery('dashboard.get');
  const canSetPlans = useCan('plans.set');
  const d = query.data;
  if (!d) return <Page title={t('dash.title')}>{query.error ? <ErrorAlert error={query.error} /> : <Card loading />}</Page>;
  const team = d.sales?.team;
  // A salesperson sees their own month: never call their figures "团队".
  const own = d.sales?.scope === 'own';
  const percent = team?.targetFen ? Math.round((team.salesFen / team.targetFen) * 100) : null;
  return (
    <Page title={t('dash.title')}>
      <div className="dash-grid" data-testid="dashboard">
        {d.sales && team && (
          <Card size="small" title={t('dash.monthSoFar', { month: monthTitle(d.month, lang) })}>
            <Statistic title={t(own ? 'dash.ownSales' : 'dash.teamSales')} value={formatFen(team.salesFen, { symbol: true })} />
            {percent !== null ? (
              <>
                <Progress
                  percent={Math.min(percent, 100)}
                  format={() => `${percent}%`}
                  status={percent >= 100 ? 'success' : 'active'}
                />
                <Typography.Text type="secondary">
                  {t(own ? 'dash.ownTarget' : 'dash.teamTarget', { target: formatFen(team.targetFen ?? 0, { symbol: true }) })}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">
                {t('dash.noTarget')}
                {canSetPlans && !own && (
                  <>
                    {' · '}
                    <a onClick={() => navigate(['staff', 'targets'])}>{t('dash.setTargets')}</a>
                  </>
                )}
              </Typography.Text>
            )}
          </Card>
        )}
        <Card
          size="small"
          title={t('dash.renewals')}
          extra={<a onClick={() => navigate(['contracts', 'renewals'])}>{t('dash.open')}</a>}
        >
          <Statistic
            value={d.renewalsDue.count}
            suffix={<small>· {formatFen(d.renewalsDue.amountFen, { symbol: true })}</small>}
          />
          {d.renewalsDue.lapsed > 0 && (
            <Typography.Text type="warning">{t('dash.renewalsLapsed', { n: d.renewalsDue.lapsed })}</Typography.Text>
          )}
        </Card>
        <Card
          size="small"
          title={t('dash.followUps')}
          extra={<a onClick={() => navigate(['clients', 'due'])}>{t('dash.open')}</a>}
        >
          <Space size="large">
            <Statistic title={t('dash.followUpsToday', { n: '' }).trim()} value={d.followUps.today} />
            <Statistic
              title={t('dash.followUpsOverdue', { n: '' }).trim()}
              value={d.followUps.overdue}
              valueStyle={d.followUps.overdue ? { color: '#cf1322' } : {}}
            />
          </Space>
        </Card>
        <ReceivablesTiles />
        <Card
          size="small"
          title={t('dash.funnel')}
          extra={<a onClick={() => navigate(['clients', 'funnel'])}>{t('dash.open')}</a>}
        >
          {d.funnel.total === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.chart.empty')} />
          ) : (
            d.funnel.steps.map((s) => (
              <div key={s.step} className="dash-funnel-row">
                <span>{pick(FUNNEL_LABELS[s.step], lang)}</span>
                <Progress percent={Math.round((s.reached / d.funnel.total) * 100)} format={() => String(s.reached)} />
              </div>
            ))
          )}
        </Card>
        <Card size="small" title={t('dash.flagged')} extra={<a onClick={() => navigate(['staff'])}>{t('dash.open')}</a>}>
          {d.flagged.length === 0 ? (
            <Typography.Text type="secondary">{t('dash.flaggedNone')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={d.flagged}
              renderItem={(f) => (
                <List.Item>
                  <span>{f.name}</span>
                  <Tag color={f.status === 'dismissal_due' ? 'red' : 'gold'}>{t(`perf.status.${f.status}`)}</Tag>
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card size="small" title={t('dash.archive')} extra={<a onClick={() => navigate(['archive'])}>{t('dash.open')}</a>}>
          <Typography.Text type={d.archive?.findings ? 'warning' : 'secondary'} data-testid="dash-archive">
            {!d.archive?.lastAuditAt
              ? t('dash.archiveNever')
              : d.archive.findings
                ? t('dash.archiveFindings', {
                    at: dayjs(d.archive.lastAuditAt).format('YYYY-MM-DD HH:mm'),
                    n: d.archive.findings,
                  })
                : t('dash.archiveClean', { at: dayjs(d.archive.lastAuditAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        </Card>
        <LeaderboardCard />
        {d.sales && !own && (
          <Card size="small" title={t('dash.perPerson')} className="dash-wide">
            {d.sales.people.some((p) => p.salesFen !== 0 || p.targetFen !== null) ? (
              <TargetVsActualChart data={d.sales.people} height={300} />
            ) : (
              // Say why the chart is empty and what to do, rather than a bare "no data".
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                data-testid="dash-people-empty"
                description={
                  <>
                    <div>
                      {d.sales.people.length === 0
                        ? t('dash.peopleNone')
                        : t('dash.peopleNothingYet', { n: d.sales.people.length })}
                    </div>
                    {canSetPlans && d.sales.people.length > 0 && (
                      <a onClick={() => navigate(['staff', 'targets'])}>{t('dash.setTargets')}</a>
                    )}
                  </>
                }
              />
            )}
          </Card>
        )}
        {d.sales && (
          <Card size="small" title={t(own ? 'dash.ownTrend12' : 'perf.chart.trend12')} className="dash-wide">
            <TeamTrendChart data={d.sales.trend} height={280} />
          </Card>
        )}
      </div>
    </Page>
  );
}
