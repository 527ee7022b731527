import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../shared/contract/clients';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { AuditRow } from '../../shared/contract/commission';
import type { CloseCheck, MonthConfirmations } from '../../shared/contract/statements';
import type { ConfirmationState } from '../../shared/commission/confirmation';
import type { PersonalStatement } from '../../shared/performance/performance-types';
import type { Actor } from '../../shared/roles';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';
import { expectRefused } from '../../electron/server/testing/refusal';

/**
 * 业绩确认 as a state machine checked against a model (fast-check): any sequence of requests,
 * confirmations, disputes, answers (with or without an adjustment) and figure changes leaves the
 * office agreeing with the model — who is pending, confirmed, disputed, answered, whose
 * confirmation went stale — and 月结 warns exactly about those not confirmed as things stand.
 */
const MONTH = '2026-10';
type Person = { actor: Actor; staffId: number; contractId: number };
type World = { office: TestOffice; people: Person[] };
type PersonModel = { state: ConfirmationState; version: number; confirmedVersion: number | null };
type Model = { requested: boolean; people: PersonModel[] };

async function world(): Promise<World> {
  const office = createTestOffice({ now: () => new Date('2026-10-28T03:00:00Z') });
  await callOk(office, 'plans.set', {
    month: MONTH,
    staffId: null,
    plan: { floorFen: 100_000, targetFen: 1_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null },
  });
  const people: Person[] = [];
  for (const [code, name] of [
    ['S001', '张伟'],
    ['S002', '李娜'],
  ] as const) {
    const { staff, actor } = await staffActor(office, code, name);
    const client = await callOk<ClientDetail>(office, 'clients.create', { name: `${name}的客户`, ownerStaffId: staff.id });
    const contract = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId: client.id,
      staffId: staff.id,
      amountFen: 10_000_000,
      signedOn: '2026-10-02',
      status: 'signed',
    });
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-10-03', amountFen: 500_000 });
    people.push({ actor, staffId: staff.id, contractId: contract.id });
  }
  return { office, people };
}

const stale = (p: PersonModel) => p.state === 'confirmed' && p.confirmedVersion !== p.version;

type Cmd = fc.AsyncCommand<Model, World>;

class Request implements Cmd {
  check = () => true;
  async run(m: Model, w: World) {
    await callOk(w.office, 'confirmations.request', { month: MONTH }, actorOf('manager'));
    m.requested = true;
    await agree(m, w);
  }
  toString = () => 'request';
}

class Respond implements Cmd {
  constructor(
    readonly who: number,
    readonly action: 'confirm' | 'dispute',
  ) {}
  check = () => true;
  async run(m: Model, w: World) {
    const p = m.people[this.who]!;
    const answer = await w.office.call(w.people[this.who]!.actor, `confirmations.${this.action}`, {
      month: MONTH,
      note: this.action === 'dispute' ? '十月少算了一笔回款' : '',
    });
    const allowed = m.requested && !(p.state === 'confirmed' && !stale(p));
    expect(answer.ok, `${this.toString()} in ${JSON.stringify(m)}`).toBe(allowed);
    if (!answer.ok) expect(answer.error.code).toBe('conflict');
    else {
      p.state = this.action === 'confirm' ? 'confirmed' : 'disputed';
      p.confirmedVersion = p.version;
    }
    await agree(m, w);
  }
  toString = () => `${this.action}(${this.who})`;
}

class Answer implements Cmd {
  constructor(
    readonly who: number,
    readonly adjust: boolean,
  ) {}
  check = () => true;
  async run(m: Model, w: World) {
    const p = m.people[this.who]!;
    const answer = await w.office.call(actorOf('manager'), 'confirmations.answer', {
      month: MONTH,
      staffId: w.people[this.who]!.staffId,
      reply: '已核对,补发差额',
      ...(this.adjust ? { adjustment: { kind: 'bonus', amountFen: 1_234 } } : {}),
    });
    expect(answer.ok, `${this.toString()} in ${JSON.stringify(m)}`).toBe(p.state === 'disputed');
    if (answer.ok) {
      p.state = 'answered';
      if (this.adjust) p.version++;
    }
    await agree(m, w);
  }
  toString = () => `answer(${this.who}, ${this.adjust})`;
}

class ChangeFigures implements Cmd {
  constructor(readonly who: number) {}
  check = () => true;
  async run(m: Model, w: World) {
    await callOk(w.office, 'payments.create', {
      contractId: w.people[this.who]!.contractId,
      paidOn: '2026-10-20',
      amountFen: 1_000,
    });
    m.people[this.who]!.version++;
    await agree(m, w);
  }
  toString = () => `payment(${this.who})`;
}

async function agree(m: Model, w: World): Promise<void> {
  const list = await callOk<MonthConfirmations>(w.office, 'confirmations.list', { month: MONTH });
  expect(list.requestedAt !== null).toBe(m.requested);
  expect(list.rows.map((r) => [r.state, r.stale])).toEqual(m.people.map((p) => [p.state, stale(p)]));
  const check = await callOk<CloseCheck>(w.office, 'months.closeCheck', { month: MONTH });
  const ids = (pick: (p: PersonModel) => boolean) =>
    w.people.filter((_, i) => m.requested && pick(m.people[i]!)).map((p) => p.staffId);
  expect(check.disputed.map((p) => p.staffId)).toEqual(ids((p) => p.state === 'disputed'));
  expect(check.unconfirmed.map((p) => p.staffId)).toEqual(
    ids((p) => p.state !== 'disputed' && (p.state !== 'confirmed' || stale(p))),
  );
}

