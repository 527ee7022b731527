import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useAuth } from '../app/AuthContext';
import { useT } from '../i18n';

/** Who is signed in, and 退出 — shown once sign-in is on. */
export function UserMenu() {
  const t = useT();
  const { state, signOut } = useAuth();
  if (!state.me) return null;
  return (
    <Space data-testid="user-menu">
      <UserOutlined />
      <Typography.Text>{state.me.name}</Typography.Text>
      <Button size="small" icon={<LogoutOutlined />} onClick={signOut}>
        {t('auth.signOut')}
      </Button>
    </Space>
  );
}
