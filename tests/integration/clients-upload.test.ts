import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { csvFile } from '../../electron/server/testing/sheet-files';
import { addBenchStaff, benchClients, benchClientsCsv } from '../bench/suites/clients-data';
import type { Envelope } from '../../shared/errors';
import type { ImportReport } from '../../shared/imports/import-report';
import { uploadPath } from '../../shared/http-routes';
import { expectRefused } from '../../electron/server/testing/refusal';

let office: TestOffice;
let host: RunningHost;
let rendererDir: string;

beforeAll(async () => {
  office = createTestOffice();
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>门店通</title>');
  host = await startHost({ office, rendererDir });
  await addBenchStaff(office);
});
afterAll(async () => {
  await host.close();
  await office.dispose();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

function upload(
  method: string,
  body: Buffer,
  input: Record<string, unknown>,
  type = 'application/octet-stream',
): Promise<Response> {
  return fetch(`${host.url}${uploadPath(method, input)}`, { method: 'POST', headers: { 'Content-Type': type }, body });
}

describe('spreadsheet upload over HTTP', () => {
  it('takes a file larger than the 10 MB JSON limit as raw bytes, previews, then imports it', async () => {
    const big = benchClientsCsv(benchClients(100_000));
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const preview = (await (
      await upload('clients.import', big, { fileName: 'big.csv', dryRun: true })
    ).json()) as Envelope<ImportReport>;
    expect(preview.ok && preview.value).toMatchObject({ totalRows: 100_000, validRows: 100_000, inserted: 0 });
    const run = (await (await upload('clients.import', big, { fileName: 'big.csv' })).json()) as Envelope<ImportReport>;
    expect(run.ok && run.value.inserted).toBe(100_000);
  }, 120_000);

  it('refuses other methods, other content types, files over 20 MB and the bytes sent twice', async () => {
    expect((await upload('staff.create', Buffer.from('x'), { fileName: 'a.csv' })).status).toBe(404);
    const json = await upload('clients.import', csvFile([['客户名称'], ['甲']]), { fileName: 'a.csv' }, 'text/plain');
    expect(json.status).toBe(400);
    const huge = await upload('clients.import', Buffer.alloc(21 * 1024 * 1024, 0x41), { fileName: 'huge.csv' });
    expect(huge.status).toBe(413);
    expectRefused((await huge.json()) as Envelope<unknown>, 'too_large');
    const twice = await upload('clients.import', csvFile([['客户名称'], ['甲']]), { fileName: 'a.csv', dataBase64: 'eA==' });
    expect(twice.status).toBe(400);
  });

  it('reports bad rows with the same envelope as the API and writes nothing', async () => {
    const before = await callOk<{ total: number }>(office, 'clients.list', {});
    const res = await upload(
      'clients.import',
      csvFile([
        ['客户名称', '业务员工号'],
        ['新的', 'NOPE'],
      ]),
      { fileName: 'bad.csv', mode: 'all' },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as Envelope<unknown>;
    expect(body.ok ? null : body.error.message).toContain('未写入任何数据');
    expect((await callOk<{ total: number }>(office, 'clients.list', {})).total).toBe(before.total);
  });
});