describe('业绩确认', () => {
  it('follows its model for any sequence of actions, and 月结 warns about exactly those not confirmed', async () => {
    const who = fc.integer({ min: 0, max: 1 });
    const commands = [
      fc.constant(new Request()),
      fc.tuple(who, fc.constantFrom('confirm' as const, 'dispute' as const)).map(([i, a]) => new Respond(i, a)),
      fc.tuple(who, fc.boolean()).map(([i, adjust]) => new Answer(i, adjust)),
      who.map((i) => new ChangeFigures(i)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.commands(commands, { maxCommands: 12 }), async (requestFirst, cmds) => {
        const w = await world();
        try {
          const model: Model = {
            requested: false,
            people: w.people.map(() => ({ state: 'pending' as const, version: 0, confirmedVersion: null })),
          };
          // Half the runs start with the month already put up for confirmation, so the short
          // sequences reach the interesting states.
          if (requestFirst) await new Request().run(model, w);
          await fc.asyncModelRun(() => ({ model, real: w }), cmds);
          // 月结: refused while anyone is not confirmed; a manager may not override; the owner may, logged.
          const open = model.requested && model.people.some((p) => p.state !== 'confirmed' || stale(p));
          const plain = await w.office.call(actorOf('manager'), 'months.close', { month: MONTH });
          expect(plain.ok).toBe(!open);
          if (open) {
            expect(plain.ok ? null : plain.error.code).toBe('conflict');
            const manager = await w.office.call(actorOf('manager'), 'months.close', { month: MONTH, closeAnyway: true });
            expect(manager.ok ? null : manager.error.code).toBe('forbidden');
            await callOk(w.office, 'months.close', { month: MONTH, closeAnyway: true });
            const log = await callOk<{ rows: AuditRow[] }>(w.office, 'audit.list', { entity: 'month' });
            expect(log.rows.find((r) => r.action === 'months.close')!.after).toMatchObject({ closedAnyway: true });
          }
        } finally {
          await w.office.dispose();
        }
      }),
      { numRuns: 30 },
    );
  }, 240_000);

  it('shows the person who confirmed and when on their statement; a dispute answered with an adjustment after the close lands next month', async () => {
    const w = await world();
    try {
      const [zhang, li] = w.people as [Person, Person];
      await callOk(w.office, 'confirmations.request', { month: MONTH });
      await callOk(w.office, 'confirmations.confirm', { month: MONTH, note: '' }, zhang.actor);
      await callOk(w.office, 'confirmations.dispute', { month: MONTH, note: '少算了 10 月 20 日的回款' }, li.actor);
      const mine = await callOk<PersonalStatement>(
        w.office,
        'performance.statement',
        { month: MONTH, staffId: zhang.staffId },
        zhang.actor,
      );
      expect(mine.confirmation).toMatchObject({ state: 'confirmed', stale: false, respondedAt: '2026-10-28T03:00:00.000Z' });
      expect(mine.confirmation!.confirmedFigures!.totalPayFen).toBe(mine.row.pay!.totalPayFen);
      // A salesperson confirms only their own; a clerk sees nothing of it.
      expectRefused(await w.office.call(actorOf('clerk'), 'confirmations.list', { month: MONTH }), 'forbidden');
      const clerkView = await callOk<PersonalStatement>(
        w.office,
        'performance.statement',
        { month: MONTH, staffId: li.staffId },
        actorOf('clerk'),
      );
      expect(clerkView.confirmation).toBeNull();

      await callOk(w.office, 'months.close', { month: MONTH, closeAnyway: true });
      const answered = await callOk<MonthConfirmations>(w.office, 'confirmations.answer', {
        month: MONTH,
        staffId: li.staffId,
        reply: '核实无误,补发 50 元',
        adjustment: { kind: 'bonus', amountFen: 5_000 },
      });
      expect(answered.rows.find((r) => r.staffId === li.staffId)).toMatchObject({
        state: 'answered',
        reply: '核实无误,补发 50 元',
      });
      // October stays as closed; the settlement is in November, marked as for October.
      const oct = await callOk<PersonalStatement>(w.office, 'performance.statement', { month: MONTH, staffId: li.staffId });
      expect(oct.row.pay!.bonusFen).toBe(0);
      const nov = await callOk<PersonalStatement>(w.office, 'performance.statement', { month: '2026-11', staffId: li.staffId });
      expect(nov.payLines).toEqual([expect.objectContaining({ category: '业绩确认调整', amountFen: 5_000, kind: 'bonus' })]);
      // She can now confirm October as it was closed.
      await callOk(w.office, 'confirmations.confirm', { month: MONTH, note: '' }, li.actor);
    } finally {
      await w.office.dispose();
    }
  });
});
