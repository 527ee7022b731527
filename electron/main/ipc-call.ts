import { ipcMain } from 'electron';
import type { Office } from '../server/office';
import { IPC_CHANNELS } from '../preload/channels';
import { isKnownMethod } from './ipc-guard';
import { refusedSender, senderIsTrusted, type IsAppWindow } from './ipc-sender';
import { desktopActor } from './local-actor';

/** office:call → the same dispatch gate every transport uses, as the desktop actor. */
export function registerCallHandler(office: Office, isAppWindow: IsAppWindow): void {
  ipcMain.handle(IPC_CHANNELS.call, (event, method: unknown, input: unknown) => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    // Unknown names still go to dispatch, which answers with the one unknown_method envelope.
    return office.call(desktopActor(), isKnownMethod(method) ? method : String(method), input);
  });
}
