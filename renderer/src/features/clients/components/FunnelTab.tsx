import { Card, Empty, Statistic } from 'antd';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FUNNEL_LABELS, STAGE_LABELS } from '../../../../../shared/clients/classification';
import { useQuery } from '../../../api/useQuery';
import { navigate } from '../../../app/useHashPath';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';

const STEP_COLORS = ['#91caff', '#4096ff', '#0958d9'];

/** 销售漏斗: 潜在 → 意向 → 签约 (clients at or past each step), then the ten stages. */
export function FunnelTab() {
  const t = useT();
  const label = useLabel();
  const funnel = useQuery('clients.funnel');
  const data = funnel.data;
  if (!data) return <ErrorAlert error={funnel.error} />;
  if (data.total === 0) return <Empty description={t('clients.empty')} />;
  return (
    <div className="funnel">
      <div className="funnel-steps">
        {data.steps.map((s, i) => (
          <div
            key={s.step}
            className="funnel-step"
            style={{ width: `${100 - i * 18}%`, background: STEP_COLORS[i] }}
            onClick={() => navigate(['clients'])}
            role="presentation"
          >
            <span className="funnel-step-label">{label(FUNNEL_LABELS[s.step])}</span>
            <span className="funnel-step-count">{s.reached}</span>
          </div>
        ))}
      </div>
      <div className="funnel-stats">
        {data.steps.map((s, i) => (
          <Card key={s.step} size="small">
            <Statistic
              title={t('clients.funnelNow', { step: label(FUNNEL_LABELS[s.step]) })}
              value={s.count}
              suffix={
                i > 0 && data.steps[i - 1]!.reached > 0 ? (
                  <small className="muted">{` ${Math.round((s.reached / data.steps[i - 1]!.reached) * 100)}%`}</small>
                ) : undefined
              }
            />
          </Card>
        ))}
      </div>
      <Card size="small" title={t('clients.stagesTitle')} className="detail-card">
        <ResponsiveContainer width="100%" height={360}>
          <BarChart
            data={data.stages.map((s) => ({ name: label(STAGE_LABELS[s.stage]), count: s.count }))}
            layout="vertical"
            margin={{ left: 24, right: 48 }}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={96} />
            <Tooltip />
            <Bar dataKey="count" fill="#4096ff" isAnimationActive={false}>
              <LabelList dataKey="count" position="right" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Card>
    </div>
  );
}
