import { useAuth } from '../../app/AuthContext';
import { TabbedSection, type SectionTab } from '../../components/TabbedSection';
import { useT } from '../../i18n';
import { ArchiveAuditTab } from './components/AuditTab';
import { ArchiveSettingsTab } from './components/ArchiveSettingsTab';
import { DocumentsTab } from './components/DocumentsTab';
import { FoldersTab } from './components/FoldersTab';
import { InboxTab } from './components/inbox/InboxTab';
import { TrashTab } from './components/TrashTab';
import '../performance/performance.css';
import './archive.css';

const TABS: readonly SectionTab[] = [
  { key: 'files', label: 'archive.tab.files', content: () => <DocumentsTab /> },
  { key: 'inbox', label: 'archive.tab.inbox', content: () => <InboxTab /> },
  { key: 'folders', label: 'archive.tab.folders', content: () => <FoldersTab /> },
  { key: 'audit', label: 'archive.tab.audit', content: () => <ArchiveAuditTab />, needs: 'archive.audit' },
  { key: 'trash', label: 'archive.tab.trash', content: () => <TrashTab />, needs: 'archive.restore' },
  { key: 'settings', label: 'archive.tab.settings', content: () => <ArchiveSettingsTab />, needs: 'archive.saveKind' },
];

/** 档案: #/archive/files | inbox | folders | audit | trash | settings. 扫描收件箱 is for the office staff, not 业务员. */
export function ArchivePage() {
  const t = useT();
  const { state: auth } = useAuth();
  const tabs = auth.me?.role === 'salesperson' ? TABS.filter((tab) => tab.key !== 'inbox') : TABS;
  return <TabbedSection area="archive" title={t('archive.title')} tabs={tabs} className="wide-card" />;
}
