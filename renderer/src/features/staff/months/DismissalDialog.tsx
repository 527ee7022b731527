import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DismissalCase } from '../../../../../shared/contract/commission';
import { errorText } from '../../../api/errorText';
import { toApiError } from '../../../api/ApiError';
import { useMutation } from '../../../api/useMutation';
import { FormDialog } from '../../../components/FormDialog';
import { useLanguage, useT } from '../../../i18n';
import { useStaffList } from '../hooks/useStaffList';

type Values = { reason: string; leftOn: Dayjs | null; clientsTo: 'colleague' | 'pool'; reassignToStaffId?: number };

/** The owner's decision on one 待辞退 case: keep (stays on 预警) or dismiss and hand over the clients. */
export function DismissalDialog({
  item,
  decision,
  onDone,
  onClose,
}: {
  item: DismissalCase;
  decision: 'keep' | 'dismiss';
  /** With what happened, so the message can say it (留用, or 辞退 with the clients handed over to whom). */
  onDone: (result: { decision: 'keep' | 'dismiss'; movedClients: number; toName: string | null; leftOn: string | null }) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { lang } = useLanguage();
  const [form] = Form.useForm<Values>();
  const decide = useMutation('dismissals.decide');
  const staff = useStaffList(false);
  const [error, setError] = useState<string | null>(null);
  const colleagues = (staff.data ?? []).filter((s) => s.id !== item.staffId && s.status !== 'left');
  const clientsTo = Form.useWatch('clientsTo', form) ?? 'colleague';

  const submit = async (v: Values) => {
    setError(null);
    try {
      const result = await decide.run({
        staffId: item.staffId,
        month: item.month,
        decision,
        reason: v.reason,
        ...(decision === 'dismiss' && v.leftOn ? { leftOn: v.leftOn.format('YYYY-MM-DD') } : {}),
        ...(decision === 'dismiss' && v.clientsTo === 'pool' ? { clientsToPool: true } : {}),
        ...(decision === 'dismiss' && v.clientsTo !== 'pool' && v.reassignToStaffId
          ? { reassignToStaffId: v.reassignToStaffId }
          : {}),
      });
      onDone({
        decision,
        movedClients: result.movedClients,
        toName: v.clientsTo === 'pool' ? null : (colleagues.find((c) => c.id === v.reassignToStaffId)?.name ?? null),
        leftOn: decision === 'dismiss' && v.leftOn ? v.leftOn.format('YYYY-MM-DD') : null,
      });
    } catch (caught) {
      setError(errorText(toApiError(caught), lang));
    }
  };

  return (
    <FormDialog
      form={form}
      title={t(decision === 'keep' ? 'dismissals.keepTitle' : 'dismissals.dismissTitle', { name: item.name })}
      okText={t(decision === 'keep' ? 'dismissals.keep' : 'dismissals.dismiss')}
      saving={decide.running}
      onOk={() => form.submit()}
      onClose={onClose}
      error={error}
      width={520}
    >
      <Form form={form} layout="vertical" initialValues={{ reason: '', leftOn: dayjs(), clientsTo: 'colleague' }} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('dismissals.reason')}
          rules={[{ required: true, min: 2, message: t('dismissals.reason') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {decision === 'dismiss' && (
          <>
            <Form.Item name="leftOn" label={t('dismissals.leftOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            {item.clientCount > 0 && (
              <>
                <Typography.Paragraph type="warning">
                  {t('dismissals.reassignHint', { name: item.name, n: item.clientCount })}
                </Typography.Paragraph>
                <Form.Item name="clientsTo" label={t('dismiss.clientsTo')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'colleague', label: t('dismiss.toColleague') },
                      { value: 'pool', label: t('dismiss.toPool') },
                    ]}
                  />
                </Form.Item>
                {clientsTo === 'colleague' && (
                  <Form.Item
                    name="reassignToStaffId"
                    label={t('dismissals.reassignTo')}
                    rules={[{ required: true, message: t('dismissals.reassignTo') }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={colleagues.map((s) => ({ value: s.id, label: `${s.name}(${s.code})` }))}
                    />
                  </Form.Item>
                )}
              </>
            )}
          </>
        )}
      </Form>
    </FormDialog>
  );
}
