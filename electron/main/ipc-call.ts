import { ipcMain } from 'electron';
import type { Envelope } from '../../shared/errors';
import type { Office } from '../server/office';
import { IPC_CHANNELS } from '../preload/channels';
import { isKnownMethod } from './ipc-guard';
import type { IpcSessions } from './ipc-session';
import { refusedSender, senderIsTrusted, type IsAppWindow } from './ipc-sender';

/**
 * office:call → the same dispatch gate every transport uses. The session token of each window
 * stays here in the main process (the page never holds it): auth.login's answer is stripped of
 * it, auth.logout forgets it. Before anyone has a password, the window acts as the local owner.
 */
export function registerCallHandler(office: Office, isAppWindow: IsAppWindow, sessions: IpcSessions): void {
  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, input: unknown) => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    const name = isKnownMethod(method) ? method : String(method);
    const { actor, token } = sessions.callerOf(event);
    // Unknown names still go to dispatch, which answers with the one unknown_method envelope.
    const answer: Envelope<unknown> = await office.call(actor, name, input, { token, via: 'ipc' });
    if (name === 'auth.login' && answer.ok) {
      const { token: issued, ...state } = answer.value as { token: string };
      sessions.remember(event, issued);
      return { ok: true, value: state };
    }
    if (name === 'auth.logout') sessions.forget(event);
    return answer;
  });
}
