import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu in Chinese (Electron's default one is English and links to
 * electronjs.org). Roles only, so the template is pure and tested; reload and the developer
 * tools appear only when running unpackaged, so a clerk cannot wander into them.
 */
export function menuTemplate(options: { isPackaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const develop: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }];
  return [
    ...(mac ? [{ role: 'appMenu', label: '门店通' } as const] : []),
    { label: '文件', submenu: [mac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        ...develop,
      ],
    },
    {
      label: '窗口',
      submenu: [{ role: 'minimize', label: '最小化' }, ...(mac ? [{ role: 'zoom', label: '缩放' } as const] : [])],
    },
  ];
}
