import type { Session } from 'electron';
import { contentSecurityPolicy } from './csp';
import { isPermissionGranted } from './permissions';

/**
 * Session-wide guards: our CSP on every HTTP(S) response (app:// responses carry it from the
 * protocol handler, since header hooks skip custom schemes), and every permission request or
 * device request denied except those permissions.ts allows.
 */
export function hardenSession(ses: Session): void {
  const csp = contentSecurityPolicy();
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
}
