import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { call } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('call', () => {
  it('posts JSON to /api/{method} when there is no preload bridge', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(call('staff.list', { includeLeft: true })).resolves.toEqual([]);
    expect(fetchMock).toHaveBeenCalledWith('/api/staff.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"includeLeft":true}',
    });
  });

  it('prefers the preload bridge and throws its error body as an ApiError', async () => {
    const error = { code: 'conflict', message: '工号已被使用', messageEn: 'Code in use' } as const;
    const bridgeCall = vi.fn(async () => ({ ok: false as const, error }));
    vi.stubGlobal('officeBridge', { call: bridgeCall });
    vi.stubGlobal('fetch', vi.fn());
    const result = call('staff.create', { code: 'S1', name: 'x', role: 'clerk', hiredOn: '2026-01-01', baseSalaryFen: 0 });
    await expect(result).rejects.toBeInstanceOf(ApiError);
    await expect(result).rejects.toMatchObject({ body: error });
    expect(bridgeCall).toHaveBeenCalledWith('staff.create', expect.objectContaining({ code: 'S1' }));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns a network failure into an unavailable error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(call('settings.get')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('turns a non-JSON answer into a readable error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 502 })),
    );
    await expect(call('settings.get')).rejects.toMatchObject({ code: 'internal' });
  });
});
