import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { navigate, useHashPath } from '../../app/useHashPath';
import { ImportPanel } from '../../components/import/ImportPanel';
import { Page } from '../../components/Page';
import { useT, type MessageKey } from '../../i18n';
import { ClientDetailView } from './components/ClientDetailView';
import { ClientListTab } from './components/ClientListTab';
import { DueTab } from './components/DueTab';
import { FunnelTab } from './components/FunnelTab';
import './clients.css';

type ClientsTab = { key: string; label: MessageKey; content: () => ReactNode };

const TABS: readonly ClientsTab[] = [
  { key: 'list', label: 'clients.tab.list', content: () => <ClientListTab /> },
  { key: 'due', label: 'clients.tab.due', content: () => <DueTab /> },
  { key: 'funnel', label: 'clients.tab.funnel', content: () => <FunnelTab /> },
  { key: 'import', label: 'clients.tab.import', content: () => <ClientsImport /> },
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
  const active = TABS.find((tab) => tab.key === sub) ?? TABS[0]!;
  return (
    <Page title={t('clients.title')}>
      <Card className="tabs-card wide-card">
        <Tabs
          activeKey={active.key}
          onChange={(key) => navigate(['clients', key])}
          items={TABS.map((tab) => ({
            key: tab.key,
            label: t(tab.label),
            children: tab.key === active.key ? tab.content() : null,
          }))}
        />
      </Card>
    </Page>
  );
}
