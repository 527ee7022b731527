import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { parseYuanToFen } from '../../../../shared/money';
import { MANAGED_BY_MANAGERS, ROLES } from '../../../../shared/roles';
import { useRole } from '../../app/permissions';
import { toApiError } from '../../api/ApiError';
import { errorText } from '../../api/errorText';
import { useMutation } from '../../api/useMutation';
import { FormDialog } from '../../components/FormDialog';
import { useLanguage, useT } from '../../i18n';
import { useRoleLabel } from '../staff/hooks/useRoleLabel';

type Values = {
  name: string;
  kind: 'per_contract' | 'top_collector' | 'streak';
  amount: string;
  minAmount: string;
  newOnly: boolean;
  months: number;
  roles: (typeof ROLES)[number][];
  from: Dayjs;
  to: Dayjs | null;
};

/** A bonus rule for a period: per contract signed, most collected this month, or target met N months in a row. */
export function BonusRuleDialog({ month, onClose, onSaved }: { month: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const roleLabel = useRoleLabel();
  // A manager writes rules only for the roles they manage (the core refuses the others).
  const payableRoles = useRole() === 'owner' ? ROLES : ROLES.filter((r) => MANAGED_BY_MANAGERS.includes(r));
  const [form] = Form.useForm<Values>();
  const save = useMutation('bonusrules.create');
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'per_contract';

  const submit = async () => {
    const v = await form.validateFields();
    const amountFen = parseYuanToFen(v.amount);
    if (amountFen === null || amountFen <= 0) return form.setFields([{ name: 'amount', errors: [t('payitems.amountInvalid')] }]);
    const minFen = kind === 'per_contract' ? parseYuanToFen(v.minAmount || '0') : 0;
    if (minFen === null || minFen < 0) return form.setFields([{ name: 'minAmount', errors: [t('payitems.amountInvalid')] }]);
    const def =
      v.kind === 'per_contract'
        ? { kind: 'per_contract' as const, minAmountFen: minFen, newOnly: v.newOnly }
        : v.kind === 'top_collector'
          ? { kind: 'top_collector' as const }
          : { kind: 'streak' as const, months: v.months };
    try {
      await save.run({
        name: v.name,
        amountFen,
        roles: v.roles,
        fromMonth: v.from.format('YYYY-MM'),
        toMonth: v.to ? v.to.format('YYYY-MM') : null,
        def,
      });
      onSaved();
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    }
  };

  return (
    <FormDialog
      title={t('rules.add')}
      saving={save.running}
      onOk={() => void submit()}
      onClose={onClose}
      error={error}
      width={520}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'per_contract',
          newOnly: true,
          months: 3,
          roles: ['salesperson'],
          from: dayjs(`${month}-01`),
          to: null,
        }}
        onFinish={() => void submit()}
      >
        <Form.Item name="name" label={t('rules.name')} rules={[{ required: true, whitespace: true, message: t('rules.name') }]}>
          <Input maxLength={30} placeholder="开单奖" />
        </Form.Item>
        <Form.Item name="kind" label={t('rules.kind')}>
          <Select
            options={(['per_contract', 'top_collector', 'streak'] as const).map((k) => ({
              value: k,
              label: t(`rules.kind.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'per_contract' && (
          <>
            <Form.Item name="minAmount" label={t('rules.minAmount')}>
              <Input inputMode="decimal" placeholder="3000" />
            </Form.Item>
            <Form.Item name="newOnly" valuePropName="checked">
              <Checkbox>{t('rules.newOnly')}</Checkbox>
            </Form.Item>
          </>
        )}
        {kind === 'streak' && (
          <Form.Item name="months" label={t('rules.months')}>
            <InputNumber min={2} max={12} />
          </Form.Item>
        )}
        <Form.Item name="amount" label={t('rules.amount')} rules={[{ required: true, message: t('payitems.amountInvalid') }]}>
          <Input inputMode="decimal" placeholder="100" />
        </Form.Item>
        <Form.Item name="roles" label={t('rules.roles')}>
          <Select mode="multiple" options={payableRoles.map((r) => ({ value: r, label: roleLabel(r) }))} />
        </Form.Item>
        <Form.Item name="from" label={t('rules.from')}>
          <DatePicker picker="month" allowClear={false} />
        </Form.Item>
        <Form.Item name="to" label={t('rules.to')}>
          <DatePicker picker="month" />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
