import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOffice } from './office-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-archive-cli-'));
const dataDir = path.join(dir, 'data');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const office = (...args: string[]) => runOffice(dataDir, args);

describe('office archive', () => {
  it('files a folder by kind and date, finds it, and the check passes until a file is dropped in by hand', () => {
    const scans = path.join(dir, '扫描件');
    fs.mkdirSync(path.join(scans, '子文件夹'), { recursive: true });
    fs.writeFileSync(path.join(scans, '合同一.pdf'), 'one');
    fs.writeFileSync(path.join(scans, '子文件夹', '合同二.PDF'), 'two');
    const filed = office('archive', 'add', scans, '--kind', '协议合同/续费合同', '--date', '2026-02-14');
    expect(filed.code, filed.stderr).toBe(0);
    const out = JSON.parse(filed.stdout);
    expect(out.root).toBe(path.join(dataDir, '档案'));
    expect(
      out.documents.every(
        (d: { duplicateOf: number | null; sha256: string }) => d.duplicateOf === null && /^[0-9a-f]{64}$/.test(d.sha256),
      ),
    ).toBe(true);
    expect(out.documents.map((r: { path: string }) => r.path).sort()).toEqual([
      '协议合同/续费合同/2026/2026-02/2026-02-14_合同一.pdf',
      '协议合同/续费合同/2026/2026-02/2026-02-14_合同二.pdf',
    ]);
    const again = JSON.parse(office('archive', 'add', path.join(scans, '合同一.pdf'), '--kind', '稿件').stdout);
    expect(again.documents[0].duplicateOf).toBe(out.documents.find((d: { path: string }) => d.path.endsWith('合同一.pdf')).id);
    expect(office('archive', 'add', path.join(dir, 'nope.pdf')).code).toBe(1);
    expect(office('archive', 'add', scans, '--date', '2026-02-30').code).toBe(1);
    const found = JSON.parse(office('archive', 'search', '合同二', '--json').stdout);
    expect(found.total).toBe(1);
    expect(office('archive', 'audit').code).toBe(0);
    fs.writeFileSync(path.join(dataDir, '档案', '协议合同', 'stray.doc'), 'stray');
    const check = office('archive', 'audit', '--json');
    expect(check.code).toBe(3);
    expect(JSON.parse(check.stdout).findings).toMatchObject([{ kind: 'unrecorded', path: '协议合同/stray.doc' }]);
    expect(JSON.parse(office('archive', 'cleanup').stdout)).toMatchObject({ retentionDays: 30, purgeDue: [] });
    expect(office('archive', 'add', '--kind', '不存在', scans).code).toBe(1);
    expect(office('archive', 'oops').code).toBe(2);
  }, 180_000); // nine `office` processes in a row; each starts through tsx (several seconds on a loaded machine)
});
