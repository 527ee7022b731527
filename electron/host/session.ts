import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../shared/roles';

/**
 * Who is calling over HTTP. Until sign-in exists the host only listens on loopback and the
 * person at this computer acts as the owner — the same trust the desktop window has.
 * Sign-in (SPEC §6) replaces this one function.
 */
export function resolveHttpActor(_req: IncomingMessage): Actor | null {
  return { staffId: null, code: 'local', name: '本机', role: 'owner', via: 'http' };
}
