import type { Office } from '../server/office';
import { registerCallHandler } from './ipc-call';
import { registerFileHandlers } from './ipc-files';
import { registerPrintHandlers } from './ipc-print';
import type { IsAppWindow } from './ipc-sender';
import { ipcSessions } from './ipc-session';

/**
 * Every IPC channel the preload uses (electron/preload/channels.ts). Each handler checks its
 * sender first: our origin, the top frame, our own window.
 */
export function registerIpc(office: Office, isAppWindow: IsAppWindow): void {
  const sessions = ipcSessions(office);
  registerCallHandler(office, isAppWindow, sessions);
  registerPrintHandlers(isAppWindow);
  registerFileHandlers(office, isAppWindow, sessions);
}
