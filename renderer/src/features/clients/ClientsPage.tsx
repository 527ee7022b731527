import { useHashPath } from '../../app/useHashPath';
import { ImportPanel } from '../../components/import/ImportPanel';
import { TabbedSection, type SectionTab } from '../../components/TabbedSection';
import { useT } from '../../i18n';
import { ClientDetailView } from './components/ClientDetailView';
import { ClientListTab } from './components/ClientListTab';
import { DueTab } from './components/DueTab';
import { FunnelTab } from './components/FunnelTab';
import './clients.css';

const TABS: readonly SectionTab[] = [
  { key: 'list', label: 'clients.tab.list', content: () => <ClientListTab /> },
  { key: 'due', label: 'clients.tab.due', content: () => <DueTab /> },
  { key: 'funnel', label: 'clients.tab.funnel', content: () => <FunnelTab /> },
  { key: 'import', label: 'clients.tab.import', content: () => <ClientsImport />, needs: 'clients.import' },
];

function ClientsImport() {
  const t = useT();
  return <ImportPanel method="clients.import" hint={t('import.clientsHint')} />;
}

/** 客户: #/clients/<tab>, or #/clients/<id> for one client's file. */
export function ClientsPage() {
  const t = useT();
  const [, sub] = useHashPath();
  if (sub && /^\d+$/.test(sub)) return <ClientDetailView key={sub} id={Number(sub)} />;
  return <TabbedSection area="clients" title={t('clients.title')} tabs={TABS} className="wide-card" />;
}
