/**
 * The page policy for the app's own content: same-origin scripts only (no inline, no eval),
 * inline styles because antd's CSS-in-JS injects <style> tags, nothing framed or embedded, no
 * network but the app itself. Kept identical to the browser mode's PAGE_CSP
 * (electron/host/static-files.ts) so the end-to-end tests run under the same rules; the test
 * beside this file compares them.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'self'"],
];

export function contentSecurityPolicy(): string {
  return CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}
