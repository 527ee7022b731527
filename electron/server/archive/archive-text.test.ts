import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRow, FilingResult, KindRow } from '../../../shared/contract/archive';
import type { DocumentTextView } from '../../../shared/contract/doctext';
import type { ClientDetail } from '../../../shared/contract/clients';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import { encryptedPdf } from './text/test-files';

let office: TestOffice;
let src: string;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-03-10T02:00:00Z') });
  src = fs.mkdtempSync(path.join(office.dir, 'src-'));
});
afterEach(() => office.dispose());

async function file(name: string, content: string | Buffer, fields: Record<string, unknown> = {}): Promise<DocumentRow> {
  const sourcePath = path.join(src, name);
  fs.writeFileSync(sourcePath, content);
  return ((await callOk<FilingResult>(office, 'archive.fileLocal', { sourcePath, fields })) as { document: DocumentRow })
    .document;
}
const search = async (text: string) =>
  (await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: text })).rows.map((r) => r.id);

describe('archive.update changes only what it names (16.10)', () => {
  it('keeps the words searchable after a date-only edit, and a title-only edit keeps kind, client and folder', async () => {
    const client = await callOk<ClientDetail>(office, 'clients.create', { name: '深圳华联超市有限公司' });
    const kinds = await callOk<KindRow[]>(office, 'archive.kinds');
    const kindId = kinds.find((k) => k.path === '协议合同/续费合同')!.id;
    const doc = await file('续费.txt', '本合同约定服务期限为一年,到期前三十日续约。', {
      kindId,
      clientId: client.id,
      docDate: '2026-03-05',
    });
    expect(await search('续约')).toEqual([doc.id]);

    const dated = await callOk<DocumentRow>(office, 'archive.update', { id: doc.id, fields: { docDate: '2026-02-01' } });
    expect(dated.docDate).toBe('2026-02-01');
    expect(await search('续约')).toEqual([doc.id]);
    expect(await search('服务期限')).toEqual([doc.id]);

    const titled = await callOk<DocumentRow>(office, 'archive.update', { id: doc.id, fields: { title: '续费合同正本' } });
    expect(titled).toMatchObject({ kindId, clientId: client.id, docDate: '2026-02-01', title: '续费合同正本' });
    expect(titled.relPath).toBe('协议合同/续费合同/2026/2026-02/2026-02-01_深圳华联超市有限公司_续费合同正本.txt');
    expect(titled.relPath.startsWith('未分类')).toBe(false);
    expect(await search('续约')).toEqual([doc.id]);
    expect(await search('正本')).toEqual([doc.id]);

    // null clears a link on purpose; an absent field is left alone.
    const unlinked = await callOk<DocumentRow>(office, 'archive.update', { id: doc.id, fields: { clientId: null } });
    expect(unlinked).toMatchObject({ kindId, clientId: null, title: '续费合同正本' });
    const bad = await office.call(actorOf('owner'), 'archive.update', { id: doc.id, fields: { kindId: 999 } });
    // A kind that does not exist is bad input naming the field (issue 14.11), and changes nothing.
    expect(bad.ok ? null : { code: bad.error.code, field: bad.error.details?.field }).toEqual({
      code: 'invalid_input',
      field: 'kindId',
    });
  });
});

describe('the whole text is indexed (16.14)', () => {
  it('finds a word at character 23,212 of a long contract', async () => {
    const filler = '甲乙双方经友好协商一致同意签订本合同。'.repeat(1222); // 23,218 characters
    const text = `${filler.slice(0, 23_212)}违约金按日万分之五计${filler.slice(23_212)}`;
    const doc = await file('长合同.txt', text);
    expect(await search('万分之五')).toEqual([doc.id]);
    const view = await callOk<DocumentTextView>(office, 'archive.text', { id: doc.id });
    expect(view).toMatchObject({ state: 'text', source: 'file', truncated: false });
    expect(view.chars).toBe(text.length);
  });
});

