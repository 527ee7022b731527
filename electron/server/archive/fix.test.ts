// 档案体检 fixes (issue 14.3, 15.5): a fix acts only on a finding the audit reports now for that
// path, never on a recorded document's file; removal goes to the recycle area; each finding
// offers file / trash / ignore; accepting and ignoring are for managers and the owner.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditFinding, AuditReport, DocumentRow, FilingResult, KindRow } from '../../../shared/contract/archive';
import type { Role } from '../../../shared/roles';
import { actorOf, callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { findingsAt } from './finding-now';
import { withActor } from '../office';
import { expectRefused } from '../testing/refusal';

let office: TestOffice;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterEach(() => office.dispose());

const root = () => office.archiveRoot();
const abs = (rel: string) => path.join(root(), ...rel.split('/'));
const exists = (rel: string) => fs.existsSync(abs(rel));
const put = (rel: string, content: string | Buffer) => {
  fs.mkdirSync(path.dirname(abs(rel)), { recursive: true });
  fs.writeFileSync(abs(rel), content);
};

async function file(name: string, content: string, fields: Record<string, unknown> = {}): Promise<DocumentRow> {
  const source = path.join(office.dir, name);
  fs.writeFileSync(source, content);
  return (await callOk<FilingResult & { document: DocumentRow }>(office, 'archive.fileLocal', { sourcePath: source, fields }))
    .document;
}
const kindId = async (p: string) => (await callOk<KindRow[]>(office, 'archive.kinds')).find((k) => k.path === p)!.id;
const audit = (input: Record<string, unknown> = {}) => callOk<AuditReport>(office, 'archive.audit', input);
/** archive.fix on a finding (only the parts the method takes) with an action and fields. */
const fix = (f: Partial<AuditFinding> & Record<string, unknown>, role: Role = 'owner') => {
  const { kind, relPath, documentId, action, fields } = f;
  const input = { kind, relPath, documentId, ...(action ? { action } : {}), ...(fields ? { fields } : {}) };
  return office.call(role === 'owner' ? owner : actorOf(role), 'archive.fix', input);
};
const trashed = () => callOk<{ rows: DocumentRow[] }>(office, 'archive.list', { trash: true }).then((r) => r.rows);

describe('a fix acts only on what the audit reports now', () => {
  it('never touches a filed contract sent as a staging, empty or unrecorded finding — whoever asks', async () => {
    const contract = await file('合同.pdf', '%PDF signed contract', { kindId: await kindId('协议合同/建站合同') });
    let attempts = 0;
    for (const role of ['clerk', 'manager', 'owner'] as const)
      for (const kind of ['staging', 'empty', 'unrecorded', 'missing', 'modified'] as const)
        for (const action of ['trash', 'file', 'ignore', 'relink', 'accept', undefined] as const) {
          const answer = await fix({ kind, relPath: contract.relPath, documentId: null, ...(action ? { action } : {}) }, role);
          expect(answer.ok, `${role} ${kind} ${action}`).toBe(false);
          attempts++;
        }
    // With the record's own id: a finding that is not there now is not fixable either.
    for (const kind of ['empty', 'modified', 'missing', 'misplaced'] as const)
      expectRefused(await fix({ kind, relPath: contract.relPath, documentId: contract.id, action: 'trash' }), 'not_found');
    expect(attempts).toBe(90);
    expect(fs.readFileSync(abs(contract.relPath), 'utf8')).toBe('%PDF signed contract');
    expect(await trashed()).toEqual([]);
    expect((await audit({ rehash: true })).findings).toEqual([]);
  });

  it('agrees with the full audit on every finding of an untidy archive', async () => {
    const kept = await file('keep.txt', 'keep', { kindId: await kindId('票据') });
    const moved = await file('m.txt', 'moved by hand', { kindId: await kindId('票据') });
    await file('unlinked.txt', 'no kind no client');
    fs.mkdirSync(abs('乱放'), { recursive: true });
    fs.renameSync(abs(moved.relPath), abs('乱放/x.txt'));
    put('客户档案/loose.txt', 'a loose file');
    put('客户档案/empty.txt', '');
    put('.staging/leftover', 'half');
    fs.appendFileSync(abs(kept.relPath), ' edited');
    const report = await audit();
    expect(report.findings.map((f) => f.kind).sort()).toEqual(
      ['empty', 'missing', 'modified', 'staging', 'unlinked', 'unrecorded'].sort(),
    );
    const ctx = withActor(office, owner);
    for (const f of report.findings) {
      const now = await findingsAt(ctx, f.relPath, false);
      expect(now.findings, `${f.kind} ${f.relPath}`).toContainEqual(f);
    }
    // The moved file is the missing record's: not offered as a loose file to trash or file.
    expect(report.findings.find((f) => f.kind === 'missing')).toMatchObject({
      candidatePath: '乱放/x.txt',
      actions: ['relink', 'ignore'],
    });
    for (const action of ['trash', 'file'] as const)
      expectRefused(await fix({ kind: 'unrecorded', relPath: '乱放/x.txt', documentId: null, action }), 'not_found');
    expect(exists('乱放/x.txt')).toBe(true);
  });
});

describe('the choices a finding offers', () => {
  it('a loose file goes to the recycle area as a document, and comes back from there where it was', async () => {
    put('客户档案/老客户/名片.jpg', 'JPEG bytes');
    const [f] = (await audit()).findings;
    expect(f).toMatchObject({ kind: 'unrecorded', actions: ['file', 'trash', 'ignore'] });
    expectRefused(await fix({ ...f! }), 'invalid_input'); // no action chosen: it must be chosen
    const answer = await fix({ kind: 'unrecorded', relPath: f!.relPath, documentId: null, action: 'trash' }, 'clerk');
    expect(answer).toMatchObject({ ok: true, value: { fixed: true } });
    expect(JSON.stringify(answer)).toContain('回收站');
    expect(exists(f!.relPath)).toBe(false);
    const [inTrash] = await trashed();
    expect(inTrash).toMatchObject({ originalName: '名片.jpg', kindPath: '客户档案', size: 10 });
    expect((await audit()).findings).toEqual([]);
    await callOk(office, 'archive.restore', { id: inTrash!.id });
    expect(fs.readFileSync(abs('客户档案/老客户/名片.jpg'), 'utf8')).toBe('JPEG bytes');
  });

  it('an extra copy of a filed file is filed nowhere twice and trashed truthfully; the only copy is never called extra', async () => {
    const original = await file('报价.txt', 'the same quote');
    put('未分类/报价副本.txt', 'the same quote');
    const f = (await audit()).findings.find((x) => x.kind === 'unrecorded')!;
    const refused = await fix({ ...f, action: 'file' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(refused)).toContain(original.relPath);
    const trashedCopy = await fix({ ...f, action: 'trash' });
    expect(JSON.stringify(trashedCopy)).not.toMatch(/removed|已删除/);
    expect(fs.readFileSync(abs(original.relPath), 'utf8')).toBe('the same quote');
    expect((await trashed()).map((d) => d.originalName)).toEqual(['报价副本.txt']);
  });

  it('files a loose file with the chosen kind, client and date, where the template puts it', async () => {
    const client = await callOk<{ id: number }>(office, 'clients.create', { name: '华联超市' });
    put('扫描/scan0001.pdf', '%PDF scanned');
    const f = (await audit()).findings[0]!;
    const fields = {
      kindId: await kindId('协议合同/续费合同'),
      clientId: client.id,
      contractId: null,
      docDate: '2026-02-14',
      title: '续费合同',
    };
    expect(await fix({ ...f, action: 'file', fields }, 'clerk')).toMatchObject({ ok: true });
    const [doc] = (await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', {})).rows;
    expect(doc).toMatchObject({
      relPath: '协议合同/续费合同/2026/2026-02/2026-02-14_华联超市_续费合同.pdf',
      clientName: '华联超市',
      filedBy: 'T-clerk',
    });
    expect(exists('扫描/scan0001.pdf')).toBe(false);
    expect((await audit({ rehash: true })).findings).toEqual([]);
  });

  it('a loose file already where the template would put it is recorded in place, not renamed', async () => {
    const rel = '稿件/2026/2026-03/2026-03-10_海报.txt';
    put(rel, 'a poster');
    const f = (await audit()).findings[0]!;
    expect(f).toMatchObject({ kind: 'unrecorded', relPath: rel });
    const fields = { kindId: await kindId('稿件'), clientId: null, contractId: null, docDate: '2026-03-10', title: '海报' };
    expect(await fix({ ...f, action: 'file', fields })).toMatchObject({ ok: true });
    const [doc] = (await callOk<{ rows: DocumentRow[] }>(office, 'archive.list', {})).rows;
    expect(doc!.relPath).toBe(rel);
    expect((await audit({ rehash: true })).findings).toEqual([]);
  });

  it('an empty file and an interrupted upload go to the recycle area; an upload under way is not a finding', async () => {
    put('稿件/空白.docx', '');
    put('.staging/8f1c-interrupted', 'half an upload');
    put('.staging/under-way', 'an upload the journal says is being filed');
    office.sqlite
      .prepare(
        `INSERT INTO archive_journal (op, from_path, to_path, created_at) VALUES ('file', '.staging/under-way', '未分类/x', 'now')`,
      )
      .run();
    const findings = (await audit()).findings;
    expect(findings.map((f) => [f.kind, f.relPath]).sort()).toEqual([
      ['empty', '稿件/空白.docx'],
      ['staging', '.staging/8f1c-interrupted'],
    ]);
    expectRefused(await fix({ kind: 'staging', relPath: '.staging/under-way', documentId: null, action: 'trash' }), 'not_found');
    for (const f of findings) expect(await fix({ ...f, action: 'trash' }, 'clerk')).toMatchObject({ ok: true });
    expect(exists('.staging/under-way')).toBe(true);
    expect((await trashed()).length).toBe(2);
  });

  it('fills in an unlinked record', async () => {
    const doc = await file('无归属.txt', 'no kind no client');
    const f = (await audit()).findings.find((x) => x.kind === 'unlinked')!;
    expect(f.actions).toEqual(['file', 'ignore']);
    expectRefused(await fix({ ...f, action: 'file', fields: { kindId: null, clientId: null, contractId: null } }), 'invalid_input');
    expect(
      await fix({ ...f, action: 'file', fields: { kindId: await kindId('稿件'), clientId: null, contractId: null } }, 'clerk'),
    ).toMatchObject({
      ok: true,
    });
    expect((await callOk<DocumentRow>(office, 'archive.get', { id: doc.id })).kindPath).toBe('稿件');
    expect((await audit()).findings).toEqual([]);
  });
  it('a record whose file is lost can go to the recycle area on its own, and be purged from there', async () => {
    const doc = await file('丢失.pdf', '%PDF lost', { kindId: await kindId('票据') });
    fs.rmSync(abs(doc.relPath));
    const f = (await audit()).findings[0]!;
    expect(f).toMatchObject({ kind: 'missing', candidatePath: null, actions: ['trash', 'ignore'] });
    expect(await fix({ ...f, action: 'relink' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await fix({ ...f, action: 'trash' }, 'clerk')).toMatchObject({ ok: true });
    expect((await audit()).findings).toEqual([]);
    const restore = await office.call(owner, 'archive.restore', { id: doc.id });
    expect(restore).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(restore)).toContain('备份');
    expect(await office.call(owner, 'archive.purge', { ids: [doc.id] })).toMatchObject({ ok: true, value: { purged: 1 } });
  });
});

describe('who may decide', () => {
  it('accepting changed content and ignoring are for a manager or the owner; a salesperson fixes nothing', async () => {
    const doc = await file('合同.txt', 'signed', { kindId: await kindId('协议合同') });
    fs.appendFileSync(abs(doc.relPath), ' and changed');
    const f = (await audit()).findings.find((x) => x.kind === 'modified')!;
    for (const action of ['accept', 'ignore'] as const)
      expect(await fix({ ...f, action }, 'clerk'), action).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fix({ ...f }, 'salesperson')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fix({ ...f }, 'manager')).toMatchObject({ ok: true }); // the default for 'modified': accept
    expect((await audit({ rehash: true })).findings).toEqual([]);
    // Nothing to accept any more: refused, not redone.
    expect((await fix({ ...f, action: 'accept' }, 'owner')).ok).toBe(false);
    const log = office.sqlite.prepare(`SELECT actor_code FROM audit_log WHERE action = 'archive.acceptChange'`).pluck().all();
    expect(log).toEqual(['T-manager']);
  });

  it('an ignored finding stays hidden until its file changes; it can be brought back', async () => {
    put('未分类/旧照片.jpg', 'old photo');
    const f = (await audit()).findings[0]!;
    expect(await fix({ ...f, action: 'ignore' }, 'owner')).toMatchObject({ ok: true });
    const quiet = await audit();
    expect([quiet.findings.length, quiet.ignored]).toEqual([0, 1]);
    const shown = await audit({ includeIgnored: true });
    expect(shown.findings).toEqual([
      expect.objectContaining({ relPath: f.relPath, ignored: true, actions: ['file', 'trash', 'unignore'] }),
    ]);
    fs.appendFileSync(abs(f.relPath), ' retouched');
    const changed = await audit();
    expect([changed.findings.length, changed.ignored]).toEqual([1, 0]);
    await fix({ ...changed.findings[0]!, action: 'ignore' }, 'manager');
    expect((await audit()).ignored).toBe(1);
    expect(await fix({ ...f, action: 'unignore' }, 'clerk')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fix({ ...f, action: 'unignore' }, 'manager')).toMatchObject({ ok: true });
    expect((await audit()).findings).toHaveLength(1);
  });
});
