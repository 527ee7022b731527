import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, net, protocol } from 'electron';
import { openOffice, type Office } from '../server/office';
import { APP_SCHEME, resolveAppFile } from './app-protocol';
import { registerIpc } from './ipc';
import { createMainWindow, hardenSession } from './window';

// Bundled to dist/electron/main.js; the renderer is built to dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** The packaged better-sqlite3 build, if packaging put one aside (see README, native module). */
function packagedNativeBinding(): string | undefined {
  const candidate = path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

let office: Office | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database: hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(() => {
    hardenSession();
    protocol.handle(APP_SCHEME, (request) => {
      const file = resolveAppFile(request.url, rendererDir, path.sep);
      if (!file || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
      return net.fetch(`file://${file}`);
    });
    const dataDir = process.env.OFFICE_DATA ?? app.getPath('userData');
    try {
      const nativeBinding = packagedNativeBinding();
      office = openOffice({ dataDir, ...(nativeBinding ? { nativeBinding } : {}) });
    } catch (error) {
      dialog.showErrorBox('门店通无法打开数据 / Cannot open the data', (error as Error).message);
      app.quit();
      return;
    }
    registerIpc(office);
    mainWindow = createMainWindow(preloadPath);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void office?.close();
  });
}
