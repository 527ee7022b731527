import { Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { FullScreenSpin } from '../components/FullScreenSpin';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { UserMenu } from '../components/UserMenu';
import { useT } from '../i18n';
import { homeRoute, roleMayCall, useRole } from './permissions';
import { findRoute, routes } from './routes';
import { navigate, useHashPath } from './useHashPath';
import { useOffice } from './useOffice';

/** Sidebar + header + the current section. */
export function AppShell() {
  const t = useT();
  const { settings } = useOffice();
  const [first] = useHashPath();
  const role = useRole();
  const shown = routes.filter((r) => !r.needs || roleMayCall(role, r.needs));
  const home = findRoute(homeRoute(role)) ?? shown[0]!;
  const found = findRoute(first);
  const route = found && shown.includes(found) ? found : undefined;

  useEffect(() => {
    if (!route) navigate([home.path], { replace: true });
  }, [route, home]);

  useEffect(() => {
    document.title = settings.officeName ? `${settings.officeName} · 门店通` : '门店通';
  }, [settings.officeName]);

  const current = route ?? home;
  const Page = current.page;
  return (
    <Layout className="shell">
      <Layout.Sider width={212} breakpoint="lg" collapsedWidth={64} className="shell-sider">
        <div className="shell-brand">
          <span className="shell-logo">门</span>
          <span className="shell-brand-name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[current.path]}
            items={shown.map((r) => ({ key: r.path, icon: r.icon, label: t(r.label) }))}
            onClick={({ key }) => navigate([key])}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <div className="shell-office">
            <Typography.Text strong className="shell-office-name" data-testid="office-name">
              {settings.officeName}
            </Typography.Text>
            {settings.officeAddress && (
              <Typography.Text type="secondary" className="shell-office-address" ellipsis>
                {settings.officeAddress}
              </Typography.Text>
            )}
          </div>
          <Space size="large">
            <UserMenu />
            <LanguageSwitch />
          </Space>
        </Layout.Header>
        <Layout.Content className="shell-content">
          {/* key: a new section starts fresh (its own Suspense and state). */}
          <Suspense key={current.path} fallback={<FullScreenSpin />}>
            <Page />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
