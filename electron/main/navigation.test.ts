import { describe, expect, it } from 'vitest';
import { isExternalWebUrl, navigationVerdict, windowOpenVerdict } from './navigation';

describe('navigation', () => {
  it('stays on our origin and sends web links to the system browser', () => {
    expect(navigationVerdict('app://office/index.html#/staff')).toBe('allow');
    expect(navigationVerdict('https://www.example.com/help')).toBe('external');
    expect(navigationVerdict('http://192.168.1.10:5517/')).toBe('external');
  });
  it('drops every other scheme', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<h1>x',
      'app://other/',
      'ms-msdt:/id',
      'smb://host/share',
      'chrome://settings',
      '',
    ]) {
      expect(navigationVerdict(url)).toBe('deny');
      expect(windowOpenVerdict(url)).toBe('deny');
    }
  });
  it('never opens a new window, even for our own origin', () => {
    expect(windowOpenVerdict('app://office/index.html')).toBe('deny');
    expect(windowOpenVerdict('https://example.com')).toBe('external');
  });
  it('accepts only well-formed http(s) URLs as external', () => {
    expect(isExternalWebUrl('https://example.com')).toBe(true);
    expect(isExternalWebUrl('HTTPS://EXAMPLE.COM')).toBe(true);
    expect(isExternalWebUrl('https:')).toBe(false);
    expect(isExternalWebUrl('mailto:a@b.cn')).toBe(false);
  });
});
