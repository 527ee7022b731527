import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ContractSchedule } from '../../../../shared/contract/receivables';
import { formatFen, parseYuanToFen } from '../../../../shared/money';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useFormApiError } from '../../api/useFormApiError';
import { useQuery } from '../../api/useQuery';
import { FormDialog, useSaving } from '../../components/FormDialog';
import { useT } from '../../i18n';

type Values = {
  title: string;
  taxNo: string;
  amountYuan: string;
  number: string;
  issuedOn: Dayjs;
  notes: string;
  paymentIds: number[];
};
const FIELDS = ['title', 'taxNo', 'amountYuan', 'number', 'issuedOn', 'notes', 'paymentIds'] as const;
const RENAME = { amountFen: 'amountYuan' } as const;

/** 登记发票: 抬头 (the client's name to start with), 税号, amount, 发票号码, date, and the payments it covers. */
export function InvoiceModal({
  schedule,
  onClose,
  onSaved,
}: {
  schedule: ContractSchedule;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormApiError(form, FIELDS, RENAME);
  const { saving, run } = useSaving((caught) => errors.show(toApiError(caught)));
  const contract = useQuery('contracts.get', { id: schedule.contractId });
  const save = (v: Values): Promise<void> =>
    run(async () => {
      await call('invoices.create', {
        contractId: schedule.contractId,
        title: v.title,
        taxNo: v.taxNo ?? '',
        amountFen: parseYuanToFen(v.amountYuan ?? '') ?? 0,
        number: v.number,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        notes: v.notes ?? '',
        paymentIds: v.paymentIds ?? [],
      });
      void message.success(t('invoice.saved'));
      onSaved();
    });
  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { label }) });
  return (
    <FormDialog
      title={t('invoice.addTitle', { number: schedule.number })}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      width={620}
      error={errors.general}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: schedule.clientName,
          taxNo: '',
          amountYuan: schedule.uninvoicedFen > 0 ? formatFen(schedule.uninvoicedFen).replace(/,/g, '') : '',
          number: '',
          issuedOn: dayjs(),
          notes: '',
          paymentIds: [],
        }}
        onFinish={(v) => void save(v)}
        onValuesChange={errors.clear}
      >
        <div className="form-grid">
          <Form.Item name="title" label={t('invoice.title')} rules={[required(t('invoice.title'))]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="taxNo" label={t('invoice.taxNo')} extra={t('invoice.taxNoHelp')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="number" label={t('invoice.number')} rules={[required(t('invoice.number'))]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('invoice.amount')} rules={[required(t('invoice.amount'))]}>
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('invoice.issuedOn')} rules={[{ required: true }]}>
            <DatePicker className="full-width" allowClear={false} />
          </Form.Item>
          <Form.Item name="paymentIds" label={t('invoice.payments')}>
            <Select
              mode="multiple"
              options={(contract.data?.payments ?? [])
                .filter((p) => p.amountFen > 0)
                .map((p) => ({ value: p.id, label: `${p.paidOn} · ${formatFen(p.amountFen, { symbol: true })}` }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="notes" label={t('invoice.notes')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
