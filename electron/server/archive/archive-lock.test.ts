import { describe, expect, it } from 'vitest';
import { withArchiveLock } from './archive-lock';

describe('archive lock', () => {
  it('runs one change at a time', async () => {
    const order: string[] = [];
    const slow = withArchiveLock(async () => {
      order.push('a start');
      await new Promise((r) => setTimeout(r, 30));
      order.push('a end');
    });
    const next = withArchiveLock(async () => {
      order.push('b');
    });
    await Promise.all([slow, next]);
    expect(order).toEqual(['a start', 'a end', 'b']);
  });

  it('lets work that holds the lock take it again instead of waiting for itself', async () => {
    const inner = await Promise.race([
      withArchiveLock(() => withArchiveLock(async () => 'inner ran')),
      new Promise((r) => setTimeout(() => r('deadlock'), 2000)),
    ]);
    expect(inner).toBe('inner ran');
  });

  it('a failed change does not block the next one', async () => {
    await expect(withArchiveLock(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await withArchiveLock(async () => 'next')).toBe('next');
  });
});
