import { TabbedSection, type SectionTab } from '../../components/TabbedSection';
import { useT } from '../../i18n';
import { ArchiveAuditTab } from './components/AuditTab';
import { ArchiveSettingsTab } from './components/ArchiveSettingsTab';
import { DocumentsTab } from './components/DocumentsTab';
import { FoldersTab } from './components/FoldersTab';
import { TrashTab } from './components/TrashTab';
import '../performance/performance.css';
import './archive.css';

const TABS: readonly SectionTab[] = [
  { key: 'files', label: 'archive.tab.files', content: () => <DocumentsTab /> },
  { key: 'folders', label: 'archive.tab.folders', content: () => <FoldersTab /> },
  { key: 'audit', label: 'archive.tab.audit', content: () => <ArchiveAuditTab />, needs: 'archive.audit' },
  { key: 'trash', label: 'archive.tab.trash', content: () => <TrashTab />, needs: 'archive.restore' },
  { key: 'settings', label: 'archive.tab.settings', content: () => <ArchiveSettingsTab />, needs: 'archive.saveKind' },
];

/** 档案: #/archive/files | folders | audit | trash | settings. */
export function ArchivePage() {
  const t = useT();
  return <TabbedSection area="archive" title={t('archive.title')} tabs={TABS} className="wide-card" />;
}
