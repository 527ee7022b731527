import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { ROLES } from '../../shared/roles';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';

let office: TestOffice;
let clientId = 0;
let contractId = 0;
let staffId = 0;

beforeAll(async () => {
  office = createTestOffice({ now: () => new Date('2026-04-10T03:00:00Z') });
  const seller = await staffActor(office, 'S001', '张伟');
  staffId = seller.staff.id;
  clientId = (await callOk<{ id: number }>(office, 'clients.create', { name: '角色测试超市', ownerStaffId: staffId })).id;
  contractId = (
    await callOk<{ id: number }>(office, 'contracts.create', {
      clientId,
      staffId,
      amountFen: 500_000,
      signedOn: '2026-03-02',
      status: 'signed',
    })
  ).id;
  await callOk(office, 'payments.create', { contractId, paidOn: '2026-03-05', amountFen: 500_000 });
  await callOk(office, 'plans.set', {
    month: '2026-03',
    staffId: null,
    plan: { floorFen: 100, targetFen: 200, rateBp: 500, multiplierPct: 200, leaveReason: null },
  });
  await callOk(office, 'months.close', { month: '2026-03' });
});
afterAll(() => office.dispose());

/** Inputs that reach real data for the read methods that need one. */
const INPUTS: Record<string, () => unknown> = {
  'performance.sheet': () => ({ month: '2026-03' }),
  'performance.statement': () => ({ month: '2026-03', staffId }),
  'performance.export': () => ({ month: '2026-03', format: 'csv' }),
  'plans.get': () => ({ month: '2026-03' }),
  'staff.get': () => ({ id: staffId }),
  'clients.get': () => ({ id: clientId }),
  'contracts.get': () => ({ id: contractId }),
  'archive.previewTemplate': () => ({ template: '{标题}.{ext}' }),
  'archive.get': () => ({ id: 1 }),
  'follow-ups.list': () => ({ clientId }),
  'schedules.get': () => ({ contractId }),
  'receivables.byStaff': () => ({ month: '2026-03' }),
  'receivables.agingExport': () => ({ format: 'csv' }),
};

const PAY_KEYS =
  /"(baseSalaryFen|base_salary_fen|commission\w*Fen|totalPayFen|allowancesFen|rateBp|multiplierPct)"|底薪|提成|应发/;

describe('roles are enforced in dispatch for every method', () => {
  it('refuses every role a method does not list', async () => {
    let refusals = 0;
    for (const [name, def] of Object.entries(contract)) {
      if (def.roles === 'public') continue;
      for (const role of ROLES.filter((r) => !(def.roles as readonly string[]).includes(r))) {
        const answer = await office.call(actorOf(role), name, {});
        expect(answer.ok, `${name} as ${role}`).toBe(false);
        if (!answer.ok) expect(answer.error.code, `${name} as ${role}`).toBe('forbidden');
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(50);
  });

  it('lets in every declared role, and asks for sign-in when there is no session', async () => {
    // An input no method accepts: the call passes the role gate, then stops at validation, so
    // nothing is written while we learn which gate answered.
    const NOT_AN_INPUT = 7;
    let cases = 0;
    for (const [name, def] of Object.entries(contract)) {
      expect(def.input.safeParse(NOT_AN_INPUT).success, `${name} must refuse a bare number`).toBe(false);
      const anonymous = await office.call(null, name, NOT_AN_INPUT);
      const expected = def.roles === 'public' ? 'invalid_input' : 'unauthenticated';
      expect(anonymous.ok ? 'ok' : anonymous.error.code, `${name} without a session`).toBe(expected);
      cases++;
      if (def.roles === 'public') continue;
      for (const role of def.roles) {
        const answer = await office.call(actorOf(role), name, NOT_AN_INPUT);
        expect(answer.ok ? 'ok' : answer.error.code, `${name} as ${role}`).toBe('invalid_input');
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(100);
  });

  it('no read method a clerk may call returns salary or commission figures', async () => {
    const clerk = (await staffActor(office, 'C001', '文员', 'clerk')).actor;
    let answered = 0;
    for (const [name, def] of Object.entries(contract)) {
      if (def.kind !== 'read') continue;
      if (def.roles !== 'public' && !(def.roles as readonly string[]).includes('clerk')) continue;
      const answer = await office.call(clerk, name, INPUTS[name]?.() ?? {});
      if (!answer.ok) continue;
      answered++;
      let text = JSON.stringify(answer.value);
      const file = (answer.value as { dataBase64?: string } | null)?.dataBase64;
      if (file) text += Buffer.from(file, 'base64').toString('utf8');
      expect(text, name).not.toMatch(PAY_KEYS);
    }
    expect(answered).toBeGreaterThan(20);
  });
});
