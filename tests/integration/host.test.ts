import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';

let office: TestOffice;
let host: RunningHost;
let rendererDir: string;

beforeAll(async () => {
  office = createTestOffice();
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>门店通</title>');
  host = await startHost({ office, rendererDir });
});
afterAll(async () => {
  await host.close();
  await office.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function post(method: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}
async function staffCount(): Promise<number> {
  return (
    await office.db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
}
const zhang = { code: 'S001', name: '张伟', role: 'salesperson', hiredOn: '2026-03-01', baseSalaryFen: 300000 };

describe('HTTP host', () => {
  it('binds to loopback by default', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs a contract method and returns the envelope', async () => {
    const res = await post('staff.create', JSON.stringify(zhang));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { code: string } };
    expect(body).toMatchObject({ ok: true, value: { code: 'S001' } });
    const list = (await (await post('staff.list', '{}')).json()) as { value: unknown[] };
    expect(list.value).toHaveLength(1);
  });

  it.each([
    ['unknown method', 'staff.explode', '{}', 404, 'unknown_method'],
    ['malformed JSON', 'staff.create', '{"code": "S9",', 400, 'invalid_input'],
    ['wrong types', 'staff.create', JSON.stringify({ ...zhang, code: 'S2', baseSalaryFen: '3000' }), 400, 'invalid_input'],
    ['extra fields', 'staff.create', JSON.stringify({ ...zhang, code: 'S3', admin: true }), 400, 'invalid_input'],
    ['duplicate 工号', 'staff.create', JSON.stringify(zhang), 409, 'conflict'],
  ])('answers %s with a clear 4xx envelope and writes nothing', async (_label, method, body, status, code) => {
    const before = await staffCount();
    const res = await post(method, body);
    expect(res.status).toBe(status);
    const envelope = (await res.json()) as { ok: boolean; error: { code: string; message: string; messageEn: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error.code).toBe(code);
    expect(envelope.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(envelope.error.messageEn.length).toBeGreaterThan(5);
    expect(await staffCount()).toBe(before);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    const res = await post('staff.create', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('accepts only POST with a JSON content type', async () => {
    expect((await fetch(`${host.url}/api/staff.list`)).status).toBe(400);
    expect((await post('staff.list', '{}', { 'Content-Type': 'text/plain' })).status).toBe(400);
  });

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${host.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).toContain('门店通');
  });

  it('keeps serving after all of the above', async () => {
    const res = await post('system.info', '{}');
    expect(res.status).toBe(200);
  });
});

describe('HTTP host under a flood', () => {
  it('refuses past the per-address burst with 429 and Retry-After, writing nothing, then serves again', async () => {
    const flooded = await startHost({ office, rendererDir, rateLimit: { perSecond: 1, burst: 5 } });
    try {
      const before = await staffCount();
      const answers: Response[] = [];
      for (let i = 0; i < 8; i++)
        answers.push(
          await fetch(`${flooded.url}/api/staff.create`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...zhang, code: `F${i}` }),
          }),
        );
      // The burst is served; past it, refusals (a slow machine may refill a token meanwhile).
      expect(answers.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const refused = answers.filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused[0]!.headers.get('retry-after')).toBe('1');
      expect(((await refused[0]!.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
      expect(await staffCount()).toBe(before + answers.length - refused.length);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(
        (
          await fetch(`${flooded.url}/api/staff.list`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          })
        ).status,
      ).toBe(200);
    } finally {
      await flooded.close();
    }
  });
});
