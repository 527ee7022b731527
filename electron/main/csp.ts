/**
 * The page policy for the app's own content: same-origin scripts only, inline styles because
 * antd injects them, nothing framed, no network but the app itself. Mirrors the browser
 * mode's PAGE_CSP in electron/host/static-files.ts.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
