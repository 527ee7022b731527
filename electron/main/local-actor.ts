import type { Actor } from '../../shared/roles';

/**
 * Who the desktop window acts as. Until sign-in lands, the person at this computer is the local
 * owner — the same trust the loopback browser mode gives. Sign-in replaces this one function
 * (electron/main/ipc-call.ts is its only caller).
 */
export function desktopActor(): Actor {
  return { staffId: null, code: 'local', name: '本机', role: 'owner', via: 'ipc' };
}
