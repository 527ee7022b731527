import { describe, expect, it } from 'vitest';
import { resolveAppFile } from './app-protocol';
import { contentSecurityPolicy } from './csp';
import { isExternalWebUrl, isInsideRoot, isKnownMethod, isTrustedSender } from './ipc-guard';
import { mainWindowOptions } from './window-options';

describe('main window options', () => {
  const options = mainWindowOptions('/app/preload.cjs');
  it('isolates and sandboxes the renderer with no Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
  it('opens titled 门店通 and shows only when ready', () => {
    expect(options.title).toBe('门店通');
    expect(options.show).toBe(false);
  });
});

describe('CSP', () => {
  it('allows only our own scripts and no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe('IPC guard', () => {
  it('trusts only the main frame of our app origin', () => {
    expect(isTrustedSender('app://office/index.html', true)).toBe(true);
    expect(isTrustedSender('app://office/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('file:///etc/passwd', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
  it('knows contract methods and nothing else', () => {
    expect(isKnownMethod('staff.list')).toBe(true);
    expect(isKnownMethod('staff.drop')).toBe(false);
    expect(isKnownMethod('__proto__')).toBe(false);
    expect(isKnownMethod(42)).toBe(false);
  });
  it('opens only http(s) links externally', () => {
    expect(isExternalWebUrl('https://example.com')).toBe(true);
    expect(isExternalWebUrl('file:///C:/Windows')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
  });
  it('keeps open/reveal inside the archive root', () => {
    expect(isInsideRoot('/d/档案/合同/a.pdf', '/d/档案', '/')).toBe(true);
    expect(isInsideRoot('/d/档案2/a.pdf', '/d/档案', '/')).toBe(false);
    expect(isInsideRoot('/d/档案/../x', '/d/档案', '/')).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('maps app URLs into the renderer folder and refuses escapes', () => {
    expect(resolveAppFile('app://office/', '/r')).toBe('/r/index.html');
    expect(resolveAppFile('app://office/assets/x.js', '/r')).toBe('/r/assets/x.js');
    // The URL parser folds dot segments, so this stays inside the renderer folder.
    expect(resolveAppFile('app://office/%2e%2e/secret', '/r')).toBe('/r/secret');
    expect(resolveAppFile('app://office/..%5c..%5cwin.ini', '/r')).toBeNull();
    expect(resolveAppFile('app://other/index.html', '/r')).toBeNull();
  });
});
