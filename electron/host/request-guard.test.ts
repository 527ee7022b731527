import { afterEach, describe, expect, it, vi } from 'vitest';
import { rateLimiter } from './request-guard';

afterEach(() => vi.useRealTimers());

describe('the request rate limit', () => {
  it('allows a burst, refuses a flood, refills with time, and counts each address apart', () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z') });
    const allow = rateLimiter(10, 20);
    const burst = Array.from({ length: 25 }, () => allow('10.0.0.2'));
    expect(burst.filter(Boolean)).toHaveLength(20);
    expect(burst.slice(20)).toEqual([false, false, false, false, false]);
    // Another computer on the LAN is not held back by the first one's flood.
    expect(allow('10.0.0.3')).toBe(true);

    vi.advanceTimersByTime(500); // half a second at 10 per second: 5 more
    const refilled = Array.from({ length: 8 }, () => allow('10.0.0.2'));
    expect(refilled.filter(Boolean)).toHaveLength(5);

    vi.advanceTimersByTime(60_000); // never more than the burst, however long it waited
    expect(Array.from({ length: 30 }, () => allow('10.0.0.2')).filter(Boolean)).toHaveLength(20);
  });
});
