import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilingResult, KindRow } from '../../../shared/contract/archive';
import { callOk, createTestOffice, type TestOffice } from '../testing/test-office';

let office: TestOffice;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterEach(() => office.dispose());

const kinds = () => callOk<KindRow[]>(office, 'archive.kinds');
const byPath = async (p: string) => (await kinds()).find((k) => k.path === p)!;

function source(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(office.dir, 'src-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('分类 (document kinds)', () => {
  it('renames and deletes an empty kind; refuses while documents are filed under it', async () => {
    const added = (await callOk<KindRow[]>(office, 'archive.saveKind', { name: '发票扫描', parentId: null })).find(
      (k) => k.name === '发票扫描',
    )!;
    const renamed = await callOk<KindRow[]>(office, 'archive.saveKind', { id: added.id, name: '发票', parentId: null });
    expect(renamed.find((k) => k.id === added.id)!.name).toBe('发票');

    await callOk<FilingResult>(office, 'archive.fileLocal', {
      sourcePath: source('a.pdf', '%PDF invoice'),
      fields: { kindId: added.id, clientId: null, contractId: null },
    });
    const refused = await callOkOrError(office, 'archive.saveKind', { id: added.id, name: '票', parentId: null });
    expect(refused).toMatch(/已有 1 份档案/);
    // Its cleanup settings still change.
    await callOk(office, 'archive.saveKind', { id: added.id, name: '发票', parentId: null, autoPurge: false });
    expect((await kinds()).find((k) => k.id === added.id)!.autoPurge).toBe(false);
    expect(await callOkOrError(office, 'archive.deleteKind', { id: added.id })).toMatch(/还有 1 份档案/);

    const empty = (await callOk<KindRow[]>(office, 'archive.saveKind', { name: '空的', parentId: null })).find(
      (k) => k.name === '空的',
    )!;
    const after = await callOk<KindRow[]>(office, 'archive.deleteKind', { id: empty.id });
    expect(after.some((k) => k.id === empty.id)).toBe(false);
    // A master folder with sub folders is not deleted from under them.
    expect(await callOkOrError(office, 'archive.deleteKind', { id: (await byPath('协议合同')).id })).toMatch(/子目录/);
  });

  it('lists 建站合同 under 协议合同 (its parent), whatever order they were added in', async () => {
    const all = await kinds();
    const contracts = all.find((k) => k.path === '协议合同')!;
    expect(all.find((k) => k.name === '建站合同')!.parentId).toBe(contracts.id);
    await callOk(office, 'archive.saveKind', { name: '年检材料', parentId: (await byPath('客户档案')).id });
    expect((await kinds()).map((k) => k.path)).toEqual([
      '客户档案',
      '客户档案/年检材料',
      '协议合同',
      '协议合同/建站合同',
      '协议合同/续费合同',
      '协议合同/补充协议',
      '稿件',
      '票据',
      '照片',
    ]);
  });

  it('refuses a 0-byte file and leaves nothing behind', async () => {
    const answer = await office.call(
      { staffId: null, code: 'T', name: 'T', role: 'owner', via: 'test' },
      'archive.fileLocal',
      { sourcePath: source('空.pdf', ''), fields: { kindId: null, clientId: null, contractId: null } },
    );
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid_input');
      expect(answer.error.message).toContain('空文件(0 字节)');
    }
    const staging = path.join(office.archiveRoot(), '.staging');
    expect(fs.existsSync(staging) ? fs.readdirSync(staging) : []).toEqual([]);
    expect(office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
  });
});

async function callOkOrError(o: TestOffice, method: string, input: unknown): Promise<string> {
  const answer = await o.call({ staffId: null, code: 'T', name: 'T', role: 'owner', via: 'test' }, method, input);
  return answer.ok ? 'ok' : answer.error.message;
}
