import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from './permissions';

describe('isPermissionGranted', () => {
  it('denies every device and data permission', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'fullscreen',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission, 'app://office/index.html')).toBe(false);
    }
  });
  it('lets only our own page write to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://office/index.html')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://office')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined)).toBe(false);
  });
});
