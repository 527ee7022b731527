import { BrowserWindow } from 'electron';
import { APP_ENTRY } from './app-protocol';
import { mainWindowOptions } from './window-options';

/**
 * The one window factory. Navigation, pop-up and permission guards are attached to every web
 * contents in index.ts ('web-contents-created'), so they cannot be forgotten here.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}

/** Bring an existing window to the front (second launch, dock click). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
