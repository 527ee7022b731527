import type { ContractDialog } from '../hooks/useContractActions';
import { ContractFormModal } from './ContractFormModal';
import { PaymentModal } from './PaymentModal';

/** The open contract dialog, if any. */
export function ContractDialogs({
  dialog,
  client,
  onClose,
  onSaved,
}: {
  dialog: ContractDialog;
  client?: { id: number; name: string };
  onClose: () => void;
  onSaved: () => void;
}) {
  if (dialog?.kind === 'pay') return <PaymentModal contract={dialog.row} onClose={onClose} onSaved={onSaved} />;
  if (dialog?.kind === 'create' || dialog?.kind === 'edit') {
    return (
      <ContractFormModal
        contract={dialog.kind === 'edit' ? dialog.row : null}
        {...(client ? { client } : {})}
        onClose={onClose}
        onSaved={onSaved}
      />
    );
  }
  return null;
}
