import { Empty } from 'antd';
import { useT } from '../../../i18n';

/** An empty chart keeps its height so the page does not jump when data arrives. */
export function ChartEmpty({ height }: { height: number }) {
  const t = useT();
  return (
    <div className="chart-empty" style={{ height }}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.chart.empty')} />
    </div>
  );
}
