import type { IncomingMessage } from 'node:http';
import type { Actor } from '../../shared/roles';
import { sessionActor, signInRequired } from '../server/auth/auth.service';
import type { Office } from '../server/office';
import { sessionCookieOf } from './request-guard';

export type HttpCaller = {
  actor: Actor | null;
  token: string | null;
  csrf: string | null;
  signInRequired: boolean;
  /** The peer is this computer: the local owner before sign-in, and the one allowed to name its folders. */
  loopback: boolean;
};

const isLoopback = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/**
 * Who is calling over HTTP. Once anyone has a password, only a signed-in session counts. Before
 * that (a new office), the person at this computer acts as the owner — loopback only; from the
 * LAN nobody is anybody until the owner has set passwords.
 */
export function resolveHttpCaller(req: IncomingMessage, office: Office): HttpCaller {
  const token = sessionCookieOf(req);
  const loopback = isLoopback(req.socket.remoteAddress);
  if (signInRequired(office)) {
    const session = sessionActor(office, token, 'http');
    return { actor: session, token, csrf: session?.csrf ?? null, signInRequired: true, loopback };
  }
  const local: Actor = { staffId: null, code: 'local', name: '本机', role: 'owner', via: 'http' };
  return { actor: loopback ? local : null, token, csrf: null, signInRequired: false, loopback };
}
