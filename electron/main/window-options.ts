import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The one set of options every app window gets (Electron's security checklist): an isolated,
 * sandboxed renderer with no Node, which reaches the core only through the preload's bridge.
 * Type-only import of 'electron', so the unit test runs under plain Node.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: '门店通',
    // Shown on 'ready-to-show', so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app with that file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
