import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import type { Method } from '../../../shared/contract';
import { roleMayCall, useRole } from '../app/permissions';
import { navigate, useHashPath } from '../app/useHashPath';
import { useT, type MessageKey } from '../i18n';
import { Page } from './Page';

/** `needs`: the tab is shown only to roles that may call this method (its main read or write). */
export type SectionTab = { key: string; label: MessageKey; content: () => ReactNode; needs?: Method };

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
  const role = useRole();
  // A tab the person may not use is not offered, and its address opens the first one instead.
  const shown = tabs.filter((tab) => !tab.needs || roleMayCall(role, tab.needs));
  const active = shown.find((tab) => tab.key === sub) ?? shown[0]!;
  return (
    <Page title={title}>
      <Card className={`tabs-card ${className ?? ''}`}>
        <Tabs
          activeKey={active.key}
          onChange={(key) => navigate([area, key])}
          items={shown.map((tab) => ({
            key: tab.key,
            label: t(tab.label),
            children: tab.key === active.key ? tab.content() : null,
          }))}
        />
      </Card>
    </Page>
  );
}
