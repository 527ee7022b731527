import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useContractActions } from '../hooks/useContractActions';
import { ContractDialogs } from './ContractDialogs';
import { ContractTable } from './ContractTable';

/** A client's 协议合同 inside the client file. */
export function ClientContractsPanel({ clientId, clientName }: { clientId: number; clientName: string }) {
  const t = useT();
  const list = useQuery('contracts.list', { clientId, limit: 500 });
  const actions = useContractActions(list.refresh);
  return (
    <>
      <div className="toolbar">
        <span />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => actions.setDialog({ kind: 'create' })}>
          {t('contracts.add')}
        </Button>
      </div>
      <ErrorAlert error={list.error} />
      <ContractTable
        rows={list.data?.rows ?? []}
        loading={list.loading}
        pagination={false}
        showClient={false}
        onPay={(row) => actions.setDialog({ kind: 'pay', row })}
        onEdit={(row) => actions.setDialog({ kind: 'edit', row })}
        onRenew={actions.renew}
        onChanged={list.refresh}
      />
      <ContractDialogs
        dialog={actions.dialog}
        client={{ id: clientId, name: clientName }}
        onClose={() => actions.setDialog(null)}
        onSaved={() => {
          actions.setDialog(null);
          list.refresh();
        }}
      />
    </>
  );
}
