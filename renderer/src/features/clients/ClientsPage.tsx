import { useHashPath } from '../../app/useHashPath';
import { ImportPanel } from '../../components/import/ImportPanel';
import { TabbedSection, type SectionTab } from '../../components/TabbedSection';
import { useT } from '../../i18n';
import { ClientDetailView } from './components/ClientDetailView';
import { ClientListTab } from './components/ClientListTab';
import { DueTab } from './components/DueTab';
import { FunnelTab } from './components/FunnelTab';
import { Suspense } from 'react';
import { Spin } from 'antd';
import { lazyPage } from '../../app/lazyPage';
import { useMe } from '../pool/useMe';
import './clients.css';
import '../pool/pool.css';

// Tabs most visits never open load with their own chunks, so the client list stays quick to show.
const PoolTab = lazyPage(() => import('../pool/PoolTab'), 'PoolTab');
const DuplicatesTab = lazyPage(() => import('../merge/DuplicatesTab'), 'DuplicatesTab');
const lazyTab = (Tab: typeof PoolTab) => (
  <Suspense fallback={<Spin />}>
    <Tab />
  </Suspense>
);

const TABS: readonly SectionTab[] = [
  { key: 'list', label: 'clients.tab.list', content: () => <ClientListTab /> },
  { key: 'due', label: 'clients.tab.due', content: () => <DueTab /> },
  { key: 'pool', label: 'clients.tab.pool', content: () => lazyTab(PoolTab), needs: 'pool.list' },
  { key: 'funnel', label: 'clients.tab.funnel', content: () => <FunnelTab /> },
  { key: 'duplicates', label: 'clients.tab.duplicates', content: () => lazyTab(DuplicatesTab), needs: 'merge.candidates' },
  { key: 'import', label: 'clients.tab.import', content: () => <ClientsImport />, needs: 'clients.import' },
];
/** Tabs only managers and the owner can use (the core refuses the others anyway). */
const MANAGER_TABS = new Set(['duplicates']);

function ClientsImport() {
  const t = useT();
  return <ImportPanel method="clients.import" hint={t('import.clientsHint')} />;
}

/** 客户: #/clients/<tab>, or #/clients/<id> for one client's file. */
export function ClientsPage() {
  const t = useT();
  const [, sub] = useHashPath();
  const me = useMe();
  if (sub && /^\d+$/.test(sub)) return <ClientDetailView key={sub} id={Number(sub)} />;
  const tabs = me.isManager ? TABS : TABS.filter((tab) => !MANAGER_TABS.has(tab.key));
  return <TabbedSection area="clients" title={t('clients.title')} tabs={tabs} className="wide-card" />;
}
