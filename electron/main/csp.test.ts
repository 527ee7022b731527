import { describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../host/static-files';
import { contentSecurityPolicy } from './csp';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

describe('contentSecurityPolicy', () => {
  const csp = directives(contentSecurityPolicy());

  it('runs only our own scripts: no inline, no eval, no other origin', () => {
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('embeds nothing and cannot be embedded or re-based', () => {
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
  });

  it('talks to nothing but itself', () => {
    expect(csp.get('connect-src')).toBe("'self'");
  });

  it('is the same policy the browser mode serves, so end-to-end tests see the same rules', () => {
    expect(csp).toEqual(directives(PAGE_CSP));
  });
});
