import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileAnswer } from '../../shared/contract/method';
import { contract } from '../../shared/contract';
import { ROLES } from '../../shared/roles';
import { actorOf, callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';

let office: TestOffice;
let clientId = 0;
let contractId = 0;
let staffId = 0;
let documentId = 0;
let secondClientId = 0;
let backupFolder = '';
let oldFolder = '';

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
  const scan = path.join(office.dir, '合同扫描.txt');
  fs.writeFileSync(scan, '角色测试超市 协议合同');
  documentId = (
    await callOk<{ document: { id: number } }>(office, 'archive.fileLocal', { sourcePath: scan, fields: { clientId, contractId } })
  ).document.id;
  secondClientId = (await callOk<{ id: number }>(office, 'clients.create', { name: '角色测试超市二店', ownerStaffId: staffId })).id;
  backupFolder = (await callOk<{ folder: string }>(office, 'backup.run', { dir: path.join(office.dir, '备份') })).folder;
  // 旧文件夹收编 takes a folder outside the office's own data folder.
  oldFolder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-old-')), '角色测试超市');
  fs.mkdirSync(oldFolder, { recursive: true });
  fs.writeFileSync(path.join(oldFolder, '营业执照.txt'), '营业执照');
});
afterAll(async () => {
  await office.dispose();
  fs.rmSync(path.dirname(oldFolder), { recursive: true, force: true });
});

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
  'archive.get': () => ({ id: documentId }),
  'archive.text': () => ({ id: documentId }),
  'archive.download': () => ({ id: documentId }),
  'followups.list': () => ({ clientId }),
  'clients.ownerHistory': () => ({ clientId }),
  'clients.export': () => ({ format: 'csv' }),
  'contracts.export': () => ({ format: 'csv' }),
  // No import runs in this office: the answer is "no such job" (null), not an error.
  'imports.progress': () => ({ jobId: 'no-such-job-0001' }),
  'imports.template': () => ({ kind: 'contracts' }),
  'staff.history': () => ({ id: staffId }),
  'audit.export': () => ({ format: 'csv' }),
  'intake.preview': () => ({ root: path.dirname(oldFolder) }),
  'backup.check': () => ({ folder: backupFolder }),
  'merge.preview': () => ({ keepId: clientId, mergeIds: [secondClientId] }),
  'shares.get': () => ({ contractId }),
  'payitems.list': () => ({ month: '2026-03' }),
  'confirmations.list': () => ({ month: '2026-03' }),
  'months.closeCheck': () => ({ month: '2026-03' }),
  'standing.get': () => ({ staffId }),
  'leaderboard.get': () => ({ period: 'year', asOf: '2026-04-10' }),
  'schedules.get': () => ({ contractId }),
  'receivables.byStaff': () => ({ month: '2026-03' }),
  'receivables.agingExport': () => ({ format: 'csv' }),
};

const PAY_KEYS =
  /"(baseSalaryFen|base_salary_fen|commission\w*Fen|totalPayFen|allowancesFen|rateBp|multiplierPct|bonusFen|deductionFen|ratePpm|fixedPayFen|confirmedFigures)"|底薪|提成|应发|奖金|扣款/;

/**
 * Issue 19's methods, role by role (✓ allowed). Written out so a change of who may do what is
 * a deliberate edit here, not a slip in the contract.
 */
const ISSUE_19_MATRIX: Record<string, readonly string[]> = {
  'shares.get': ['owner', 'manager', 'clerk', 'salesperson'],
  'shares.set': ['owner', 'manager'],
  'plans.setTiers': ['owner', 'manager'],
  'payitems.list': ['owner', 'manager'],
  'payitems.create': ['owner', 'manager'],
  'payitems.stop': ['owner', 'manager'],
  'payitems.delete': ['owner', 'manager'],
  'bonusrules.list': ['owner', 'manager'],
  'bonusrules.create': ['owner', 'manager'],
  'bonusrules.stop': ['owner', 'manager'],
  'bonusrules.delete': ['owner', 'manager'],
  'confirmations.request': ['owner', 'manager'],
  'confirmations.list': ['owner', 'manager'],
  'confirmations.confirm': ['salesperson'],
  'confirmations.dispute': ['salesperson'],
  'confirmations.answer': ['owner', 'manager'],
  'months.closeCheck': ['owner', 'manager'],
  'standing.get': ['owner', 'manager', 'salesperson'],
  'leaderboard.get': ['owner', 'manager', 'clerk', 'salesperson'],
  'leaderboard.setHidden': ['owner'],
};

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

  it('declares issue 19’s methods exactly as the matrix says, and dispatch enforces it', async () => {
    for (const [name, allowed] of Object.entries(ISSUE_19_MATRIX)) {
      const def = contract[name as keyof typeof contract];
      expect(def, name).toBeDefined();
      expect([...(def.roles as readonly string[])].sort(), name).toEqual([...allowed].sort());
      for (const role of ROLES) {
        const answer = await office.call(actorOf(role), name, INPUTS[name]?.() ?? {});
        // Refused at the gate (not by a service's own scoping, e.g. a salesperson asking for another person).
        const refused =
          !answer.ok && answer.error.code === 'forbidden' && (answer.error.details as { method?: string })?.method === name;
        expect(refused, `${name} as ${role}`).toBe(!allowed.includes(role));
      }
    }
  });

  it('names only real methods in its inputs', () => {
    const unknown = Object.keys(INPUTS).filter((name) => !Object.prototype.hasOwnProperty.call(contract, name));
    expect(unknown, 'misspelled or removed method names in INPUTS').toEqual([]);
  });

  it('no read method a clerk may call returns salary or commission figures', async () => {
    const clerk = (await staffActor(office, 'C001', '文员', 'clerk')).actor;
    const reads = Object.entries(contract).filter(
      ([, def]) => def.kind === 'read' && (def.roles === 'public' || (def.roles as readonly string[]).includes('clerk')),
    );
    const failed: string[] = [];
    for (const [name, def] of reads) {
      // Every one answers with real data: a method that errors here is a gap in INPUTS, not a pass.
      const answer = await office.call(clerk, name, INPUTS[name]?.() ?? {}, def.download ? { takesFile: true } : {});
      if (!answer.ok) {
        failed.push(`${name}: ${answer.error.code} ${answer.error.messageEn}`);
        continue;
      }
      let text = JSON.stringify(answer.value);
      const file = (answer.value as { dataBase64?: string } | null)?.dataBase64;
      if (file) text += Buffer.from(file, 'base64').toString('utf8');
      if (def.download) text += fs.readFileSync((answer.value as FileAnswer).path, 'utf8');
      expect(text, name).not.toMatch(PAY_KEYS);
    }
    expect(failed, 'give these a valid input in INPUTS').toEqual([]);
    expect(reads.length).toBeGreaterThan(20);
  });

  it('every read method answers, with valid input, the first role it lists', async () => {
    const failed: string[] = [];
    const reads = Object.entries(contract).filter(([, def]) => def.kind === 'read');
    for (const [name, def] of reads) {
      const actor = def.roles === 'public' ? actorOf('owner') : actorOf(def.roles[0]!);
      const answer = await office.call(actor, name, INPUTS[name]?.() ?? {}, def.download ? { takesFile: true } : {});
      if (!answer.ok) failed.push(`${name}: ${answer.error.code} ${answer.error.messageEn}`);
    }
    expect(failed, 'give these a valid input in INPUTS').toEqual([]);
  });
});
