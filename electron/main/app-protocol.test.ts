import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, contentTypeFor, isAppUrl, resolveAppFile } from './app-protocol';

describe('isAppUrl', () => {
  it('accepts our origin only', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('app://office/#/clients')).toBe(true);
    expect(isAppUrl('app://office')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://office.evil/index.html')).toBe(false);
    expect(isAppUrl('https://office/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('resolveAppFile (posix)', () => {
  const p = path.posix;
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile('app://office/', '/r', p)).toBe('/r/index.html');
    expect(resolveAppFile('app://office/index.html?x=1#/clients', '/r', p)).toBe('/r/index.html');
    expect(resolveAppFile('app://office/assets/index-Cm7.js', '/r', p)).toBe('/r/assets/index-Cm7.js');
    expect(resolveAppFile('app://office/assets/%E5%9B%BE.png', '/r', p)).toBe('/r/assets/图.png');
  });
  it('never leaves the renderer folder', () => {
    // The URL parser folds plain and %2e dot segments before we see them; both stay inside.
    expect(resolveAppFile('app://office/../../etc/passwd', '/r', p)).toBe('/r/etc/passwd');
    expect(resolveAppFile('app://office/%2e%2e/secret', '/r', p)).toBe('/r/secret');
    expect(resolveAppFile('app://office/a/%2E%2E%2F..%2F..%2Fetc/passwd', '/r', p)).toBeNull();
    expect(resolveAppFile('app://office/..%2f..%2fetc/passwd', '/r', p)).toBeNull();
    expect(resolveAppFile('app://office/x%00.js', '/r', p)).toBeNull();
    expect(resolveAppFile('app://office/%E0%A4%A', '/r', p)).toBeNull();
    expect(resolveAppFile('app://other/index.html', '/r', p)).toBeNull();
    expect(resolveAppFile('file:///r/index.html', '/r', p)).toBeNull();
  });
});

describe('resolveAppFile (win32)', () => {
  const p = path.win32;
  it('maps into the folder and refuses backslashes, drives and streams', () => {
    expect(resolveAppFile('app://office/assets/a.js', 'C:\\App\\renderer', p)).toBe('C:\\App\\renderer\\assets\\a.js');
    expect(resolveAppFile('app://office/..%5c..%5cwin.ini', 'C:\\App\\renderer', p)).toBeNull();
    expect(resolveAppFile('app://office/C:%5cWindows%5cwin.ini', 'C:\\App\\renderer', p)).toBeNull();
    expect(resolveAppFile('app://office/D:/x', 'C:\\App\\renderer', p)).toBeNull();
    expect(resolveAppFile('app://office/index.html:secret', 'C:\\App\\renderer', p)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('gives module scripts a JavaScript type and unknown files a neutral one', () => {
    expect(contentTypeFor('/r/assets/a.js', path.posix)).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/r/index.HTML', path.posix)).toMatch(/^text\/html/);
    expect(contentTypeFor('/r/assets/a.css', path.posix)).toMatch(/^text\/css/);
    expect(contentTypeFor('/r/favicon.svg', path.posix)).toBe('image/svg+xml');
    expect(contentTypeFor('/r/blob', path.posix)).toBe('application/octet-stream');
  });
});
