import { Card, Segmented, Tabs } from 'antd';
import { useState, type ReactNode } from 'react';
import { navigate, useHashPath } from '../../app/useHashPath';
import { ImportPanel } from '../../components/import/ImportPanel';
import { Page } from '../../components/Page';
import { useT, type MessageKey } from '../../i18n';
import { ContractListTab } from './components/ContractListTab';
import { RenewalsTab } from './components/RenewalsTab';
import '../clients/clients.css';

type ContractsTab = { key: string; label: MessageKey; content: () => ReactNode };

const TABS: readonly ContractsTab[] = [
  { key: 'list', label: 'contracts.tab.list', content: () => <ContractListTab /> },
  { key: 'renewals', label: 'contracts.tab.renewals', content: () => <RenewalsTab /> },
  { key: 'import', label: 'contracts.tab.import', content: () => <ContractsImport /> },
];

function ContractsImport() {
  const t = useT();
  const [kind, setKind] = useState<'contracts' | 'payments'>('contracts');
  return (
    <>
      <Segmented
        className="import-kind"
        value={kind}
        onChange={(v) => setKind(v as 'contracts' | 'payments')}
        options={[
          { value: 'contracts', label: t('contracts.importContracts') },
          { value: 'payments', label: t('contracts.importPayments') },
        ]}
      />
      <ImportPanel
        key={kind}
        method={kind === 'contracts' ? 'contracts.import' : 'payments.import'}
        hint={t(kind === 'contracts' ? 'import.contractsHint' : 'import.paymentsHint')}
      />
    </>
  );
}

/** 合同: #/contracts/list | renewals | import. */
export function ContractsPage() {
  const t = useT();
  const [, sub] = useHashPath();
  const active = TABS.find((tab) => tab.key === sub) ?? TABS[0]!;
  return (
    <Page title={t('contracts.title')}>
      <Card className="tabs-card wide-card">
        <Tabs
          activeKey={active.key}
          onChange={(key) => navigate(['contracts', key])}
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
