import { Alert, App, Checkbox, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { StaffRow } from '../../../../../shared/contract/staff';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { useFormApiError } from '../../../api/useFormApiError';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';

type Values = { leftOn: Dayjs | null; clientsToPool: boolean };

const FIELDS = ['leftOn'] as const;

/** 离职: the confirmation step, with the leaving date (today unless changed). */
export function DeactivateModal({
  row,
  onClose,
  onDone,
}: {
  row: StaffRow;
  onClose: () => void;
  onDone: (row: StaffRow) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useFormApiError(form, FIELDS);
  const [saving, setSaving] = useState(false);
  const hiredOn = dayjs(row.hiredOn);

  const confirm = async (values: Values): Promise<void> => {
    if (!values.leftOn) return;
    setSaving(true);
    try {
      const done = await call('staff.deactivate', {
        id: row.id,
        leftOn: values.leftOn.format('YYYY-MM-DD'),
        clientsToPool: values.clientsToPool === true,
      });
      void message.success(t('staff.deactivated', { name: done.name }));
      onDone(done);
    } catch (error) {
      errors.show(toApiError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('staff.deactivateTitle', { name: row.name, code: row.code })}
      okText={t('staff.deactivateOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={480}
    >
      <Alert type="warning" showIcon title={t('staff.deactivateHint')} className="error-alert" />
      <ErrorAlert text={errors.general} />
      {/* component={false}: no <form>, so Enter in the date picker (a one-field form submits on
          Enter) picks the date instead of confirming the leave behind the person's back. */}
      <Form<Values>
        form={form}
        component={false}
        layout="vertical"
        initialValues={{ leftOn: dayjs().startOf('day'), clientsToPool: false }}
        onFinish={(v) => void confirm(v)}
        onValuesChange={errors.clear}
      >
        <Form.Item
          name="leftOn"
          label={t('staff.leftOn')}
          rules={[{ required: true, message: t('common.required', { label: t('staff.leftOn') }) }]}
        >
          <DatePicker
            className="full-width"
            format="YYYY-MM-DD"
            allowClear={false}
            disabledDate={(d) => d.isBefore(hiredOn, 'day')}
          />
        </Form.Item>
        <Form.Item name="clientsToPool" valuePropName="checked">
          <Checkbox>{t('staff.clientsToPool')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
