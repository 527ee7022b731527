import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { navigate, useHashPath } from '../app/useHashPath';
import { useT, type MessageKey } from '../i18n';
import { Page } from './Page';

export type SectionTab = { key: string; label: MessageKey; content: () => ReactNode };

/** A section whose tabs are sub-routes (#/area/tab); only the open tab is rendered. */
export function TabbedSection({
  area,
  title,
  tabs,
  className,
}: {
  area: string;
  title: string;
  tabs: readonly SectionTab[];
  className?: string;
}) {
  const t = useT();
  const [, sub] = useHashPath();
  const active = tabs.find((tab) => tab.key === sub) ?? tabs[0]!;
  return (
    <Page title={title}>
      <Card className={`tabs-card ${className ?? ''}`}>
        <Tabs
          activeKey={active.key}
          onChange={(key) => navigate([area, key])}
          items={tabs.map((tab) => ({
            key: tab.key,
            label: t(tab.label),
            children: tab.key === active.key ? tab.content() : null,
          }))}
        />
      </Card>
    </Page>
  );
}
