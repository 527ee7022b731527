import {
  AimOutlined,
  BarChartOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Method } from '../../../shared/contract';
import type { MessageKey } from '../i18n';
import { lazyPage } from './lazyPage';

export type AppRoute = {
  /** First hash segment: #/staff, #/staff/targets … */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  page: LazyExoticComponent<ComponentType>;
  /** Shown only to roles that may call this method (every section is open to every role today). */
  needs?: Method;
};

/**
 * The sidebar, in order. Adding a section = one file under features/<area>/ exporting `XPage`,
 * and one line here with `lazyPage(() => import('../features/<area>/XPage'), 'XPage')`.
 */
// One line per section, so adding a page is a one-line change.
// prettier-ignore
export const routes: readonly AppRoute[] = [
  { path: 'dashboard', label: 'dash.title', icon: <DashboardOutlined />, page: lazyPage(() => import('../features/performance/DashboardPage'), 'DashboardPage') },
  { path: 'clients', label: 'nav.clients', icon: <ContactsOutlined />, page: lazyPage(() => import('../features/clients/ClientsPage'), 'ClientsPage') },
  { path: 'contracts', label: 'nav.contracts', icon: <FileProtectOutlined />, page: lazyPage(() => import('../features/contracts/ContractsPage'), 'ContractsPage') },
  { path: 'archive', label: 'nav.archive', icon: <FolderOpenOutlined />, page: lazyPage(() => import('../features/archive/ArchivePage'), 'ArchivePage') },
  { path: 'staff', label: 'nav.staff', icon: <TeamOutlined />, page: lazyPage(() => import('../features/staff/StaffPage'), 'StaffPage') },
  { path: 'performance', label: 'nav.performance', icon: <BarChartOutlined />, page: lazyPage(() => import('../features/performance/PerformancePage'), 'PerformancePage') },
  { path: 'standing', label: 'nav.standing', icon: <AimOutlined />, page: lazyPage(() => import('../features/commission/StandingPage'), 'StandingPage') },
  { path: 'settings', label: 'nav.settings', icon: <SettingOutlined />, page: lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
];

export function findRoute(path: string | undefined): AppRoute | undefined {
  return routes.find((route) => route.path === path);
}
