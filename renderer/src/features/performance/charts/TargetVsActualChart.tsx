import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatFen } from '../../../../../shared/money';
import { useLanguage, useT } from '../../../i18n';
import { CHART_COLORS, fenToYuanNumber, yuanAxisTick, chartsAnimate } from './chartFormat';
import { ChartEmpty } from './ChartEmpty';

export type TargetVsActualDatum = { name: string; salesFen: number; targetFen: number | null; floorFen: number | null };

type Props = {
  data: readonly TargetVsActualDatum[];
  height: number;
  /** Fixed width for print (no resize observer on paper); omit to fill the container on screen. */
  width?: number;
};

/** 目标与实际: per person bars of target and sales, with the floor as a red marker line. */
export function TargetVsActualChart({ data, height, width }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  if (data.length === 0) return <ChartEmpty height={height} />;
  const rows = data.map((d) => ({
    name: d.name,
    sales: fenToYuanNumber(d.salesFen),
    target: fenToYuanNumber(d.targetFen),
    floor: fenToYuanNumber(d.floorFen),
  }));
  const print = width !== undefined;
  const animate = !print && chartsAnimate();
  const crowded = rows.length > 10;
  const chart = (
    <ComposedChart
      data={rows}
      {...(width !== undefined ? { width } : {})}
      height={height}
      margin={{ top: 8, right: 12, bottom: 4, left: 4 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      {/* Many people: names slanted so each stays readable under its bars. */}
      <XAxis
        dataKey="name"
        interval={0}
        tick={{ fontSize: crowded ? 10 : 12 }}
        {...(crowded ? { angle: -50, textAnchor: 'end', height: 58 } : {})}
      />
      <YAxis tickFormatter={(v: number) => yuanAxisTick(v, lang)} width={52} tick={{ fontSize: 11 }} />
      {!print && <Tooltip formatter={(v) => (typeof v === 'number' ? formatFen(Math.round(v * 100), { symbol: true }) : '—')} />}
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="target" name={t('perf.chart.target')} fill={CHART_COLORS.target} isAnimationActive={animate} />
      <Bar dataKey="sales" name={t('perf.chart.sales')} fill={CHART_COLORS.sales} isAnimationActive={animate} />
      <Line
        dataKey="floor"
        name={t('perf.chart.floor')}
        stroke={CHART_COLORS.floor}
        strokeDasharray="4 3"
        dot={false}
        isAnimationActive={false}
        connectNulls
      />
    </ComposedChart>
  );
  if (print) return chart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}
