import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../../../shared/performance/performance-types';
import { formatFen } from '../../../../../shared/money';
import { useLanguage, useT } from '../../../i18n';
import { CHART_COLORS, fenToYuanNumber, yuanAxisTick, chartsAnimate } from './chartFormat';
import { ChartEmpty } from './ChartEmpty';

type Props = { data: readonly TrendPoint[]; height: number; width?: number };

/** Team sales against target (and floor) month by month; open months are marked with “*”. */
export function TeamTrendChart({ data, height, width }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  if (data.length === 0) return <ChartEmpty height={height} />;
  const rows = data.map((p) => ({
    month: p.closed ? p.month : `${p.month}*`,
    sales: fenToYuanNumber(p.salesFen),
    target: fenToYuanNumber(p.targetFen),
    floor: fenToYuanNumber(p.floorFen),
  }));
  const print = width !== undefined;
  const animate = !print && chartsAnimate();
  const chart = (
    <LineChart
      data={rows}
      {...(width !== undefined ? { width } : {})}
      height={height}
      margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="month" tick={{ fontSize: 11 }} />
      <YAxis tickFormatter={(v: number) => yuanAxisTick(v, lang)} width={52} tick={{ fontSize: 11 }} />
      {!print && <Tooltip formatter={(v) => (typeof v === 'number' ? formatFen(Math.round(v * 100), { symbol: true }) : '—')} />}
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line
        dataKey="sales"
        name={t('perf.chart.sales')}
        stroke={CHART_COLORS.sales}
        strokeWidth={2}
        isAnimationActive={animate}
      />
      <Line
        dataKey="target"
        name={t('perf.chart.target')}
        stroke={CHART_COLORS.target}
        strokeWidth={2}
        isAnimationActive={animate}
      />
      <Line
        dataKey="floor"
        name={t('perf.chart.floor')}
        stroke={CHART_COLORS.floor}
        strokeDasharray="4 3"
        dot={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
  // Say what the "*" means wherever it appears, screen and paper alike.
  const note = rows.some((r) => r.month.endsWith('*')) ? (
    <div className="chart-note" data-testid="open-month-note">
      {t('perf.chart.openMonthNote')}
    </div>
  ) : null;
  if (print)
    return (
      <div>
        {chart}
        {note}
      </div>
    );
  return (
    <>
      <ResponsiveContainer width="100%" height={height}>
        {chart}
      </ResponsiveContainer>
      {note}
    </>
  );
}
