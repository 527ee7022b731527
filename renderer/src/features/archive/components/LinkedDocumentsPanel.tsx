import { useState } from 'react';
import { DocumentTable } from './DocumentTable';
import { FilingPanel } from './FilingPanel';

/**
 * A client's or a contract's own 档案 tab: its documents (also those linked to it from
 * elsewhere), and a drop zone that files new ones with the client and contract already chosen.
 */
export function LinkedDocumentsPanel({ client, contractId }: { client: { id: number; name: string }; contractId?: number }) {
  const [filed, setFiled] = useState(0);
  return (
    <div data-testid={contractId ? `contract-documents-${contractId}` : 'client-documents'}>
      <FilingPanel
        onFiled={() => setFiled((n) => n + 1)}
        initial={{ clientId: client.id, ...(contractId ? { contractId } : {}) }}
        knownClient={client}
      />
      <DocumentTable filters={contractId ? { contractId } : { clientId: client.id }} reloadKey={filed} hideClient />
    </div>
  );
}
