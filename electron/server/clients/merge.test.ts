import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditReport, DocumentRow, FilingResult } from '../../../shared/contract/archive';
import type { ClientDetail, OwnerHistoryRow } from '../../../shared/contract/clients';
import type { ContractDetail } from '../../../shared/contract/contracts';
import type { FollowUpRow } from '../../../shared/contract/follow-ups';
import type { DuplicateGroup, MergePreview, MergeResult } from '../../../shared/contract/merge';
import type { InvoiceRow } from '../../../shared/contract/receivables';
import { createClientOk, staffActor } from '../testing/office-fixtures';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { expectRefused } from '../testing/refusal';

let office: TestOffice;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-11-27T04:00:00Z') });
});
afterEach(() => office.dispose());

async function fileFor(clientId: number, contractId: number | null, name: string, content: string): Promise<DocumentRow> {
  const source = path.join(office.dir, name);
  fs.writeFileSync(source, content);
  const result = await callOk<FilingResult>(office, 'archive.fileLocal', {
    sourcePath: source,
    fields: { clientId, contractId, docDate: '2026-11-20', title: name.replace(/\.\w+$/, '') },
  });
  if (result.outcome !== 'filed') throw new Error('not filed');
  return result.document;
}

describe('possible duplicates', () => {
  it('finds the same phone, the same name and similar names in the same region — not across regions', async () => {
    const shenzhen = { province: '广东省', city: '深圳市', district: '南山区' };
    const a = await createClientOk(office, { name: '华联超市南山店', ...shenzhen, phones: ['13800138000'] });
    // Created as different clients, then edited to clash (as an old import might have left them).
    const b = await createClientOk(office, { name: '华连超市南山店', ...shenzhen });
    const c = await createClientOk(office, { name: '另一家', phones: ['13900139000'] });
    const d = await createClientOk(office, { name: '阳光广告', ...shenzhen });
    const e = await createClientOk(office, { name: '阳光广告传媒', ...shenzhen });
    const far = await createClientOk(office, { name: '阳光广告传媒有限', province: '湖南省', city: '长沙市' });
    office.sqlite
      .prepare('UPDATE client_phones SET phone_key = ?, phone = ? WHERE client_id = ?')
      .run('13800138000', '13800138000', c.id);
    office.sqlite.prepare('UPDATE clients SET name_key = ? WHERE id = ?').run('华联超市南山店', b.id);
    const groups = await callOk<DuplicateGroup[]>(office, 'merge.candidates', {});
    const sets = groups.map((g) => [g.reason, g.clients.map((x) => x.id)]);
    expect(sets).toContainEqual(['phone', [a.id, c.id]]);
    expect(sets).toContainEqual(['name', [a.id, b.id]]);
    expect(sets).toContainEqual(['similar', [d.id, e.id]]);
    expect(groups.flatMap((g) => g.clients.map((x) => x.id))).not.toContain(far.id);
    const onlyPhones = await callOk<DuplicateGroup[]>(office, 'merge.candidates', { reasons: ['phone'] });
    expect(onlyPhones.every((g) => g.reason === 'phone')).toBe(true);
  });
});