describe('document text, correction and marks (16.15, 17.1)', () => {
  it('marks an encrypted PDF, lets a person correct OCR-less text by hand, and search follows', async () => {
    const locked = await file('加密.pdf', encryptedPdf());
    expect((await callOk<DocumentRow>(office, 'archive.get', { id: locked.id })).textState).toBe('encrypted');
    const listed = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', {});
    expect(listed.rows.find((r) => r.id === locked.id)?.textState).toBe('encrypted');
    const fix = await office.call(actorOf('clerk'), 'archive.correctText', { id: locked.id, text: '随便' });
    expect(fix.ok ? 'ok' : fix.error.code).toBe('conflict');

    const photo = await file('营业执照.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const before = await callOk<DocumentTextView>(office, 'archive.text', { id: photo.id });
    expect(before).toMatchObject({ state: 'none', canOcr: true, ocr: { state: 'queued' } });
    const corrected = await callOk<DocumentTextView>(
      office,
      'archive.correctText',
      { id: photo.id, text: '统一社会信用代码 91440300MA5F 深圳华联超市' },
      actorOf('clerk'),
    );
    expect(corrected).toMatchObject({ state: 'text', source: 'manual', text: '统一社会信用代码 91440300MA5F 深圳华联超市' });
    expect(await search('信用代码')).toEqual([photo.id]);
    // Editing the document keeps the correction.
    await callOk(office, 'archive.update', { id: photo.id, fields: { docDate: '2026-01-02' } });
    expect(await search('华联超市')).toEqual([photo.id]);
    const seller = await office.call(actorOf('salesperson'), 'archive.correctText', { id: photo.id, text: 'x' });
    expect(seller.ok ? 'ok' : seller.error.code).toBe('forbidden');
  });

  it('识别全部扫描件 queues every scan without text once; cancel takes them out', async () => {
    await file('a.png', Buffer.from('png?'));
    await file('b.tif', Buffer.from('tif?'));
    await file('c.txt', '文字');
    const status = await callOk<{ queued: number; waiting: number }>(office, 'ocr.status');
    expect(status).toMatchObject({ queued: 2, waiting: 0 });
    expect(await callOk(office, 'ocr.cancel', {})).toEqual({ cancelled: 2 });
    expect(await callOk(office, 'ocr.status')).toMatchObject({ queued: 0, waiting: 2 });
    expect(await callOk(office, 'ocr.enqueueAll')).toEqual({ queued: 2 });
    expect(await callOk(office, 'ocr.enqueueAll')).toEqual({ queued: 0 });
    const txt = (await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: '文字' })).rows[0]!;
    const refused = await office.call(actorOf('clerk'), 'ocr.enqueue', { id: txt.id });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid_input');
  });
});

describe('documents filed before text was kept (migration 20261127_1700)', () => {
  it('are read again in the background once the queue runs, and their words come back', async () => {
    const doc = await file('旧合同.txt', '旧版本只索引了前两万字,这份合同的违约条款在后面。');
    // As an office upgraded from before: no stored text, grams without it, an 'extract' job queued.
    office.sqlite.prepare('DELETE FROM document_texts').run();
    const { writeDocumentSearch, findDocument } = await import('./documents.repository');
    writeDocumentSearch(office.sqlite, findDocument(office.sqlite, doc.id)!);
    office.sqlite
      .prepare(
        `INSERT INTO text_jobs (document_id, kind, state, created_at, updated_at) VALUES (?, 'extract', 'queued', 'x', 'x')`,
      )
      .run(doc.id);
    expect(await search('违约条款')).toEqual([]);
    const { startTextJobs, textJobsIdle } = await import('../ocr/text-jobs.runner');
    startTextJobs(office);
    await textJobsIdle(office, 60_000);
    expect(await search('违约条款')).toEqual([doc.id]);
    expect(await callOk<DocumentTextView>(office, 'archive.text', { id: doc.id })).toMatchObject({
      state: 'text',
      source: 'file',
    });
  });
});
