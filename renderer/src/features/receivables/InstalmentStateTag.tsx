import { Space, Tag, Typography } from 'antd';
import type { InstalmentRow } from '../../../../shared/contract/receivables';
import { formatFen } from '../../../../shared/money';
import { useT } from '../../i18n';

/** 已收 / 部分 ¥x / 未收, and 逾期 N 天 (or 今日到期) in red. */
export function InstalmentStateTag({ row, asOf }: { row: InstalmentRow; asOf: string }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      {row.state === 'paid' ? (
        <Tag color="green">{t('schedule.state.paid')}</Tag>
      ) : row.state === 'partial' ? (
        <Tag color="gold">{t('schedule.state.partial', { paid: formatFen(row.paidFen) })}</Tag>
      ) : (
        <Tag>{t('schedule.state.unpaid')}</Tag>
      )}
      {row.overdueDays > 0 && <Tag color="red">{t('schedule.overdue', { days: row.overdueDays })}</Tag>}
      {row.state !== 'paid' && row.dueOn === asOf && <Tag color="orange">{t('schedule.dueToday')}</Tag>}
      {row.settledOn && (
        <Typography.Text type="secondary" className="small-text">
          {t('schedule.settledOn', { date: row.settledOn })}
        </Typography.Text>
      )}
    </Space>
  );
}