describe('merging duplicate clients', () => {
  it('moves contracts, payments, follow-ups, documents, history and invoices; re-files the files; audits both ids and kept values', async () => {
    const { staff: zhang } = await staffActor(office, 'S1', '张伟');
    const { staff: li } = await staffActor(office, 'S2', '李娜');
    const kept = await createClientOk(office, {
      name: '星光广告',
      phones: ['13800000001'],
      ownerStaffId: zhang.id,
      notes: '老客户',
    });
    const dup = await createClientOk(office, {
      name: '星光广告传媒有限公司',
      phones: ['13800000002'],
      ownerStaffId: li.id,
      wechat: 'xg-wechat',
      notes: '去年签过',
      city: '深圳市',
    });
    const contract = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId: dup.id,
      amountFen: 500_00,
      signedOn: '2026-10-01',
      status: 'signed',
    });
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-10-02', amountFen: 200_00 });
    await callOk(office, 'invoices.create', {
      contractId: contract.id,
      title: '星光',
      amountFen: 200_00,
      number: 'FP-1',
      issuedOn: '2026-10-03',
    });
    await callOk(office, 'followups.create', {
      clientId: dup.id,
      happenedOn: '2026-11-01',
      way: 'phone',
      content: '约下周拜访',
      nextStep: '拜访',
      nextOn: '2026-12-01',
    });
    await callOk(office, 'clients.reassign', { clientIds: [dup.id], toStaffId: zhang.id, reason: '调整' });
    await callOk(office, 'clients.reassign', { clientIds: [dup.id], toStaffId: li.id, reason: '调回' });
    const doc = await fileFor(dup.id, contract.id, '合同扫描.pdf', 'the signed paper');
    expect(doc.relPath).toContain('星光广告传媒有限公司');

    const preview = await callOk<MergePreview>(office, 'merge.preview', { keepId: kept.id, mergeIds: [dup.id] });
    expect(preview.moves).toMatchObject({
      contracts: 1,
      payments: 1,
      followUps: 1,
      openFollowUps: 1,
      documents: 1,
      history: 2,
      invoices: 1,
    });

    const result = await callOk<MergeResult>(office, 'merge.apply', {
      keepId: kept.id,
      mergeIds: [dup.id],
      choose: { wechat: dup.id, region: dup.id, phones: 'all', notes: 'all' },
    });
    expect(result.kept).toMatchObject({
      id: kept.id,
      name: '星光广告',
      wechat: 'xg-wechat',
      city: '深圳市',
      ownerStaffId: zhang.id,
    });
    expect(result.kept.phones.map((p) => p.key)).toEqual(['13800000001', '13800000002']);
    expect(result.kept.notes).toBe('老客户\n去年签过');
    expect(result.refiled).toBe(1);
    expectRefused(await office.call(owner, 'clients.get', { id: dup.id }), 'not_found');

    const movedContract = await callOk<ContractDetail>(office, 'contracts.get', { id: contract.id });
    expect(movedContract).toMatchObject({ clientId: kept.id, paidFen: 200_00, staffId: li.id });
    expect((await callOk<{ rows: InvoiceRow[] }>(office, 'invoices.list', { clientId: kept.id })).rows).toHaveLength(1);
    const followUps = await callOk<FollowUpRow[]>(office, 'followups.list', { clientId: kept.id });
    // The open next step now belongs to the kept client's owner.
    expect(followUps).toEqual([expect.objectContaining({ content: '约下周拜访', staffId: zhang.id, done: false })]);
    const history = await callOk<OwnerHistoryRow[]>(office, 'clients.ownerHistory', { clientId: kept.id });
    expect(history.map((h) => h.reason)).toEqual(['调整', '调回']);

    // The file now lives in the kept client's folder, under the kept name; nothing is left behind.
    const moved = await callOk<DocumentRow>(office, 'archive.get', { id: doc.id });
    expect(moved.relPath).toContain('星光广告');
    expect(moved.relPath).not.toContain('传媒');
    expect(fs.readFileSync(path.join(office.archiveRoot(), ...moved.relPath.split('/')), 'utf8')).toBe('the signed paper');
    expect(fs.existsSync(path.join(office.archiveRoot(), ...doc.relPath.split('/')))).toBe(false);
    const check = await callOk<AuditReport>(office, 'archive.audit', { rehash: true });
    expect(check.findings).toEqual([]);

    const audit = office.sqlite.prepare(`SELECT before_json, after_json FROM audit_log WHERE action = 'clients.merge'`).get() as {
      before_json: string;
      after_json: string;
    };
    const after = JSON.parse(audit.after_json) as {
      keptId: number;
      mergedIds: number[];
      keptValues: ClientDetail;
      sources: Record<string, unknown>;
    };
    expect(after).toMatchObject({
      keptId: kept.id,
      mergedIds: [dup.id],
      sources: { wechat: dup.id, name: kept.id, phones: 'all' },
    });
    expect(after.keptValues.wechat).toBe('xg-wechat');
    expect(JSON.parse(audit.before_json).merged[0]).toMatchObject({ id: dup.id, name: '星光广告传媒有限公司' });
    // The search index follows: the merged name no longer finds a client of its own.
    expect((await callOk<{ total: number }>(office, 'clients.list', { search: '传媒' })).total).toBe(0);
    expect((await callOk<{ total: number }>(office, 'clients.list', { search: '13800000002' })).total).toBe(1);
  });

  it('refuses, writing nothing, when the kept values clash with a third client or a choice is not in the merge', async () => {
    const a = await createClientOk(office, { name: '甲店', phones: ['13700000001'] });
    const b = await createClientOk(office, { name: '乙店', phones: ['13700000002'] });
    const outsider = await createClientOk(office, { name: '丙店', phones: ['13700000003'] });
    office.sqlite.prepare('UPDATE clients SET name = ?, name_key = ? WHERE id = ?').run('丙店', '丙店', b.id);
    const clash = await office.call(owner, 'merge.apply', { keepId: a.id, mergeIds: [b.id], choose: { name: b.id } });
    expect(clash.ok ? null : clash.error.code).toBe('conflict');
    if (!clash.ok) expect(clash.error.message).toContain('撞单');
    const wrong = await office.call(owner, 'merge.apply', { keepId: a.id, mergeIds: [b.id], choose: { name: outsider.id } });
    expect(wrong.ok ? null : wrong.error.message).toContain('不在本次合并之中');
    const self = await office.call(owner, 'merge.apply', { keepId: a.id, mergeIds: [a.id] });
    expect(self.ok ? null : self.error.code).toBe('invalid_input');
    expect((await callOk<ClientDetail>(office, 'clients.get', { id: b.id })).name).toBe('丙店');
    expect(office.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'clients.merge'`).pluck().get()).toBe(0);
  });

  it('only managers and the owner merge', async () => {
    const { actor: clerk } = await staffActor(office, 'C1', '文员', 'clerk');
    const a = await createClientOk(office, { name: '一号' });
    const b = await createClientOk(office, { name: '二号' });
    const r = await office.call(clerk, 'merge.apply', { keepId: a.id, mergeIds: [b.id] });
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });
});
