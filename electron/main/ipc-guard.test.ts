import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { isKnownMethod, isTrustedSender } from './ipc-guard';

describe('isTrustedSender', () => {
  const ours = { frameUrl: 'app://office/index.html#/clients', isMainFrame: true, isAppWindow: true };
  it('trusts the top frame of our window on our origin', () => {
    expect(isTrustedSender(ours)).toBe(true);
  });
  it('refuses an iframe, another window, another origin or a vanished frame', () => {
    expect(isTrustedSender({ ...ours, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ours, isAppWindow: false })).toBe(false);
    for (const frameUrl of [
      'https://evil.example/',
      'file:///C:/x.html',
      'app://evil/index.html',
      'about:blank',
      'data:text/html,x',
      '',
      undefined,
    ]) {
      expect(isTrustedSender({ ...ours, frameUrl })).toBe(false);
    }
  });
});

describe('isKnownMethod', () => {
  it('knows every contract method', () => {
    for (const name of Object.keys(contract)) expect(isKnownMethod(name)).toBe(true);
  });
  it('knows nothing else, including inherited property names', () => {
    for (const name of ['staff.drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'STAFF.LIST']) {
      expect(isKnownMethod(name)).toBe(false);
    }
    expect(isKnownMethod(42)).toBe(false);
    expect(isKnownMethod(null)).toBe(false);
    expect(isKnownMethod({ toString: () => 'staff.list' })).toBe(false);
  });
});
