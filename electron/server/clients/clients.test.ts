import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientDetail, ClientListRow, DuplicateHit, OwnerHistoryRow } from '../../../shared/contract/clients';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { createClientOk, staffActor } from '../testing/office-fixtures';
import { expectRefused } from '../testing/refusal';

type Page = { rows: ClientListRow[]; total: number };

describe('clients', () => {
  let office: TestOffice;
  beforeEach(() => {
    office = createTestOffice({ now: () => new Date('2026-03-10T09:00:00') });
  });
  afterEach(async () => {
    await office.dispose();
  });

  it('registers a client with phones, normalised name and a completeness score, and audits it', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    const c = await createClientOk(office, {
      name: ' 深圳华联超市有限公司 ',
      contactName: '王经理',
      phones: ['+86 138-0013-8000', '0755 1234 5678'],
      ownerStaffId: staff.id,
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      source: 'phone',
      level: 2,
    });
    expect(c).toMatchObject({
      name: '深圳华联超市有限公司',
      ownerName: '张伟',
      joinedOn: '2026-03-10',
      level: 2,
      source: 'phone',
    });
    expect(c.phones.map((p) => [p.key, p.kind])).toEqual([
      ['13800138000', 'mobile'],
      ['075512345678', 'landline'],
    ]);
    expect(c.completeness).toBe(10 + 10 + 15 + 10 + 5);
    expect(c.missing.map((m) => m.key)).toContain('address');
    const audit = await office.db.selectFrom('audit_log').select(['action', 'entity_id']).execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: 'staff.create' }),
      { action: 'clients.create', entity_id: String(c.id) },
    ]);
  });

  it('refuses an invalid phone with the field named', async () => {
    const r = await office.call(owner, 'clients.create', { name: '甲', phones: ['12345'] });
    expect(r.ok ? null : r.error.details?.issues?.[0]?.path).toBe('phones.0');
  });

  it('stops 撞单 on the same phone written differently or the same company, naming the owner', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    const first = await createClientOk(office, { name: '深圳华联超市有限公司', phones: ['13800138000'], ownerStaffId: staff.id });
    const byPhone = await office.call(owner, 'clients.create', { name: '别的公司', phones: ['+86 138 0013 8000'] });
    expect(byPhone.ok).toBe(false);
    if (byPhone.ok) return;
    expect(byPhone.error.code).toBe('conflict');
    expect(byPhone.error.message).toContain('撞单');
    expect(byPhone.error.message).toContain('张伟');
    expect(byPhone.error.message).toContain('深圳华联超市有限公司');
    const byName = await office.call(owner, 'clients.create', { name: '深圳华联超市', phones: [] });
    expect(byName.ok ? null : byName.error.code).toBe('conflict');
    // Two people may share a name: persons are matched by phone only.
    await createClientOk(office, { kind: 'person', name: '王芳', phones: ['13900000001'] });
    await createClientOk(office, { kind: 'person', name: '王芳', phones: ['13900000002'] });
    // Editing a client does not clash with itself.
    const edited = await callOk<ClientDetail>(office, 'clients.update', {
      id: first.id,
      phones: ['138 0013 8000', '13700000000'],
    });
    expect(edited.phones).toHaveLength(2);
  });

  it('tells a salesperson who owns a duplicate without revealing that client', async () => {
    const { staff: zhang } = await staffActor(office, 'S1', '张伟');
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    await createClientOk(office, { name: '华联超市', phones: ['13800138000'], ownerStaffId: zhang.id });
    const r = await office.call(li, 'clients.create', { name: '另一家', phones: ['13800138000'] });
    expectRefused(r, 'conflict', ['phones']);
    if (r.ok) return;
    expect(r.error.message).toContain('张伟');
    expect(r.error.message).not.toContain('华联');
    expect(JSON.stringify(r.error)).not.toContain('华联');
    const hits = await callOk<DuplicateHit[]>(office, 'clients.checkDuplicates', { name: '华联超市有限公司' }, li);
    expect(hits).toEqual([
      { field: 'name', value: '华联超市有限公司', ownerName: '张伟', clientId: null, clientName: null, inPool: false },
    ]);
  });

  it('scopes a salesperson to own clients: list, read, edit, and registers for themself', async () => {
    const { actor: zhang, staff: zs } = await staffActor(office, 'S1', '张伟');
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    const mine = await createClientOk(office, { name: '张的客户' }, zhang);
    expect(mine.ownerStaffId).toBe(zs.id);
    const other = await createClientOk(office, { name: '李的客户' }, li);
    const page = await callOk<Page>(office, 'clients.list', {}, zhang);
    expect(page.rows.map((r) => r.name)).toEqual(['张的客户']);
    expect((await callOk<Page>(office, 'clients.list', { ownerStaffId: other.ownerStaffId! }, zhang)).total).toBe(0);
    const read = await office.call(zhang, 'clients.get', { id: other.id });
    expect(read.ok ? null : read.error.code).toBe('not_found');
    const edit = await office.call(zhang, 'clients.update', { id: other.id, notes: 'x' });
    expect(edit.ok ? null : edit.error.code).toBe('not_found');
    const forOther = await office.call(zhang, 'clients.create', { name: '替别人登记', ownerStaffId: other.ownerStaffId });
    expect(forOther.ok ? null : forOther.error.code).toBe('forbidden');
    expect((await callOk<Page>(office, 'clients.list', {})).total).toBe(2);
  });

  it('finds clients by 2-character Chinese, 1 character, longer text, contact and phone fragments', async () => {
    const names = ['华联超市', '金鑫超市有限公司', '东方红广告', '超群科技'];
    for (const [i, name] of names.entries()) {
      await createClientOk(office, {
        name,
        contactName: i === 2 ? '王小明' : '李四',
        phones: [`1380013800${i}`],
        joinedOn: `2025-0${i + 1}-01`,
      });
    }
    const search = async (q: string): Promise<string[]> =>
      (await callOk<Page>(office, 'clients.list', { search: q })).rows.map((r) => r.name);
    expect(await search('超市')).toEqual(['华联超市', '金鑫超市有限公司']);
    expect(await search('超')).toEqual(['华联超市', '金鑫超市有限公司', '超群科技']);
    expect(await search('联超市')).toEqual(['华联超市']);
    expect(await search('市超')).toEqual([]);
    expect(await search('王小')).toEqual(['东方红广告']);
    expect(await search('138-0013-8002')).toEqual(['东方红广告']);
    expect(await search('0013800')).toHaveLength(4);
    expect(await search('ｓｓ')).toEqual([]);
    expect(await search('!!')).toEqual([]);
    // The index follows edits.
    const id = (await callOk<Page>(office, 'clients.list', { search: '东方红' })).rows[0]!.id;
    await callOk(office, 'clients.update', { id, name: '西山绿化' });
    expect(await search('东方')).toEqual([]);
    expect(await search('绿化')).toEqual(['西山绿化']);
  });

  it('filters, sorts by join date both ways and pages with a total', async () => {
    const { staff } = await staffActor(office, 'S1', '张伟');
    for (let i = 1; i <= 12; i++) {
      await createClientOk(office, {
        name: `客户${i}`,
        joinedOn: `2025-${String(i).padStart(2, '0')}-01`,
        level: (i % 4) + 1,
        ownerStaffId: i <= 6 ? staff.id : null,
        province: i % 2 ? '广东省' : '湖南省',
        stage: i > 9 ? 'close' : 'prepare',
      });
    }
    const page = await callOk<Page>(office, 'clients.list', { limit: 5, offset: 5 });
    expect(page.total).toBe(12);
    expect(page.rows.map((r) => r.name)).toEqual(['客户6', '客户7', '客户8', '客户9', '客户10']);
    const desc = await callOk<Page>(office, 'clients.list', { sort: '-joinedOn', limit: 2 });
    expect(desc.rows.map((r) => r.name)).toEqual(['客户12', '客户11']);
    expect((await callOk<Page>(office, 'clients.list', { level: 1 })).rows.map((r) => r.name)).toEqual([
      '客户4',
      '客户8',
      '客户12',
    ]);
    expect((await callOk<Page>(office, 'clients.list', { ownerStaffId: 0 })).total).toBe(6);
    expect((await callOk<Page>(office, 'clients.list', { ownerStaffId: staff.id, province: '广东省' })).total).toBe(3);
    expect((await callOk<Page>(office, 'clients.list', { funnel: 'signed' })).total).toBe(3);
    const archivedId = page.rows[0]!.id;
    await callOk(office, 'clients.archive', { id: archivedId });
    expect((await callOk<Page>(office, 'clients.list', {})).total).toBe(11);
    expect((await callOk<Page>(office, 'clients.list', { includeArchived: true })).total).toBe(12);
  });

  it('reassigns one, many or all clients with follow-ups and keeps the history', async () => {
    const { staff: a } = await staffActor(office, 'S1', '张伟');
    const { staff: b, actor: bActor } = await staffActor(office, 'S2', '李娜');
    const { actor: manager } = await staffActor(office, 'M1', '王经理', 'manager');
    const c1 = await createClientOk(office, { name: '甲公司', ownerStaffId: a.id });
    const c2 = await createClientOk(office, { name: '乙公司', ownerStaffId: a.id });
    await createClientOk(office, { name: '丙公司', ownerStaffId: a.id });
    await callOk(office, 'followups.create', {
      clientId: c1.id,
      happenedOn: '2026-03-01',
      way: 'phone',
      content: '初次联系',
      nextOn: '2026-03-12',
    });
    const denied = await office.call(bActor, 'clients.reassign', { clientIds: [c1.id], toStaffId: b.id, reason: '想要' });
    expect(denied.ok ? null : denied.error.code).toBe('forbidden');
    expect(
      await callOk(office, 'clients.reassign', { clientIds: [c1.id], toStaffId: b.id, reason: '客户要求' }, manager),
    ).toEqual({ moved: 1 });
    expect(
      (await callOk<{ today: unknown[]; overdue: unknown[] }>(office, 'followups.due', { asOf: '2026-03-12' }, bActor)).today,
    ).toHaveLength(1);
    expect(await callOk(office, 'clients.reassign', { fromStaffId: a.id, toStaffId: b.id, reason: '离职交接' }, manager)).toEqual(
      { moved: 2 },
    );
    expect((await callOk<Page>(office, 'clients.list', {}, bActor)).total).toBe(3);
    const history = await callOk<OwnerHistoryRow[]>(office, 'clients.ownerHistory', { clientId: c2.id });
    expect(history).toMatchObject([{ fromName: '张伟', toName: '李娜', reason: '离职交接', changedBy: '王经理' }]);
    const neither = await office.call(manager, 'clients.reassign', { toStaffId: b.id, reason: 'x' });
    expect(neither.ok ? null : neither.error.code).toBe('invalid_input');
  });
});
