import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { errorText } from '../../../api/errorText';
import { useAuth } from '../../../app/AuthContext';
import { useLanguage, useT } from '../../../i18n';
import { PasswordResetTable } from './PasswordResetTable';

/**
 * 账户与安全: everyone changes their own password; the owner sets or resets anyone's, and sees
 * who can sign in and who is locked out. Sign-in turns on only with an owner's password.
 */
export function AccountCard() {
  const t = useT();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const { state, refresh } = useAuth();
  const isOwner = !state.me || state.me.role === 'owner';
  const [own] = Form.useForm<{ current: string; next: string }>();
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
            void call('auth.changePassword', v).then(
              () => (own.resetFields(), void message.success(t('auth.changed'))),
              (e: unknown) => void message.error(errorText(toApiError(e), lang)),
            )
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
        <>
          {!state.signInRequired && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('auth.ownerFirst')} />}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('auth.setFor')}
          </Typography.Title>
          <PasswordResetTable signInOn={state.signInRequired} onChanged={refresh} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('auth.recoveryHint')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
