import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { ContractRow } from '../../../../../shared/contract/contracts';
import { formatFen } from '../../../../../shared/money';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useLanguage, useT } from '../../../i18n';

export type ContractDialog = { kind: 'create' } | { kind: 'edit'; row: ContractRow } | { kind: 'pay'; row: ContractRow } | null;

/** The dialogs a contract list opens, and 续费 (one confirm, then the renewal contract exists). */
export function useContractActions(onChanged: () => void) {
  const t = useT();
  const { lang } = useLanguage();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<ContractDialog>(null);
  const renew = useCallback(
    (row: ContractRow) => {
      modal.confirm({
        title: t('contracts.renewTitle', { number: row.number }),
        content: t('contracts.renewConfirm', { client: row.clientName, amount: formatFen(row.amountFen) }),
        okText: t('contracts.renew'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          try {
            const created = await call('contracts.renew', { id: row.id });
            void message.success(
              t('contracts.renewed', { number: created.number, starts: created.startsOn ?? '', ends: created.endsOn ?? '' }),
            );
            onChanged();
          } catch (error) {
            void message.error(errorText(toApiError(error), lang));
          }
        },
      });
    },
    [modal, message, t, lang, onChanged],
  );
  return { dialog, setDialog, renew };
}
