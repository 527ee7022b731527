import { isAppUrl } from './app-protocol';

/**
 * Browser permissions the page may use. Everything (camera, geolocation, notifications,
 * clipboard reads, HID/serial…) is denied, except writing to the clipboard from our own page:
 * copying a phone number or a contract number is everyday office work and exposes nothing.
 */
const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl);
}
