/**
 * The renderer is served from a custom `app://office/` origin rather than file://: file://
 * pages share one origin with every local file, while a privileged custom scheme gives the app
 * its own origin that the IPC sender check and the CSP can name exactly.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'office';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Map an app:// URL to a file under the renderer folder, or null if it would leave it. */
export function resolveAppFile(url: string, rendererDir: string, sep = '/'): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const parts: string[] = [];
  for (const part of pathname.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' || part.includes('\\') || part.includes('\0')) return null;
    parts.push(part);
  }
  if (parts.length === 0) parts.push('index.html');
  return [rendererDir.replace(/[\\/]+$/, ''), ...parts].join(sep);
}
