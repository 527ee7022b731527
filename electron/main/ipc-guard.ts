import { contract } from '../../shared/contract';
import { APP_ORIGIN } from './app-protocol';

/**
 * Only our own page, in our own top-level frame, may call the core: a frame navigated
 * elsewhere or an injected iframe is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  if (!frameUrl || !isMainFrame) return false;
  try {
    return new URL(frameUrl).origin === APP_ORIGIN || frameUrl.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

export function isKnownMethod(name: unknown): name is keyof typeof contract {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Links the user clicks may open in the system browser, never file:, javascript: or custom schemes. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A file the user asks to open or reveal must lie inside the archive root. */
export function isInsideRoot(file: string, root: string, sep: string): boolean {
  const normalizedRoot = root.endsWith(sep) ? root : root + sep;
  return file.startsWith(normalizedRoot) && !file.split(sep).includes('..');
}
