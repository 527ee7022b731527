import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu-template';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('menuTemplate', () => {
  it('is in Chinese with copy and paste available', () => {
    const menu = menuTemplate({ isPackaged: true, platform: 'win32' });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    expect(roles(menu)).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll', 'quit']));
  });
  it('offers reload and developer tools only when unpackaged', () => {
    expect(roles(menuTemplate({ isPackaged: true, platform: 'win32' }))).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    expect(roles(menuTemplate({ isPackaged: true, platform: 'linux' }))).not.toContain('reload');
    expect(roles(menuTemplate({ isPackaged: false, platform: 'linux' }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });
  it('has the app menu on macOS', () => {
    expect(menuTemplate({ isPackaged: true, platform: 'darwin' })[0]?.role).toBe('appMenu');
  });
});
