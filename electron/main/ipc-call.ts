import { ipcMain } from 'electron';
import type { Envelope } from '../../shared/errors';
import { sessionActor, signInRequired } from '../server/auth/auth.service';
import type { Office } from '../server/office';
import { IPC_CHANNELS } from '../preload/channels';
import { isKnownMethod } from './ipc-guard';
import { refusedSender, senderIsTrusted, type IsAppWindow } from './ipc-sender';
import { desktopActor } from './local-actor';

/**
 * office:call → the same dispatch gate every transport uses. The session token of each window
 * stays here in the main process (the page never holds it): auth.login's answer is stripped of
 * it, auth.logout forgets it. Before anyone has a password, the window acts as the local owner.
 */
export function registerCallHandler(office: Office, isAppWindow: IsAppWindow): void {
  const tokens = new Map<number, string>();
  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, input: unknown) => {
    if (!senderIsTrusted(event, isAppWindow)) return refusedSender();
    const name = isKnownMethod(method) ? method : String(method);
    const token = tokens.get(event.sender.id) ?? null;
    const actor = signInRequired(office) ? sessionActor(office, token, 'ipc') : desktopActor();
    // Unknown names still go to dispatch, which answers with the one unknown_method envelope.
    const answer: Envelope<unknown> = await office.call(actor, name, input, { token, via: 'ipc' });
    if (name === 'auth.login' && answer.ok) {
      const { token: issued, ...state } = answer.value as { token: string };
      tokens.set(event.sender.id, issued);
      return { ok: true, value: state };
    }
    if (name === 'auth.logout') tokens.delete(event.sender.id);
    return answer;
  });
}
