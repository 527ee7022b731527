import { App, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { FormDialog, useSaving } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';
import { errorText } from '../../../api/errorText';
import { useStaffOptions } from '../../../hooks/useStaffOptions';

type Props = {
  /** The clients picked in the list (or the one open); empty to move all of a person's clients. */
  clientIds: number[];
  onClose: () => void;
  onDone: (moved: number) => void;
};

type Values = { scope: 'selected' | 'person'; fromStaffId?: number; toStaffId: number; reason: string };

/** 转移客户: the picked clients, or every client of one person, with their follow-ups and running contracts. */
export function ReassignModal({ clientIds, onClose, onDone }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const staff = useStaffOptions();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const { saving, run } = useSaving((caught) => setError(toApiError(caught)));
  const scope = Form.useWatch('scope', form) ?? (clientIds.length ? 'selected' : 'person');

  const save = async (v: Values): Promise<void> => {
    setError(null);
    await run(async () => {
      const { moved } = await call('clients.reassign', {
        ...(v.scope === 'selected' ? { clientIds } : { fromStaffId: v.fromStaffId! }),
        toStaffId: v.toStaffId,
        reason: v.reason,
      });
      void message.success(t('clients.reassigned', { count: moved }));
      onDone(moved);
    });
  };

  const required = (label: string) => ({ required: true, message: t('common.required', { label }) });
  return (
    <FormDialog
      form={form}
      title={t('clients.reassignTitle')}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      width={520}
      okText={t('clients.reassignOk')}
      error={error ? errorText(error, lang) : null}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ scope: clientIds.length ? 'selected' : 'person', reason: '' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="scope" label={t('clients.reassignScope')}>
          <Radio.Group
            options={[
              {
                value: 'selected',
                label: t('clients.reassignSelected', { count: clientIds.length }),
                disabled: clientIds.length === 0,
              },
              { value: 'person', label: t('clients.reassignAllOf') },
            ]}
          />
        </Form.Item>
        {scope === 'person' && (
          <Form.Item name="fromStaffId" label={t('clients.reassignFrom')} rules={[required(t('clients.reassignFrom'))]}>
            <Select options={staff.options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <Form.Item name="toStaffId" label={t('clients.reassignTo')} rules={[required(t('clients.reassignTo'))]}>
          <Select options={staff.options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('clients.reassignReason')}
          rules={[{ ...required(t('clients.reassignReason')), whitespace: true }]}
          extra={t('clients.reassignHelp')}
        >
          <Input maxLength={200} placeholder={t('clients.reassignReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
