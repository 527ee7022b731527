import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRow } from '../../../shared/contract/archive';
import type { ClientDetail } from '../../../shared/contract/clients';
import type { ContractDetail } from '../../../shared/contract/contracts';
import type { InboxItemView, InboxView } from '../../../shared/contract/intake';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import { inboxIdle } from './inbox-reader';
import { printedPdfs } from './testing/inbox-files';

let office: TestOffice;
let inbox: string;
let star: ClientDetail;
let wang: ClientDetail;
let contract: ContractDetail;

beforeAll(async () => {
  office = createTestOffice();
  inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-inbox-'));
  star = await callOk<ClientDetail>(office, 'clients.create', { name: '杭州星河贸易有限公司', phones: ['13812345678'] });
  wang = await callOk<ClientDetail>(office, 'clients.create', { name: '王建国', phones: ['13900001111'] });
  contract = await callOk<ContractDetail>(office, 'contracts.create', { clientId: star.id, amountFen: 1_280_000 });
  await callOk(office, 'inbox.configure', { folder: inbox, autoFile: true });
});
afterAll(async () => {
  await office.dispose();
  fs.rmSync(inbox, { recursive: true, force: true });
});

/** Drop a file as a scanner would, already quiet (its time a few seconds back). */
function drop(name: string, bytes: Buffer | string): string {
  const abs = path.join(inbox, name);
  fs.writeFileSync(abs, bytes);
  const past = new Date(Date.now() - 5000);
  fs.utimesSync(abs, past, past);
  return abs;
}

/** Two looks (new → settled → queued), then wait for the reader. */
async function settle(): Promise<InboxView> {
  await callOk(office, 'inbox.scan');
  await callOk(office, 'inbox.scan');
  await inboxIdle(office);
  return callOk<InboxView>(office, 'inbox.list');
}

const byName = (view: InboxView, name: string): InboxItemView | undefined =>
  [...view.waiting, ...view.filed].find((i) => i.fileName === name);

