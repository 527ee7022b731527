import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, contentTypeFor, resolveAppFile } from './app-protocol';
import { contentSecurityPolicy } from './csp';

/** Must run before the app is ready: only then can a scheme become a standard, secure origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serve the built renderer (dist/renderer, inside app.asar when packaged) on app://office/.
 * The CSP header is set here because session.webRequest's header hooks do not run for custom
 * protocols (electron/electron#6021, #45865); hardenSession still sets it for anything else.
 */
export function serveRenderer(rendererDir: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(request.url, rendererDir, path);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = new Uint8Array(await fs.readFile(file));
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file, path),
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
