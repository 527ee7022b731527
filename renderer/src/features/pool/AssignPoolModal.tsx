import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { FormDialog, useSaving } from '../../components/FormDialog';
import { useLanguage, useT } from '../../i18n';
import { useManagedStaffOptions } from '../../hooks/useStaffOptions';

type Values = { toStaffId: number; reason: string };

/** 分配: a manager gives pool clients to a colleague (the claim caps are for claims). */
export function AssignPoolModal({
  clientIds,
  onClose,
  onDone,
}: {
  clientIds: number[];
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const staff = useManagedStaffOptions();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const { saving, run } = useSaving((caught) => setError(toApiError(caught)));
  const save = (v: Values): Promise<void> =>
    run(async () => {
      const done = await call('pool.assign', { clientIds, toStaffId: v.toStaffId, reason: v.reason ?? '' });
      void message.success(t('pool.assigned', { count: done.assigned }));
      onDone();
    });
  return (
    <FormDialog
      title={t('pool.assignTitle', { count: clientIds.length })}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      width={480}
      error={error ? errorText(error, lang) : null}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={(v) => void save(v)}>
        <Form.Item
          name="toStaffId"
          label={t('pool.assignTo')}
          rules={[{ required: true, message: t('common.required', { label: t('pool.assignTo') }) }]}
        >
          <Select options={staff.options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('pool.reason')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
