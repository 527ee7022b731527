import { useAuth } from '../../app/AuthContext';
import { StaffPlansImport } from '../../components/import/StaffPlansImport';
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

/** Importing staff and plans is for managers and the owner (the core refuses anyone else too). */
const IMPORT_TAB: SectionTab = { key: 'import', label: 'staff.tab.import', content: () => <StaffPlansImport /> };

export function StaffPage() {
  const t = useT();
  const { state } = useAuth();
  const role = state.me?.role ?? (state.signInRequired ? null : 'owner');
  const tabs = role === 'owner' || role === 'manager' ? [...TABS, IMPORT_TAB] : TABS;
  return <TabbedSection area="staff" title={t('staff.title')} tabs={tabs} />;
}
