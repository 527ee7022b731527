import { useMemo, useSyncExternalStore } from 'react';
import { parseHash, toHash } from './hashPath';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The tiny router: the location hash as path segments. Hash routes work the same from the HTTP
 * host, a file:// page and the Electron custom protocol, with no server-side routes to keep.
 */
export function useHashPath(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}

/** Go to a route; `replace` swaps the history entry (used for redirects). */
export function navigate(segments: readonly string[], options: { replace?: boolean } = {}): void {
  const hash = toHash(segments);
  if (options.replace) window.location.replace(hash);
  else window.location.hash = hash;
}
