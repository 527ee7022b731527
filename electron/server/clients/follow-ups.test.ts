import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FunnelCounts, Reminder } from '../../../shared/contract/clients';
import type { DueFollowUps, FollowUpRow } from '../../../shared/contract/follow-ups';
import { callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import { createClientOk, staffActor } from '../testing/office-fixtures';

describe('follow-ups, reminders and the funnel', () => {
  let office: TestOffice;
  beforeEach(() => {
    office = createTestOffice({ now: () => new Date('2026-06-10T09:00:00') });
  });
  afterEach(async () => {
    await office.dispose();
  });

  it('logs follow-ups, settles earlier next steps, and lists due today and overdue per person', async () => {
    const { actor: zhang, staff: zs } = await staffActor(office, 'S1', '张伟');
    const { actor: li } = await staffActor(office, 'S2', '李娜');
    const a = await createClientOk(office, { name: '甲公司' }, zhang);
    const b = await createClientOk(office, { name: '乙公司' }, zhang);
    const c = await createClientOk(office, { name: '丙公司' }, li);
    const first = await callOk<FollowUpRow>(
      office,
      'followups.create',
      { clientId: a.id, happenedOn: '2026-06-01', way: 'phone', content: '首次电话', nextStep: '寄资料', nextOn: '2026-06-05' },
      zhang,
    );
    expect(first).toMatchObject({ staffId: zs.id, staffName: '张伟', done: false, clientName: '甲公司' });
    await callOk(
      office,
      'followups.create',
      { clientId: b.id, happenedOn: '2026-06-09', way: 'visit', content: '拜访', nextOn: '2026-06-10' },
      zhang,
    );
    await callOk(
      office,
      'followups.create',
      { clientId: c.id, happenedOn: '2026-06-07', way: 'wechat', content: '微信', nextOn: '2026-06-08' },
      li,
    );

    const due = await callOk<DueFollowUps>(office, 'followups.due', {}, zhang);
    expect(due.asOf).toBe('2026-06-10');
    expect(due.today.map((f) => f.clientName)).toEqual(['乙公司']);
    expect(due.overdue.map((f) => f.clientName)).toEqual(['甲公司']);
    const all = await callOk<DueFollowUps>(office, 'followups.due', {});
    expect(all.byStaff.map((s) => [s.staffName, s.today, s.overdue])).toEqual([
      ['张伟', 1, 1],
      ['李娜', 0, 1],
    ]);

    // A new follow-up on 甲 settles its open next step.
    await callOk(
      office,
      'followups.create',
      { clientId: a.id, happenedOn: '2026-06-10', way: 'phone', content: '已寄资料', nextOn: '2026-06-20' },
      zhang,
    );
    expect((await callOk<DueFollowUps>(office, 'followups.due', {}, zhang)).overdue).toHaveLength(0);
    const list = await callOk<FollowUpRow[]>(office, 'followups.list', { clientId: a.id }, zhang);
    expect(list.map((f) => [f.content, f.done])).toEqual([
      ['已寄资料', false],
      ['首次电话', true],
    ]);
    const done = await callOk<FollowUpRow>(office, 'followups.complete', { id: list[0]!.id }, zhang);
    expect(done.done).toBe(true);

    const denied = await office.call(li, 'followups.create', {
      clientId: a.id,
      happenedOn: '2026-06-10',
      way: 'phone',
      content: 'x',
    });
    expect(denied.ok ? null : denied.error.code).toBe('not_found');
    const early = await office.call(zhang, 'followups.create', {
      clientId: a.id,
      happenedOn: '2026-06-10',
      way: 'phone',
      content: 'x',
      nextOn: '2026-06-01',
    });
    expect(early.ok ? null : early.error.details?.issues?.[0]?.path).toBe('nextOn');
  });

  it('reminds of birthdays, anniversaries and 端午 in the window', async () => {
    const { actor: zhang } = await staffActor(office, 'S1', '张伟');
    await createClientOk(office, { name: '甲公司', contactName: '王总', birthday: '06-15', anniversary: '2016-07-01' }, zhang);
    await createClientOk(office, { name: '乙公司', birthday: '1980-12-01' }, zhang);
    const reminders = await callOk<Reminder[]>(office, 'clients.reminders', { days: 14 }, zhang);
    expect(reminders.map((r) => [r.kind, r.date])).toEqual([
      ['birthday', '2026-06-15'],
      ['festival', '2026-06-19'],
    ]);
    const month = await callOk<Reminder[]>(office, 'clients.reminders', { from: '2026-06-10', days: 30 }, zhang);
    expect(month.map((r) => r.kind)).toEqual(['birthday', 'festival', 'anniversary']);
    const july = await callOk<Reminder[]>(office, 'clients.reminders', { from: '2026-06-20', days: 20 });
    expect(july).toEqual([
      {
        kind: 'anniversary',
        date: '2026-07-01',
        clientId: expect.any(Number),
        clientName: '甲公司',
        contactName: '王总',
        ownerName: '张伟',
        years: 10,
      },
    ]);
    const festival = (await callOk<Reminder[]>(office, 'clients.reminders', { from: '2026-09-20', days: 10 })).find(
      (r) => r.kind === 'festival',
    );
    expect(festival).toEqual({ kind: 'festival', date: '2026-09-25', festival: 'mid_autumn', clientCount: 2 });
  });

  it('counts the funnel 潜在 → 意向 → 签约 from the stages', async () => {
    for (const [i, stage] of ['prepare', 'approach', 'explain', 'proposal', 'close', 'service'].entries())
      await createClientOk(office, { name: `客户${i}`, stage });
    const f = await callOk<FunnelCounts>(office, 'clients.funnel', {});
    expect(f.total).toBe(6);
    expect(f.steps).toEqual([
      { step: 'potential', count: 2, reached: 6 },
      { step: 'intent', count: 2, reached: 4 },
      { step: 'signed', count: 2, reached: 2 },
    ]);
    expect(f.stages.find((s) => s.stage === 'close')?.count).toBe(1);
    await createClientOk(office, { name: '有地区', province: '广东省', city: '深圳市' });
    expect(await callOk(office, 'clients.regions', {})).toEqual([{ province: '广东省', city: '深圳市', count: 1 }]);
  });
});
