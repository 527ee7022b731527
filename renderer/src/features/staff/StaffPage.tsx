import { TabbedSection, type SectionTab } from '../../components/TabbedSection';
import { useT } from '../../i18n';
import { StaffListTab } from './components/StaffListTab';
import { AuditTab } from './months/AuditTab';
import { MonthsTab } from './months/MonthsTab';
import { PlansTab } from './plans/PlansTab';
import { PayItemsTab } from '../commission/PayItemsTab';
import '../performance/performance.css';

/**
 * 员工与指标: #/staff/list | targets | months | audit. Commission per person is on 业绩表 (the
 * month's sheet, with the payments behind each figure).
 */
const TABS: readonly SectionTab[] = [
  { key: 'list', label: 'staff.tab.list', content: () => <StaffListTab /> },
  { key: 'targets', label: 'staff.tab.targets', content: () => <PlansTab />, needs: 'plans.get' },
  { key: 'payitems', label: 'staff.tab.payitems', content: () => <PayItemsTab />, needs: 'payitems.list' },
  { key: 'months', label: 'staff.tab.months', content: () => <MonthsTab /> },
  { key: 'audit', label: 'staff.tab.audit', content: () => <AuditTab />, needs: 'audit.list' },
];

export function StaffPage() {
  const t = useT();
  return <TabbedSection area="staff" title={t('staff.title')} tabs={TABS} />;
}