describe('扫描收件箱: a watched folder that files itself', () => {
  it('files a sure document by itself: right client, kind, contract and date; the original leaves; its words are searchable', async () => {
    const number = contract.number;
    const [pdf] = await printedPdfs([
      ['网站建设服务合同', `合同编号:${number}`, '甲方:杭州星河贸易有限公司', '签订日期:2026年3月18日', '合同金额:¥12,800.00 元'],
    ]);
    const src = drop('scan_0001.pdf', pdf!);
    const view = await settle();
    const item = byName(view, 'scan_0001.pdf')!;
    expect(item.state).toBe('filed');
    expect(item.filedBy).toBe('inbox');
    expect(item.document).toMatchObject({
      clientId: star.id,
      contractId: contract.id,
      kindPath: '协议合同',
      docDate: '2026-03-18',
    });
    expect(fs.existsSync(src)).toBe(false);
    const stored = path.join(office.archiveRoot(), item.document!.relPath);
    expect(fs.readFileSync(stored).equals(pdf!)).toBe(true);
    // Two characters of its text find it.
    const found = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: '金额' });
    expect(found.rows.map((r) => r.id)).toContain(item.document!.id);
  }, 120_000);

  it('is not sure (two clients named) → waits in 待归档 with its preview; one click with the clerk’s choice files it', async () => {
    drop('两家.txt', '杭州星河贸易有限公司 与 王建国 的补充协议,2026-04-02 签订。');
    const waiting = byName(await settle(), '两家.txt')!;
    expect(waiting).toMatchObject({
      state: 'proposed',
      clientId: null,
      kindPath: '协议合同/补充协议',
      docDate: '2026-04-02',
      confident: false,
    });
    expect(waiting.textPreview).toContain('补充协议');
    expect(waiting.reasons.map((r) => r.zh).join()).toContain('2 个客户');
    const clerk = actorOf('clerk');
    const filed = await callOk<InboxItemView>(
      office,
      'inbox.file',
      { id: waiting.id, fields: { clientId: wang.id, kindId: waiting.kindId, docDate: waiting.docDate } },
      clerk,
    );
    expect(filed.state).toBe('filed');
    expect(filed.document).toMatchObject({ clientId: wang.id, kindPath: '协议合同/补充协议', docDate: '2026-04-02' });
    expect(fs.existsSync(path.join(inbox, '两家.txt'))).toBe(false);
    expect(filed.filedBy).toBe('T-clerk');
  });

  it('a file still being written is not picked up until it stops growing', async () => {
    const abs = path.join(inbox, '正在扫描.txt');
    fs.writeFileSync(abs, '王建国 营业执照 第一页');
    await callOk(office, 'inbox.scan');
    fs.appendFileSync(abs, ' 第二页');
    expect(await callOk(office, 'inbox.scan')).toMatchObject({ queued: 0 });
    // Just written: quiet for less than a second — still not read.
    expect(await callOk(office, 'inbox.scan')).toMatchObject({ queued: 0 });
    expect(byName(await callOk<InboxView>(office, 'inbox.list'), '正在扫描.txt')!.state).toBe('settling');
    const past = new Date(Date.now() - 5000);
    fs.utimesSync(abs, past, past);
    const item = byName(await settle(), '正在扫描.txt')!;
    // Phone and name of one client + a kind rule: filed under 客户档案 with both pages' words.
    expect(item.state).toBe('filed');
    expect(item.document).toMatchObject({ clientId: wang.id, kindPath: '客户档案' });
    expect((await callOk<{ text: string }>(office, 'archive.text', { id: item.document!.id })).text).toContain('第二页');
  });

  it('the same content already filed is linked, not stored twice, and the copy leaves the inbox', async () => {
    const before = office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get();
    drop('重复.txt', '杭州星河贸易有限公司 与 王建国 的补充协议,2026-04-02 签订。');
    const item = byName(await settle(), '重复.txt')!;
    expect(item.reasons[0]!.zh).toContain('同样内容已归档');
    await callOk(office, 'inbox.file', { id: item.id, fields: { clientId: star.id, kindId: item.kindId } });
    expect(office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(before);
    expect(office.sqlite.prepare('SELECT count(*) FROM document_links WHERE client_id = ?').pluck().get(star.id)).toBe(1);
    expect(fs.existsSync(path.join(inbox, '重复.txt'))).toBe(false);
  });

  it('bad files: empty and corrupt ones stay in the inbox with a bilingual reason; nothing is lost', async () => {
    drop('空白.jpg', Buffer.alloc(0));
    drop('王建国_合同.pdf', 'this is not a pdf at all');
    drop('~$临时.docx', 'office lock file');
    const view = await settle();
    const empty = byName(view, '空白.jpg')!;
    expect(empty.state).toBe('failed');
    expect(empty.error!.zh).toContain('空文件');
    expect(empty.error!.en).toContain('empty');
    const broken = byName(view, '王建国_合同.pdf')!;
    expect(broken.state).toBe('failed');
    expect(broken.error!.en).toMatch(/could not be read/);
    expect(byName(view, '~$临时.docx')).toBeUndefined();
    // Filing the empty file is refused clearly; the file is still there.
    const refused = await office.call(actorOf('clerk'), 'inbox.file', { id: empty.id, fields: { clientId: wang.id } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fs.existsSync(path.join(inbox, '空白.jpg'))).toBe(true);
    // The corrupt one can still be filed by hand (its name proposed the client and kind).
    expect(broken).toMatchObject({ clientId: wang.id, kindPath: '协议合同' });
    const filed = await callOk<InboxItemView>(office, 'inbox.file', {
      id: broken.id,
      fields: { clientId: wang.id, kindId: broken.kindId },
    });
    expect(filed.state).toBe('filed');
  });

  it('a file changed after it was read is read again, not filed stale', async () => {
    const abs = drop('会变.txt', '杭州星河贸易有限公司 与 王建国 合同');
    const item = byName(await settle(), '会变.txt')!;
    expect(item.state).toBe('proposed');
    fs.writeFileSync(abs, '杭州星河贸易有限公司 收据 第二版');
    const refused = await office.call(actorOf('clerk'), 'inbox.file', { id: item.id, fields: { clientId: wang.id } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const past = new Date(Date.now() - 5000);
    fs.utimesSync(abs, past, past);
    const again = byName(await settle(), '会变.txt')!;
    expect(again.state).toBe('filed');
    expect(again.document).toMatchObject({ clientId: star.id, kindPath: '票据' });
  });

  it('rules are editable (regex checked before saving); the folder is checked; roles are enforced', async () => {
    const kinds = await callOk<{ id: number; path: string }[]>(office, 'archive.kinds');
    const photo = kinds.find((k) => k.path === '照片')!.id;
    const bad = await office.call(actorOf('manager'), 'inbox.saveRule', { kindId: photo, algorithm: 'regex', match: '(门头' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const rules = await callOk<{ match: string; kindId: number }[]>(office, 'inbox.saveRule', {
      kindId: photo,
      algorithm: 'regex',
      match: '门头照片?',
      sort: 0,
    });
    expect(rules[0]).toMatchObject({ match: '门头照片?', kindId: photo });
    drop('门头.txt', '王建国 门头照 2026年1月2日');
    expect(byName(await settle(), '门头.txt')!.document).toMatchObject({ kindPath: '照片', docDate: '2026-01-02' });

    expect((await office.call(actorOf('clerk'), 'inbox.saveRule', { kindId: photo, algorithm: 'any', match: 'x' })).ok).toBe(
      false,
    );
    expect((await office.call(actorOf('clerk'), 'inbox.configure', { folder: inbox })).ok).toBe(false);
    expect((await office.call(actorOf('salesperson'), 'inbox.list', {})).ok).toBe(false);
    for (const folder of [path.join(inbox, '没有这个'), office.archiveRoot(), office.dir, 'relative/path']) {
      const r = await office.call(actorOf('owner'), 'inbox.configure', { folder });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!r.ok) expect(r.error.messageEn).toBeTruthy();
    }
  });
});
