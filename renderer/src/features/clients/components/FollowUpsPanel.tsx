import { App, Button, DatePicker, Empty, Form, Input, Select, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FOLLOW_UP_WAYS, FOLLOW_UP_WAY_LABELS, type FollowUpWay } from '../../../../../shared/contract/follow-ups';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { useFormApiError } from '../../../api/useFormApiError';
import { useQuery } from '../../../api/useQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n';
import { useLabel } from '../../../hooks/useLabel';

type Values = { happenedOn: Dayjs; way: FollowUpWay; content: string; nextStep: string; nextOn: Dayjs | null };

/** The core's field paths are the form's names, so each problem shows under its own field. */
const FIELDS = ['happenedOn', 'way', 'content', 'nextStep', 'nextOn'] as const;

/**
 * 跟进记录: "通过首次接触后要马上记录…并做好下一步的跟进计划" — the log form first, then the history.
 * Logging a follow-up settles the client's earlier open next steps.
 */
export function FollowUpsPanel({ clientId, onLogged }: { clientId: number; onLogged: () => void }) {
  const t = useT();
  const label = useLabel();
  const { message } = App.useApp();
  const list = useQuery('followups.list', { clientId });
  const [form] = Form.useForm<Values>();
  const errors = useFormApiError(form, FIELDS);
  const [saving, setSaving] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');

  const save = async (v: Values): Promise<void> => {
    setSaving(true);
    errors.clear();
    try {
      await call('followups.create', {
        clientId,
        happenedOn: v.happenedOn.format('YYYY-MM-DD'),
        way: v.way,
        content: v.content,
        nextStep: v.nextStep ?? '',
        nextOn: v.nextOn ? v.nextOn.format('YYYY-MM-DD') : null,
      });
      void message.success(t('followups.logged'));
      form.resetFields();
      list.refresh();
      onLogged();
    } catch (caught) {
      errors.show(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  const complete = async (id: number): Promise<void> => {
    await call('followups.complete', { id });
    list.refresh();
  };

  return (
    <div className="followups">
      <ErrorAlert text={errors.general} />
      <ErrorAlert error={list.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        className="followup-form"
        initialValues={{ happenedOn: dayjs(), way: 'phone', content: '', nextStep: '', nextOn: null }}
        onFinish={(v) => void save(v)}
        onValuesChange={errors.clear}
        // Enter in a date field confirms the date; it must not log the follow-up half typed.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
        }}
      >
        <div className="form-grid-4">
          <Form.Item name="happenedOn" label={t('followups.happenedOn')} rules={[{ required: true }]}>
            <DatePicker className="full-width" format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Form.Item name="way" label={t('followups.way')}>
            <Select options={FOLLOW_UP_WAYS.map((w) => ({ value: w, label: label(FOLLOW_UP_WAY_LABELS[w]) }))} />
          </Form.Item>
          <Form.Item name="nextStep" label={t('followups.nextStep')}>
            <Input maxLength={500} placeholder={t('followups.nextStepPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="nextOn"
            label={t('followups.nextOn')}
            dependencies={['happenedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: Dayjs | null) => {
                  const happened = getFieldValue('happenedOn') as Dayjs | null;
                  if (value && happened && value.isBefore(happened, 'day')) throw new Error(t('followups.nextBeforeHappened'));
                },
              }),
            ]}
          >
            <DatePicker className="full-width" format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('followups.content')}
            className="span-4"
            rules={[{ required: true, whitespace: true, message: t('common.required', { label: t('followups.content') }) }]}
          >
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('followups.contentPlaceholder')} />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('followups.log')}
        </Button>
      </Form>
      {(list.data ?? []).length === 0 ? (
        <Empty description={t('followups.empty')} />
      ) : (
        <Timeline
          className="followup-timeline"
          items={(list.data ?? []).map((f) => ({
            key: f.id,
            color: f.done ? 'gray' : f.nextOn && f.nextOn < today ? 'red' : 'blue',
            content: (
              <div className="followup-item">
                <Typography.Text type="secondary" className="followup-meta">
                  {f.happenedOn} · {label(FOLLOW_UP_WAY_LABELS[f.way])} · {f.staffName || t('clients.unassigned')}
                </Typography.Text>
                <Typography.Paragraph className="followup-content">{f.content}</Typography.Paragraph>
                {f.nextOn && (
                  <div className="followup-next">
                    <Tag color={f.done ? 'default' : f.nextOn < today ? 'red' : f.nextOn === today ? 'orange' : 'blue'}>
                      {f.done ? t('followups.done') : t('followups.nextOnTag', { date: f.nextOn })}
                    </Tag>
                    {f.nextStep}
                    {!f.done && (
                      <Button type="link" size="small" onClick={() => void complete(f.id)}>
                        {t('followups.complete')}
                      </Button>
                    )}
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
