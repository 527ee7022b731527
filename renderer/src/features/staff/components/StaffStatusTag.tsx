import { Tag } from 'antd';
import type { StaffRow, StaffStatus } from '../../../../../shared/contract/staff';
import { useT } from '../../../i18n';

const COLORS: Record<StaffStatus, string> = {
  active: 'green',
  warning: 'orange',
  dismissal_due: 'red',
  left: 'default',
};

export function StaffStatusTag({ row }: { row: StaffRow }) {
  const t = useT();
  return (
    <Tag color={COLORS[row.status]} title={row.leftOn ? t('staff.leftOnShort', { date: row.leftOn }) : undefined}>
      {t(`staff.status.${row.status}`)}
    </Tag>
  );
}
