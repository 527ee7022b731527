import type { IpcMainInvokeEvent } from 'electron';
import type { Actor } from '../../shared/roles';
import { sessionActor, signInRequired } from '../server/auth/auth.service';
import type { Office } from '../server/office';
import { desktopActor } from './local-actor';

/** Who a window's IPC calls act as, and its session token (kept here, never in the page). */
export type IpcSessions = {
  callerOf: (event: IpcMainInvokeEvent) => { actor: Actor | null; token: string | null };
  remember: (event: IpcMainInvokeEvent, token: string) => void;
  forget: (event: IpcMainInvokeEvent) => void;
};

/**
 * One per app: every IPC channel that reaches the office (calls, opening a document) resolves the
 * caller the same way — the window's session once sign-in is on, the local owner before.
 */
export function ipcSessions(office: Office): IpcSessions {
  const tokens = new Map<number, string>();
  return {
    callerOf: (event) => {
      const token = tokens.get(event.sender.id) ?? null;
      return { actor: signInRequired(office) ? sessionActor(office, token, 'ipc') : desktopActor(), token };
    },
    remember: (event, token) => tokens.set(event.sender.id, token),
    forget: (event) => tokens.delete(event.sender.id),
  };
}
