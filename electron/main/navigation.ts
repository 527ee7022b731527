import { isAppUrl } from './app-protocol';

/** Links the user may open in the system browser: http(s) only — never file:, javascript: or custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.host !== '';
  } catch {
    return false;
  }
}

export type NavigationVerdict = 'allow' | 'external' | 'deny';

/**
 * What to do when the page tries to navigate (will-navigate) or open a window: stay only on our
 * own origin; web links go to the system browser; everything else is dropped.
 */
export function navigationVerdict(url: string): NavigationVerdict {
  if (isAppUrl(url)) return 'allow';
  return isExternalWebUrl(url) ? 'external' : 'deny';
}

/** New windows are never created; a web link is handed to the system browser instead. */
export function windowOpenVerdict(url: string): Exclude<NavigationVerdict, 'allow'> {
  return isExternalWebUrl(url) ? 'external' : 'deny';
}
