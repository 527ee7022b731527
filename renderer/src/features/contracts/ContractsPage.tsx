import { Segmented } from 'antd';
import { useState } from 'react';
import { ImportPanel } from '../../components/import/ImportPanel';
import { TabbedSection, type SectionTab } from '../../components/TabbedSection';
import { useT } from '../../i18n';
import { ContractListTab } from './components/ContractListTab';
import { RenewalsTab } from './components/RenewalsTab';
import { Suspense } from 'react';
import { Spin } from 'antd';
import { lazyPage } from '../../app/lazyPage';

const ReceivablesTab = lazyPage(() => import('../receivables/ReceivablesTab'), 'ReceivablesTab');
const AgingTab = lazyPage(() => import('../receivables/AgingTab'), 'AgingTab');
const lazyTab = (Tab: typeof AgingTab) => (
  <Suspense fallback={<Spin />}>
    <Tab />
  </Suspense>
);
import '../clients/clients.css';

const TABS: readonly SectionTab[] = [
  { key: 'list', label: 'contracts.tab.list', content: () => <ContractListTab /> },
  { key: 'renewals', label: 'contracts.tab.renewals', content: () => <RenewalsTab /> },
  { key: 'receivables', label: 'contracts.tab.receivables', content: () => lazyTab(ReceivablesTab), needs: 'receivables.list' },
  { key: 'aging', label: 'contracts.tab.aging', content: () => lazyTab(AgingTab), needs: 'receivables.aging' },
  { key: 'import', label: 'contracts.tab.import', content: () => <ContractsImport />, needs: 'contracts.import' },
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
  return <TabbedSection area="contracts" title={t('contracts.title')} tabs={TABS} className="wide-card" />;
}
