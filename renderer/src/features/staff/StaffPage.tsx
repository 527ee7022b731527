import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { navigate, useHashPath } from '../../app/useHashPath';
import { ComingSoon } from '../../components/ComingSoon';
import { Page } from '../../components/Page';
import { useT, type MessageKey } from '../../i18n';
import { StaffListTab } from './components/StaffListTab';

type StaffTab = { key: string; label: MessageKey; content: () => ReactNode };

/**
 * 员工与指标. Each tab is a sub-route (#/staff/targets …). 月度指标 (保底销售额 / 目标销售额 /
 * 提成比例) and 提成 are built separately: replace their `content` with the real component.
 */
const TABS: readonly StaffTab[] = [
  { key: 'list', label: 'staff.tab.list', content: () => <StaffListTab /> },
  { key: 'targets', label: 'staff.tab.targets', content: () => <ComingSoon description="soon.targets" /> },
  { key: 'commission', label: 'staff.tab.commission', content: () => <ComingSoon description="soon.commission" /> },
];

export function StaffPage() {
  const t = useT();
  const [, sub] = useHashPath();
  const active = TABS.find((tab) => tab.key === sub) ?? TABS[0]!;
  return (
    <Page title={t('staff.title')}>
      <Card className="tabs-card">
        <Tabs
          activeKey={active.key}
          onChange={(key) => navigate(['staff', key])}
          items={TABS.map((tab) => ({
            key: tab.key,
            label: t(tab.label),
            children: tab.key === active.key ? tab.content() : null,
          }))}
        />
      </Card>
    </Page>
  );
}
