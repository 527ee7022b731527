import { App, DatePicker, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import {
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  newContractSchema,
  type ContractDetail,
  type ContractRow,
} from '../../../../../shared/contract/contracts';
import { fieldLimits } from '../../../../../shared/contract/schema-fields';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { useFormApiError } from '../../../api/useFormApiError';
import { FormDialog, useSaving } from '../../../components/FormDialog';
import { useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';
import { useStaffOptions } from '../../../hooks/useStaffOptions';
import {
  amountProblem,
  CONTRACT_FORM_FIELDS,
  CONTRACT_FORM_RENAME,
  contractToForm,
  emptyContractForm,
  formToContractInput,
  type ContractFormValues,
} from '../contractForm';
import { useClientOptions } from '../hooks/useClientOptions';

type Props = {
  contract: ContractRow | null;
  /** Preselected client (from a client's file). */
  client?: { id: number; name: string };
  onClose: () => void;
  onSaved: (contract: ContractDetail) => void;
};

/** 新建合同 / 编辑合同. The number may be left empty: HT-YYYY-NNNN is given. */
/** Lengths and required marks as contracts.create holds them (the same schema import checks rows with). */
const limits = fieldLimits(newContractSchema);

export function ContractFormModal({ contract, client, onClose, onSaved }: Props) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const staff = useStaffOptions();
  const [form] = Form.useForm<ContractFormValues>();
  const errors = useFormApiError(form, CONTRACT_FORM_FIELDS, CONTRACT_FORM_RENAME);
  const { saving, run } = useSaving((error) => errors.show(toApiError(error)));
  const [clientSearch, setClientSearch] = useState('');
  const selected = contract ? { id: contract.clientId, name: contract.clientName } : client;
  const clients = useClientOptions(clientSearch, selected);
  const initialValues = useMemo(
    () => (contract ? contractToForm(contract) : emptyContractForm(client?.id)),
    [contract, client?.id],
  );

  const save = async (values: ContractFormValues): Promise<void> => {
    await run(async () => {
      const input = formToContractInput(values);
      const saved = contract
        ? await call('contracts.update', { id: contract.id, ...input })
        : await call('contracts.create', { clientId: values.clientId!, ...input });
      void message.success(t(contract ? 'contracts.updated' : 'contracts.created', { number: saved.number }));
      onSaved(saved);
    });
  };

  return (
    <FormDialog
      form={form}
      title={contract ? t('contracts.editTitle', { number: contract.number }) : t('contracts.createTitle')}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      width={680}
      error={errors.general}
    >
      <Form<ContractFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void save(v)}
        onValuesChange={errors.clear}
      >
        <div className="form-grid">
          <Form.Item
            name="clientId"
            label={t('contracts.client')}
            rules={[{ required: limits.required('clientId'), message: t('common.required', { label: t('contracts.client') }) }]}
          >
            <Select
              disabled={contract !== null || client !== undefined}
              showSearch={{ filterOption: false, onSearch: setClientSearch }}
              options={clients.options}
              loading={clients.loading}
              placeholder={t('contracts.clientPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="number" label={t('contracts.number')} extra={contract ? undefined : t('contracts.numberHelp')}>
            <Input maxLength={limits.maxLength('number')} placeholder="HT-2026-0001" />
          </Form.Item>
          <Form.Item name="product" label={t('contracts.product')}>
            <Input maxLength={limits.maxLength('product')} placeholder={t('contracts.productPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="amountYuan"
            label={t('contracts.amount')}
            rules={[
              {
                required: limits.required('amountFen'),
                whitespace: true,
                message: t('common.required', { label: t('contracts.amount') }),
              },
              {
                validator: async (_rule, value: string | undefined) => {
                  const problem = value ? amountProblem(value) : null;
                  if (problem) throw new Error(t(problem));
                },
              },
            ]}
          >
            <Input prefix="¥" suffix={t('staff.yuan')} inputMode="decimal" placeholder="3,600.00" />
          </Form.Item>
          <Form.Item name="staffId" label={t('contracts.staff')} extra={contract ? undefined : t('contracts.staffHelp')}>
            <Select allowClear options={staff.options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="status" label={t('contracts.status')}>
            <Select options={CONTRACT_STATUSES.map((s) => ({ value: s, label: label(CONTRACT_STATUS_LABELS[s]) }))} />
          </Form.Item>
          <Form.Item name="signedOn" label={t('contracts.signedOn')}>
            <DatePicker className="full-width" format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="service" label={t('contracts.service')}>
            <DatePicker.RangePicker className="full-width" format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="notes" label={t('clients.notes')} className="span-4">
            <Input.TextArea rows={2} maxLength={limits.maxLength('notes')} />
          </Form.Item>
        </div>
      </Form>
    </FormDialog>
  );
}
