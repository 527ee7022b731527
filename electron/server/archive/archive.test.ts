import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditReport, DocumentRow, FilingResult, KindRow } from '../../../shared/contract/archive';
import type { ClientDetail } from '../../../shared/contract/clients';
import { openOffice } from '../office';
import { actorOf, callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { expectRefused } from '../testing/refusal';

let office: TestOffice;
let src: string;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-03-10T02:00:00Z') });
  src = fs.mkdtempSync(path.join(office.dir, 'src-'));
});
afterEach(() => office.dispose());

function source(name: string, content: string | Buffer): string {
  const file = path.join(src, name);
  fs.writeFileSync(file, content);
  return file;
}

const root = () => office.archiveRoot();
const exists = (rel: string) => fs.existsSync(path.join(root(), ...rel.split('/')));

async function file(name: string, content: string, fields: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return callOk<FilingResult>(office, 'archive.fileLocal', { sourcePath: source(name, content), fields, ...extra });
}

async function kindId(pathName: string): Promise<number> {
  return (await callOk<KindRow[]>(office, 'archive.kinds')).find((k) => k.path === pathName)!.id;
}

describe('the archive', () => {
  it('files by the template, keeps the source, and names collisions _2', async () => {
    const client = await callOk<ClientDetail>(office, 'clients.create', { name: '深圳华联超市有限公司' });
    const kind = await kindId('协议合同/建站合同');
    const first = await file('扫描001.PDF', 'contract A', {
      kindId: kind,
      clientId: client.id,
      docDate: '2026-03-05',
      title: '年度合同',
    });
    expect(first.outcome).toBe('filed');
    const doc = (first as { document: DocumentRow }).document;
    expect(doc.relPath).toBe('协议合同/建站合同/2026/2026-03/2026-03-05_深圳华联超市有限公司_年度合同.pdf');
    expect(fs.readFileSync(path.join(root(), ...doc.relPath.split('/')), 'utf8')).toBe('contract A');
    expect(fs.existsSync(path.join(src, '扫描001.PDF'))).toBe(true);
    const second = await file('other.pdf', 'contract B', {
      kindId: kind,
      clientId: client.id,
      docDate: '2026-03-05',
      title: '年度合同',
    });
    expect((second as { document: DocumentRow }).document.relPath).toMatch(/年度合同_2\.pdf$/);
    expect(fs.readdirSync(path.join(root(), '.staging'))).toEqual([]);
  });

  it('shows the folder tree the template made, with counts, and lists a folder with everything inside it', async () => {
    const client = await callOk<ClientDetail>(office, 'clients.create', { name: '深圳华联超市有限公司' });
    const build = await kindId('协议合同/建站合同');
    const renew = await kindId('协议合同/续费合同');
    await file('a.pdf', 'A', { kindId: build, clientId: client.id, docDate: '2026-03-05', title: '建站' });
    await file('b.pdf', 'B', { kindId: build, clientId: client.id, docDate: '2026-04-01', title: '建站二' });
    await file('c.pdf', 'C', { kindId: renew, clientId: client.id, docDate: '2025-12-31', title: '续费' });
    const trashed = await file('d.pdf', 'D', { kindId: renew, clientId: client.id, docDate: '2025-12-30', title: '作废' });
    await callOk(office, 'archive.delete', { id: (trashed as { document: DocumentRow }).document.id, reason: '作废' });
    type Folder = { name: string; path: string; documents: number };
    expect(await callOk<Folder[]>(office, 'archive.folders', {})).toEqual([{ name: '协议合同', path: '协议合同', documents: 3 }]);
    expect(await callOk<Folder[]>(office, 'archive.folders', { folder: '协议合同' })).toEqual([
      { name: '建站合同', path: '协议合同/建站合同', documents: 2 },
      { name: '续费合同', path: '协议合同/续费合同', documents: 1 },
    ]);
    expect(await callOk<Folder[]>(office, 'archive.folders', { folder: '协议合同/建站合同/2026' })).toEqual([
      { name: '2026-03', path: '协议合同/建站合同/2026/2026-03', documents: 1 },
      { name: '2026-04', path: '协议合同/建站合同/2026/2026-04', documents: 1 },
    ]);
    const inside = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { folder: '协议合同/建站合同' });
    expect(inside.rows.map((r) => r.title).sort()).toEqual(['建站', '建站二']);
    // '协议合同/建站' is not a folder of '协议合同/建站合同/…': the range stops at the separator.
    expect((await callOk<{ total: number }>(office, 'archive.list', { folder: '协议合同/建站' })).total).toBe(0);
  });

  it('stops an identical file with a message naming the existing one; skip, link or keep', async () => {
    await file('a.txt', 'same bytes', { title: '原件' });
    const again = await office.call(owner, 'archive.fileLocal', { sourcePath: source('b.txt', 'same bytes'), fields: {} });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('conflict');
      expect(again.error.message).toContain('原件');
    }
    expect((await file('c.txt', 'same bytes', {}, { onDuplicate: 'skip' })).outcome).toBe('skipped');
    const client = await callOk<ClientDetail>(office, 'clients.create', { name: '金鑫贸易' });
    expect((await file('d.txt', 'same bytes', { clientId: client.id }, { onDuplicate: 'link' })).outcome).toBe('linked');
    const listed = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { clientId: client.id });
    expect(listed.rows.map((r) => r.title)).toEqual(['原件']);
    expect((await file('e.txt', 'same bytes', {}, { onDuplicate: 'keep' })).outcome).toBe('filed');
    expect(office.sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
  });

  it('moves the source only after the stored copy matches, and finds documents by text', async () => {
    const moved = await file('会议纪要.txt', '客户要求在超市门口加装广告牌', { title: '纪要' }, { move: true });
    expect(moved.outcome).toBe('filed');
    expect(fs.existsSync(path.join(src, '会议纪要.txt'))).toBe(false);
    const found = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: '广告牌' });
    expect(found.rows).toHaveLength(1);
    expect((await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: '纪要' })).rows).toHaveLength(1);
  });

  it('trash, restore and purge; contracts are never proposed for purge', async () => {
    const contractKind = await kindId('协议合同/建站合同');
    const photo = (await file('p.jpg', 'photo', { kindId: await kindId('照片') })) as { document: DocumentRow };
    const deal = (await file('c.pdf', 'deal', { kindId: contractKind })) as { document: DocumentRow };
    await callOk(office, 'archive.delete', { id: photo.document.id, reason: '拍错了' });
    expect(exists(photo.document.relPath)).toBe(false);
    await callOk(office, 'archive.restore', { id: photo.document.id });
    expect(exists(photo.document.relPath)).toBe(true);
    await callOk(office, 'archive.delete', { id: photo.document.id, reason: '拍错了' });
    await callOk(office, 'archive.delete', { id: deal.document.id, reason: '作废' });
    const later = openOffice({ dataDir: office.dir, now: () => new Date('2026-05-01T00:00:00Z') });
    try {
      const cleanup = await later.call(owner, 'archive.cleanup', {});
      expect(cleanup.ok && (cleanup.value as { purgeDue: DocumentRow[] }).purgeDue.map((d) => d.id)).toEqual([photo.document.id]);
      expectRefused(await later.call(actorOf('manager'), 'archive.purge', { ids: [photo.document.id] }), 'forbidden');
      expect((await later.call(owner, 'archive.purge', { ids: [photo.document.id] })).ok).toBe(true);
    } finally {
      await later.close();
    }
    expect(office.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'document' ORDER BY id`).pluck().all()).toEqual([
      'archive.file',
      'archive.file',
      'archive.delete',
      'archive.restore',
      'archive.delete',
      'archive.delete',
      'archive.purge',
    ]);
  });

  it('re-files everything when the template changes and removes emptied folders', async () => {
    const a = (await file('a.txt', 'A', { kindId: await kindId('稿件'), docDate: '2025-12-01', title: '海报' })) as {
      document: DocumentRow;
    };
    const result = await callOk<{ moved: number }>(office, 'archive.setTemplate', {
      template: '{母目录}/{YYYY}/{标题}_{YYYY-MM-DD}.{ext}',
    });
    expect(result.moved).toBe(1);
    expect(exists('稿件/2025/海报_2025-12-01.txt')).toBe(true);
    expect(exists(a.document.relPath)).toBe(false);
    expect(fs.existsSync(path.join(root(), '稿件', '2025', '2025-12'))).toBe(false);
    // Refused for the `..` alone: the rest of the template is valid (it ends with .{ext}, names a title).
    const bad = await office.call(owner, 'archive.setTemplate', { template: '../{标题}.{ext}' });
    expectRefused(bad, 'invalid_input');
    expect(bad.ok ? '' : bad.error.messageEn).toBe('The template cannot be an absolute path or contain ..');
  });

  it('the audit finds what disagrees and each fix repairs it', async () => {
    const kept = (await file('keep.txt', 'keep', { title: '保留', kindId: await kindId('票据') })) as { document: DocumentRow };
    const movedByHand = (await file('m.txt', 'moved by hand', { title: '被移动', kindId: await kindId('票据') })) as {
      document: DocumentRow;
    };
    fs.mkdirSync(path.join(root(), '乱放'), { recursive: true });
    fs.renameSync(path.join(root(), ...movedByHand.document.relPath.split('/')), path.join(root(), '乱放', 'x.txt'));
    fs.mkdirSync(path.join(root(), '客户档案'), { recursive: true });
    fs.writeFileSync(path.join(root(), '客户档案', 'loose.txt'), 'a loose file');
    fs.writeFileSync(path.join(root(), '.staging', 'leftover'), 'half');
    fs.appendFileSync(path.join(root(), ...kept.document.relPath.split('/')), ' edited');
    const report = await callOk<AuditReport>(office, 'archive.audit', {});
    const kinds = report.findings.map((f) => f.kind).sort();
    expect(kinds).toEqual(['missing', 'modified', 'staging', 'unrecorded'].sort());
    const missing = report.findings.find((f) => f.kind === 'missing')!;
    expect(missing.candidatePath).toBe('乱放/x.txt');
    for (const f of report.findings)
      await callOk(office, 'archive.fix', { kind: f.kind, relPath: f.relPath, documentId: f.documentId, action: f.actions[0] });
    const after = await callOk<AuditReport>(office, 'archive.audit', { rehash: true });
    expect(after.findings).toEqual([]);
    expect(after.documents).toBe(3);
    expect(exists(movedByHand.document.relPath)).toBe(true);
  });

  it('finishes or undoes a filing a crash interrupted', async () => {
    const done = (await file('a.txt', 'A')) as { document: DocumentRow };
    // A crash after the rename but before the commit: the file is in place, there is no row.
    fs.mkdirSync(path.join(root(), '.staging'), { recursive: true });
    fs.writeFileSync(path.join(root(), '未分类', 'orphan.txt'), 'orphan');
    office.sqlite
      .prepare(
        `INSERT INTO archive_journal (op, from_path, to_path, created_at) VALUES ('file', '.staging/x', '未分类/orphan.txt', 'now')`,
      )
      .run();
    // A crash after the commit of a move whose rename had not happened yet.
    office.sqlite
      .prepare(
        `INSERT INTO archive_journal (op, document_id, from_path, to_path, created_at) VALUES ('move', ?, ?, '未分类/elsewhere.txt', 'now')`,
      )
      .run(done.document.id, done.document.relPath);
    await office.close();
    const reopened = openOffice({ dataDir: office.dir });
    try {
      expect(reopened.sqlite.prepare('SELECT count(*) FROM archive_journal').pluck().get()).toBe(0);
      expect(fs.existsSync(path.join(reopened.archiveRoot(), '未分类', 'orphan.txt'))).toBe(false);
      expect(fs.existsSync(path.join(reopened.archiveRoot(), ...done.document.relPath.split('/')))).toBe(true);
    } finally {
      await reopened.close();
    }
    office = createTestOffice();
  });

  it('refuses paths through a link and local paths from a browser; scopes a salesperson', async () => {
    fs.mkdirSync(root(), { recursive: true });
    fs.symlinkSync(src, path.join(root(), '链接'));
    const bad = await office.call(owner, 'archive.fix', { kind: 'staging', relPath: '链接/x', documentId: null });
    expectRefused(bad, 'invalid_input');
    // Even a browser on this computer (loopback) uploads: it is not the desktop app or the CLI.
    const http = await office.call(
      { ...owner, via: 'http' },
      'archive.fileLocal',
      { sourcePath: source('x.txt', 'x'), fields: {} },
      { loopback: true },
    );
    expectRefused(http, 'forbidden');
    await file('mine.txt', 'not for salespeople', { title: '内部' });
    const seller = { ...actorOf('salesperson'), staffId: 999 };
    expect(
      (await office.call(seller, 'archive.list', {})).ok &&
        ((await office.call(seller, 'archive.list', {})) as { value: { total: number } }).value.total,
    ).toBe(0);
  });
});

describe('full text of a .docx', () => {
  it('finds a Word document by a 2-character word inside it', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>本合同续费期限为一年</w:t></w:r></w:p></w:body></w:document>',
    );
    const docx = await zip.generateAsync({ type: 'nodebuffer' });
    await callOk(office, 'archive.fileLocal', { sourcePath: source('续约.docx', docx), fields: {} });
    const found = await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { search: '期限' });
    expect(found.rows.map((r) => r.originalName)).toEqual(['续约.docx']);
  });
});
