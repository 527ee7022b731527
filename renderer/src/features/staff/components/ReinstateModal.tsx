import { Alert, App, DatePicker, Form, Input, Modal, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { StaffRow } from '../../../../../shared/contract/staff';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { useFormApiError } from '../../../api/useFormApiError';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';

type Values = { on: Dayjs | null; reason: string };
const FIELDS = ['on', 'reason'] as const;
/** Who acted when it was not a signed-in person: the local owner, the command line, the office itself. */
const BY_LABELS: Record<string, 'staff.by.local' | 'staff.by.cli' | 'staff.by.system'> = {
  local: 'staff.by.local',
  cli: 'staff.by.cli',
  system: 'staff.by.system',
};

/** 恢复在职: bring back someone who left, with a reason; their 在职记录 is shown and kept. */
export function ReinstateModal({
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
  const history = useQuery('staff.history', { id: row.id });

  const confirm = async (values: Values): Promise<void> => {
    setSaving(true);
    try {
      const done = await call('staff.reinstate', {
        id: row.id,
        reason: values.reason,
        ...(values.on ? { on: values.on.format('YYYY-MM-DD') } : {}),
      });
      void message.success(t('staff.reinstated', { name: done.name }));
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
      title={t('staff.reinstateTitle', { name: row.name, code: row.code })}
      okText={t('staff.reinstateOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      width={520}
    >
      <Alert type="info" showIcon title={t('staff.reinstateHint')} className="error-alert" />
      <ErrorAlert text={errors.general} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ on: dayjs().startOf('day'), reason: '' }}
        onFinish={(v) => void confirm(v)}
        onValuesChange={errors.clear}
      >
        <Form.Item name="on" label={t('staff.reinstateOn')}>
          <DatePicker
            className="full-width"
            format="YYYY-MM-DD"
            allowClear={false}
            disabledDate={(d) => d.isBefore(dayjs(row.hiredOn), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('staff.reinstateReason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('common.required', { label: t('staff.reinstateReason') }) },
          ]}
        >
          <Input maxLength={300} placeholder={t('staff.reinstateReasonPlaceholder')} />
        </Form.Item>
      </Form>
      <Typography.Text strong>{t('staff.history')}</Typography.Text>
      <Timeline
        style={{ marginTop: 12 }}
        data-testid="staff-history"
        items={(history.data ?? []).map((e) => ({
          color: e.event === 'hired' || e.event === 'reinstated' ? 'green' : 'red',
          content: t('staff.eventBy', {
            date: e.effectiveOn,
            event: t(`staff.event.${e.event}`),
            by: BY_LABELS[e.byCode] ? t(BY_LABELS[e.byCode]!) : e.byCode,
            reason: e.reason ? `:${e.reason}` : '',
          }),
        }))}
      />
    </Modal>
  );
}
