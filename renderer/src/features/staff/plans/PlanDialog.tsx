import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { MonthPlans, PlanRow } from '../../../../../shared/contract/commission';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useMutation } from '../../../api/useMutation';
import { FormDialog } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';
import { formToPlan, planToForm, type PlanFormValues } from './planForm';

type Props = {
  month: string;
  /** null: the team default. */
  person: { staffId: number; name: string } | null;
  current: PlanRow | null;
  onSaved: (plans: MonthPlans) => void;
  onClose: () => void;
};

/** Set the team default or one person's floor, target, rate and multiplier (and leave). */
export function PlanDialog({ month, person, current, onSaved, onClose }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  const [form] = Form.useForm<PlanFormValues>();
  const save = useMutation('plans.set');
  const [error, setError] = useState<string | null>(null);

  // Called by the form once its own rules pass (保存, or Enter in a field).
  const submit = async (values: Partial<PlanFormValues>) => {
    setError(null);
    const { plan, problems } = formToPlan(values);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.field, errors: [t(p.message)] })));
      return;
    }
    try {
      onSaved(await save.run({ month, staffId: person?.staffId ?? null, plan }));
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    }
  };

  return (
    <FormDialog
      form={form}
      title={person ? t('plans.personTitle', { month, name: person.name }) : t('plans.teamTitle', { month })}
      saving={save.running}
      onOk={() => form.submit()}
      onClose={onClose}
      error={error}
      width={480}
    >
      {person && <Typography.Paragraph type="secondary">{t('plans.hint')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" initialValues={planToForm(current)} onFinish={(values) => void submit(values)}>
        <Form.Item name="floorYuan" label={t('plans.floor')}>
          <Input inputMode="decimal" placeholder="10000" />
        </Form.Item>
        <Form.Item name="targetYuan" label={t('plans.target')}>
          <Input inputMode="decimal" placeholder="30000" />
        </Form.Item>
        <Form.Item name="ratePercent" label={t('plans.rate')}>
          <Input inputMode="decimal" placeholder="5" suffix="%" />
        </Form.Item>
        <Form.Item name="multiplier" label={t('plans.multiplier')}>
          <Input inputMode="decimal" placeholder="2" suffix="×" />
        </Form.Item>
        {person && (
          <Form.Item name="leaveReason" label={t('plans.leave')}>
            <Input placeholder={t('plans.leavePlaceholder')} maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
