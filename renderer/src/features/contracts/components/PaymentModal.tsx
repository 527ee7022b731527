import { Alert, App, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  type ContractRow,
  type PaymentMethod,
} from '../../../../../shared/contract/contracts';
import { formatFen, parseYuanToFen } from '../../../../../shared/money';
import { toApiError, type ApiError } from '../../../api/ApiError';
import { useQuery } from '../../../api/useQuery';
import { call } from '../../../api/client';
import { FormDialog, useSaving } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';
import { errorText } from '../../../api/errorText';
import { useLabel } from '../../../hooks/useLabel';

type Values = { kind: 'payment' | 'refund'; paidOn: Dayjs; amountYuan: string; method: PaymentMethod; notes: string };

/** 登记收款 / 退款 for one contract; the balance is shown so a person can check before saving. */
export function PaymentModal({
  contract,
  onClose,
  onSaved,
}: {
  contract: ContractRow;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const label = useLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const { saving, run } = useSaving((caught) => setError(toApiError(caught)));
  const months = useQuery('months.list');
  const paidOn = Form.useWatch('paidOn', form);
  const kind = Form.useWatch('kind', form);
  // A payment dated in a closed month cannot change that month (月结): it counts in the next open one.
  const counted = paidOn ? creditMonthOf(paidOn.format('YYYY-MM'), closedMonths(months.data)) : null;
  // What a refund can return is what was received; what a payment usually settles is the balance.
  const defaultAmount = (k: Values['kind']): string => {
    const fen = k === 'refund' ? contract.paidFen : contract.balanceFen;
    return fen > 0 ? formatFen(fen) : '';
  };

  const save = async (v: Values): Promise<void> => {
    setError(null);
    await run(async () => {
      const fen = parseYuanToFen(v.amountYuan)!;
      await call('payments.create', {
        contractId: contract.id,
        paidOn: v.paidOn.format('YYYY-MM-DD'),
        amountFen: v.kind === 'refund' ? -fen : fen,
        method: v.method,
        notes: v.notes,
      });
      void message.success(t(v.kind === 'refund' ? 'payments.refunded' : 'payments.recorded'));
      onSaved();
    });
  };

  return (
    <FormDialog
      form={form}
      title={t('payments.title', { number: contract.number })}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      width={520}
      error={error ? errorText(error, lang) : null}
    >
      <Typography.Paragraph type="secondary">
        {t('payments.summary', {
          client: contract.clientName,
          amount: formatFen(contract.amountFen),
          paid: formatFen(contract.paidFen),
          balance: formatFen(contract.balanceFen),
        })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'payment',
          paidOn: dayjs(),
          amountYuan: defaultAmount('payment'),
          method: 'transfer',
          notes: '',
        }}
        onFinish={(v) => void save(v)}
        onValuesChange={(changed: Partial<Values>) => {
          setError(null);
          // Switching 收款/退款 moves the suggested amount along, unless the person typed one.
          if (changed.kind && !form.isFieldTouched('amountYuan')) form.setFieldValue('amountYuan', defaultAmount(changed.kind));
        }}
      >
        <Form.Item name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'payment', label: t('payments.kind.payment') },
              { value: 'refund', label: t('payments.kind.refund') },
            ]}
          />
        </Form.Item>
        {counted && counted.late && (
          <Alert
            type="info"
            showIcon
            className="error-alert"
            data-testid="closed-month-hint"
            title={t(kind === 'refund' ? 'payments.closedMonthRefundHint' : 'payments.closedMonthHint', {
              month: counted.dated,
              next: counted.month,
            })}
          />
        )}
        <div className="form-grid">
          <Form.Item name="paidOn" label={t('payments.paidOn')} rules={[{ required: true }]}>
            <DatePicker className="full-width" format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Form.Item
            name="amountYuan"
            label={t('payments.amount')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const fen = parseYuanToFen(value ?? '');
                  if (fen === null || fen <= 0) throw new Error(t('payments.amountInvalid'));
                },
              },
            ]}
          >
            <Input prefix="¥" suffix={t('staff.yuan')} inputMode="decimal" />
          </Form.Item>
          <Form.Item name="method" label={t('payments.method')}>
            <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: label(PAYMENT_METHOD_LABELS[m]) }))} />
          </Form.Item>
          <Form.Item name="notes" label={t('clients.notes')}>
            <Input maxLength={500} />
          </Form.Item>
        </div>
      </Form>
    </FormDialog>
  );
}

function closedMonths(months: readonly { month: string; closed: boolean }[] | undefined): Set<string> {
  return new Set((months ?? []).filter((m) => m.closed).map((m) => m.month));
}

/** The month a payment dated in `month` counts in: itself when open, else the first open month after it. */
export function creditMonthOf(month: string, closed: ReadonlySet<string>): { dated: string; month: string; late: boolean } {
  let m = month;
  while (closed.has(m)) m = dayjs(`${m}-01`).add(1, 'month').format('YYYY-MM');
  return { dated: month, month: m, late: m !== month };
}
