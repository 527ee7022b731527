import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useQuery } from '../../../api/useQuery';
import { useAuth } from '../../../app/AuthContext';
import { useLanguage, useT } from '../../../i18n';

/** 账户与安全: change one's own password; the owner sets anyone's (the first one turns sign-in on). */
export function AccountCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { state, refresh } = useAuth();
  const isOwner = !state.me || state.me.role === 'owner';
  const staff = useQuery('staff.list', {});
  const failed = (e: unknown) => void message.error(errorText(toApiError(e), lang));
  const [own] = Form.useForm<{ current: string; next: string }>();
  const [other] = Form.useForm<{ staffId: number; password: string }>();
  return (
    <Card title={t('auth.account')} data-testid="account-card">
      <Typography.Paragraph type="secondary">
        {state.me ? t('auth.signedInAs', { name: state.me.name, code: state.me.code }) : t('auth.localOwner')}
      </Typography.Paragraph>
      {state.me && (
        <Form
          form={own}
          layout="inline"
          onFinish={(v) =>
            call('auth.changePassword', v).then(() => (own.resetFields(), void message.success(t('auth.changed'))), failed)
          }
        >
          <Form.Item name="current" rules={[{ required: true, message: t('auth.current') }]}>
            <Input.Password placeholder={t('auth.current')} aria-label={t('auth.current')} autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="next" rules={[{ required: true, message: t('auth.next') }]}>
            <Input.Password placeholder={t('auth.next')} aria-label={t('auth.next')} autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">{t('auth.change')}</Button>
        </Form>
      )}
      {isOwner && (
        <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
          <Typography.Text strong>{t('auth.setFor')}</Typography.Text>
          <Form
            form={other}
            layout="inline"
            onFinish={(v) =>
              call('auth.setPassword', v).then(() => {
                other.resetFields();
                void message.success(t('auth.setDone', { name: staff.data?.find((s) => s.id === v.staffId)?.name ?? '' }));
                refresh();
              }, failed)
            }
          >
            <Form.Item name="staffId" rules={[{ required: true, message: t('auth.staff') }]}>
              <Select
                aria-label={t('auth.staff')}
                placeholder={t('auth.staff')}
                style={{ width: 200 }}
                options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}(${s.code})` }))}
              />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('auth.next') }]}>
              <Input.Password placeholder={t('auth.next')} aria-label={t('auth.next')} autoComplete="new-password" />
            </Form.Item>
            <Button htmlType="submit">{t('auth.set')}</Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
