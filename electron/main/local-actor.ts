import type { Actor } from '../../shared/roles';

/**
 * Who the desktop window acts as before anyone has a password: the person at this computer is
 * the local owner — the same trust the loopback browser mode gives. Once sign-in is on,
 * electron/main/ipc-call.ts uses the window's session instead.
 */
export function desktopActor(): Actor {
  return { staffId: null, code: 'local', name: '本机', role: 'owner', via: 'ipc' };
}
