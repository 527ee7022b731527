import { App, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import type { ClientFilters } from '../../../../shared/contract/clients';
import { toApiError, type ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { errorText } from '../../api/errorText';
import { FormDialog, useSaving } from '../../components/FormDialog';
import { useLanguage, useT } from '../../i18n';

type Values = { scope: 'selected' | 'filtered'; reason: string };

/** 退回公海 (managers): the clients picked in the list, or every client the current filters show. */
export function PutBackModal({
  clientIds,
  filters,
  filteredCount,
  onClose,
  onDone,
}: {
  clientIds: number[];
  filters: Partial<ClientFilters>;
  filteredCount: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const { saving, run } = useSaving((caught) => setError(toApiError(caught)));
  const save = (v: Values): Promise<void> =>
    run(async () => {
      const done = await call('pool.putBack', {
        ...(v.scope === 'selected' ? { clientIds } : { filters }),
        reason: v.reason,
      });
      void message.success(t('pool.putBackDone', { count: done.returned }));
      onDone();
    });
  return (
    <FormDialog
      title={t('pool.putBackTitle')}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      width={480}
      okText={t('pool.putBack')}
      error={error ? errorText(error, lang) : null}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ scope: clientIds.length ? 'selected' : 'filtered', reason: '' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="scope" label={t('pool.putBackScope')}>
          <Radio.Group
            options={[
              {
                value: 'selected',
                label: t('pool.putBackSelected', { count: clientIds.length }),
                disabled: clientIds.length === 0,
              },
              { value: 'filtered', label: t('pool.putBackFiltered', { count: filteredCount }) },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pool.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('pool.reason') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
