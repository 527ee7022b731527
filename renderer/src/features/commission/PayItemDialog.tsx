import { AutoComplete, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { PAY_ITEM_CATEGORIES } from '../../../../shared/contract/pay-terms';
import { parseYuanToFen } from '../../../../shared/money';
import { toApiError } from '../../api/ApiError';
import { errorText } from '../../api/errorText';
import { useMutation } from '../../api/useMutation';
import { FormDialog } from '../../components/FormDialog';
import { useLanguage, useT } from '../../i18n';
import { useManagedStaffOptions } from '../../hooks/useStaffOptions';

type Values = {
  staffId: number;
  kind: 'bonus' | 'deduction';
  category: string;
  reason: string;
  amount: string;
  repeat: 'once' | 'monthly';
};

/** Add a 奖金 or 扣款 for one person, this month only or every month until stopped. */
export function PayItemDialog({ month, onClose, onSaved }: { month: string; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const [form] = Form.useForm<Values>();
  const staff = useManagedStaffOptions();
  const save = useMutation('payitems.create');
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'bonus';

  const submit = async () => {
    const v = await form.validateFields();
    const amountFen = parseYuanToFen(v.amount);
    if (amountFen === null || amountFen <= 0) {
      form.setFields([{ name: 'amount', errors: [t('payitems.amountInvalid')] }]);
      return;
    }
    try {
      await save.run({
        staffId: v.staffId,
        kind: v.kind,
        category: v.category,
        reason: v.reason,
        amountFen,
        fromMonth: month,
        toMonth: v.repeat === 'once' ? month : null,
      });
      onSaved();
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    }
  };

  return (
    <FormDialog
      title={t('payitems.addTitle')}
      saving={save.running}
      onOk={() => void submit()}
      onClose={onClose}
      error={error}
      width={520}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'bonus', repeat: 'once', category: PAY_ITEM_CATEGORIES.bonus[0] }}
        onFinish={() => void submit()}
      >
        <Form.Item name="staffId" label={t('payitems.person')} rules={[{ required: true, message: t('standing.choose') }]}>
          <Select options={staff.options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('payitems.kind')}>
          <Radio.Group
            optionType="button"
            onChange={(e) => form.setFieldValue('category', PAY_ITEM_CATEGORIES[e.target.value as 'bonus' | 'deduction'][0])}
            options={[
              { value: 'bonus', label: t('payitems.kind.bonus') },
              { value: 'deduction', label: t('payitems.kind.deduction') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('payitems.category')}
          rules={[{ required: true, whitespace: true, message: t('payitems.category') }]}
        >
          <AutoComplete options={PAY_ITEM_CATEGORIES[kind].map((c) => ({ value: c }))} maxLength={20} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('payitems.reason')}
          rules={[{ required: true, whitespace: true, message: t('payitems.reason') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="amount" label={t('payitems.amount')} rules={[{ required: true, message: t('payitems.amountInvalid') }]}>
          <Input inputMode="decimal" placeholder="100" />
        </Form.Item>
        <Form.Item name="repeat" label={t('payitems.repeat')}>
          <Radio.Group
            options={[
              { value: 'once', label: `${t('payitems.once')}(${month})` },
              { value: 'monthly', label: t('payitems.monthly') },
            ]}
          />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
