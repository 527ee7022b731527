// The Electron shell's entry, bundled to dist/electron/main.js (ESM) by scripts/build-electron.mjs.
// Deliberately thin: every rule lives in a small pure module beside this one, and every
// capability in the office core behind the one dispatch gate.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, type WebContents } from 'electron';
import { openOffice, type Office } from '../server/office';
import { lockOfficeWhenFree } from '../server/office-lock';
import { startDailyJobs } from '../server/schedule/daily-jobs';
import { startTextJobs } from '../server/ocr/text-jobs.runner';
import { startInbox } from '../server/intake/inbox.watcher';
import { setImportChildLauncher } from '../server/imports/import-process';
import { registerAppScheme, serveRenderer } from './app-protocol-handler';
import { launchImportUtilityProcess } from './import-process';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu-template';
import { packagedNativeBinding } from './native-binding';
import { hardenSession } from './session-guards';
import { guardWebContents } from './web-guards';
import { createMainWindow, focusWindow } from './window';

// dist/electron/main.js → dist/renderer (Vite) and dist/electron/preload.cjs.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

let office: Office | null = null;
let mainWindow: BrowserWindow | null = null;

const isAppWindow = (contents: WebContents): boolean =>
  mainWindow !== null && !mainWindow.isDestroyed() && contents.id === mainWindow.webContents.id;

async function openTheOffice(): Promise<Office> {
  // OFFICE_DATA lets the desktop app, `npm run web` and the CLI point at the same folder.
  const dataDir = process.env.OFFICE_DATA ? path.resolve(process.env.OFFICE_DATA) : app.getPath('userData');
  const nativeBinding = packagedNativeBinding(app.isPackaged, process.resourcesPath);
  // The app holds the office while it runs (office-lock.ts): `office serve` and writing CLI
  // commands are refused meanwhile; a CLI command already running gets 30 s to finish.
  const lock = await lockOfficeWhenFree(dataDir, 'app', 30_000, nativeBinding);
  try {
    return openOffice({ dataDir, lock, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(rendererDir);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));
  try {
    office = await openTheOffice();
  } catch (error) {
    const e = error as { message?: string; messageEn?: string };
    dialog.showErrorBox(
      '门店通无法打开数据 / 门店通 cannot open its data',
      [e.message, e.messageEn].filter(Boolean).join('\n\n'),
    );
    app.exit(1);
    return;
  }
  registerIpc(office, isAppWindow);
  // Imports run in a utility process (Electron cannot fork itself as Node here).
  setImportChildLauncher(launchImportUtilityProcess);
  // Daily backup (once the owner chose a folder, 设置 › 备份) and daily archive audit while the app runs.
  startDailyJobs(office, (text) => console.log(`[main] ${text}`));
  // The text queue (OCR of scans, re-reading documents) resumes where the last run stopped.
  startTextJobs(office);
  // The scan inbox (设置 › 扫描收件箱): polled while the app runs.
  startInbox(office);
  mainWindow = createMainWindow(preloadPath);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// One copy per computer: a second one would open the same office.db. It hands over instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  // Every renderer sandboxed, even one created by mistake without mainWindowOptions.
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId('com.mendiantong.office');

  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  // macOS dock click.
  app.on('activate', () => focusWindow(mainWindow));
  // The office lives in this process, so closing the last window ends it on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Close the database before exiting (checkpoints the WAL), then quit for real.
    if (!office) return;
    event.preventDefault();
    const closing = office;
    office = null;
    closing
      .close()
      .catch((error: unknown) => console.error('[main] closing the office failed', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] 门店通 failed to start', error);
      dialog.showErrorBox('门店通无法启动 / 门店通 failed to start', String((error as Error)?.stack ?? error));
      app.exit(1);
    });
}
