import type { PlatformPath } from 'node:path';

/**
 * Why a custom `app://office/` origin instead of file://: a file:// page shares its origin with
 * every file on the disk (and gets extra legacy privileges), so neither the IPC sender check
 * nor the CSP's 'self' could tell our page from any local HTML file. A privileged standard
 * scheme gives the app one exact origin of its own, and lets the `grantFileProtocolExtraPrivileges`
 * fuse stay off. Vite builds with `base: './'`, so the same bundle works here and over HTTP.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'office';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** True for URLs of our own page (any path), false for everything else or garbage. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Map an app:// URL to a file under the built renderer folder, or null when it is not ours or
 * would leave that folder. `p` is node:path (or path.win32/posix in tests).
 */
export function resolveAppFile(url: string, rendererDir: string, p: PlatformPath): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const segments = pathname.split('/').filter((s) => s !== '' && s !== '.');
  // Backslashes and colons would be separators or drive/stream names on Windows.
  if (segments.some((s) => s === '..' || /[\\:\0]/.test(s))) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = p.resolve(rendererDir);
  const file = p.resolve(root, ...segments);
  const rel = p.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !p.isAbsolute(rel) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused without a JavaScript MIME type, so we never leave it to sniffing. */
export function contentTypeFor(file: string, p: PlatformPath): string {
  return CONTENT_TYPES[p.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
