import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRow } from '../../../shared/contract/archive';
import type { ClientDetail } from '../../../shared/contract/clients';
import type { OldFolderJob, OldFolderPreview } from '../../../shared/contract/intake';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import { oldFolderIdle } from './old-folders.job';
import { printedPdfs } from './testing/inbox-files';
import { expectRefused } from '../testing/refusal';

let office: TestOffice;
let tree: string;
let clients: ClientDetail[];

/** An office's old 客户资料 tree: client-named folders (one with a year suffix), mixed files, a duplicate, a stray folder. */
beforeAll(async () => {
  office = createTestOffice();
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-old-'));
  clients = [];
  for (const name of ['深圳华联超市有限公司', '王芳', '王芳芳'])
    clients.push(await callOk<ClientDetail>(office, 'clients.create', { name }));
  const [contractPdf] = await printedPdfs([['网站建设合同', '甲方:深圳华联超市有限公司']]);
  const put = (rel: string, bytes: Buffer | string): void => {
    fs.mkdirSync(path.dirname(path.join(tree, rel)), { recursive: true });
    fs.writeFileSync(path.join(tree, rel), bytes);
  };
  put('客户资料/深圳华联超市有限公司/2019合同/建站合同_20190305.pdf', contractPdf!);
  put('客户资料/深圳华联超市有限公司/营业执照.jpg', Buffer.from('jpeg bytes of a licence'));
  put('客户资料/王芳芳-2020/收据 2020-07-01.txt', '收据 ¥1,200');
  put('客户资料/王芳/名片.txt', '王芳 13800000000');
  put('客户资料/王芳/名片 - 副本.txt', '王芳 13800000000'); // same content: one copy kept
  put('杂项/未命名.docx', 'not really a docx');
  put('杂项/.DS_Store', 'mac junk');
  put('杂项/空.txt', '');
}, 120_000);
afterAll(async () => {
  await office.dispose();
  fs.rmSync(tree, { recursive: true, force: true });
});

describe('旧文件夹收编: an old folder tree brought in', () => {
  it('the dry run proposes client by folder name, kind by keywords, date from the name; nothing is written', async () => {
    const before = office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get();
    const p = await callOk<OldFolderPreview>(office, 'intake.preview', { root: tree });
    expect(p.files).toBe(6); // hidden and empty files are not proposed
    const row = (rel: string) => p.rows.find((r) => r.relPath === rel)!;
    expect(row('客户资料/深圳华联超市有限公司/2019合同/建站合同_20190305.pdf')).toMatchObject({
      clientId: clients[0]!.id,
      kindPath: '协议合同',
      docDate: '2019-03-05',
    });
    expect(row('客户资料/深圳华联超市有限公司/营业执照.jpg')).toMatchObject({ clientId: clients[0]!.id, kindPath: '客户档案' });
    // 王芳芳-2020 is 王芳芳's, not 王芳's; the date comes from the file name.
    expect(row('客户资料/王芳芳-2020/收据 2020-07-01.txt')).toMatchObject({
      clientId: clients[2]!.id,
      kindPath: '票据',
      docDate: '2020-07-01',
    });
    expect(row('客户资料/王芳/名片.txt')).toMatchObject({ clientId: clients[1]!.id, kindPath: '客户档案' });
    expect(row('杂项/未命名.docx')).toMatchObject({ clientId: null, kindId: null });
    expect(p.unmatchedFolders).toEqual([{ folder: '杂项', files: 1 }]);
    expect(p.withClient).toBe(5);
    expect(office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(before);
  });

  it('imports in the background with progress; duplicates by content are skipped and reported; the source stays', async () => {
    const started = await callOk<OldFolderJob>(office, 'intake.import', { root: tree });
    expect(started).toMatchObject({ state: 'running', total: 6 });
    const again = await office.call(actorOf('owner'), 'intake.import', { root: tree });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const job = await oldFolderIdle(office);
    expect(job).toMatchObject({ state: 'done', total: 6, done: 6, filed: 5, duplicates: 1, failed: 0, withoutClient: 1 });
    expect(job.duplicateList).toHaveLength(1);
    expect(job.duplicateList[0]!.relPath).toMatch(/名片/);
    const listed = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { clientId: clients[0]!.id });
    expect(listed.rows.map((r) => r.originalName).sort()).toEqual(['建站合同_20190305.pdf', '营业执照.jpg']);
    // The contract's words are searchable at once (text layer).
    const found = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: '网站' });
    expect(found.rows.map((r) => r.originalName)).toContain('建站合同_20190305.pdf');
    expect(fs.existsSync(path.join(tree, '客户资料/王芳/名片.txt'))).toBe(true);

    // Run again (as after a crash or a cancel): everything is already there, nothing is filed twice.
    await callOk(office, 'intake.import', { root: tree });
    expect(await oldFolderIdle(office)).toMatchObject({ state: 'done', filed: 0, duplicates: 6 });
  }, 60_000);

  it('cancel stops between files; move removes sources only once filed; bad roots and roles are refused', async () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-old-big-'));
    try {
      for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(big, `王芳_${i}.txt`), `第 ${i} 份 ${Math.random()}`);
      await callOk(office, 'intake.import', { root: big, move: true });
      await new Promise((r) => setTimeout(r, 100));
      await callOk<OldFolderJob>(office, 'intake.cancel');
      const job = await oldFolderIdle(office);
      expect(job.state).toBe('cancelled');
      expect(job.done).toBeLessThan(300);
      // Moved: exactly the filed files left the source.
      expect(fs.readdirSync(big).length).toBe(300 - job.filed);
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
    for (const root of ['relative/x', path.join(tree, '没有'), office.dir, office.archiveRoot()]) {
      const r = await office.call(actorOf('owner'), 'intake.preview', { root });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code === 'invalid_input' || r.error.code === 'not_found').toBe(true);
    }
    expectRefused(await office.call(actorOf('clerk'), 'intake.preview', { root: tree }), 'forbidden');
  }, 60_000);
});
