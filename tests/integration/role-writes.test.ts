import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract';
import type { Actor, Role } from '../../shared/roles';
import { openOffice, type Office } from '../../electron/server/office';
import { giveQuickPassword } from '../../electron/server/testing/quick-password';
import { OFFICE_BUT_NAMES_A_PERSON, PERSON_FIELDS, WRITE_DECLARATIONS, type Fixture, type Who } from './role-writes.targets';

/**
 * The role-WRITE matrix (issue 14, "must hold"): every write method × every role × the caller's
 * own record, another salesperson's, clerk's, manager's and an owner's. Each case runs on a fresh
 * copy of one small office; the verdict comes from the database, not from the answer: a call the
 * rules refuse must change nothing at all (an "escalation" otherwise), a call they allow must
 * succeed and change something ("over-blocked" otherwise). The rules are declared in
 * role-writes.targets.ts; a write method not declared there fails this test.
 */

const NOW = () => new Date('2026-04-10T03:00:00Z');
const CLI: Actor = { staffId: null, code: 'cli', name: '命令行', role: 'owner', via: 'cli' };
const PEOPLE = {
  O1: ['B001', 'owner'],
  O2: ['B002', 'owner'],
  M1: ['M001', 'manager'],
  M2: ['M002', 'manager'],
  C1: ['C001', 'clerk'],
  C2: ['C002', 'clerk'],
  S1: ['S001', 'salesperson'],
  S2: ['S002', 'salesperson'],
} as const satisfies Record<string, readonly [string, Role]>;
type Key = keyof typeof PEOPLE;
/** One caller per role; each acts on themself and on the second person of every role. */
const CALLERS: Key[] = ['O1', 'M1', 'C1', 'S1'];
const TARGETS: { key: Key | 'self'; label: string }[] = [
  { key: 'self', label: 'own' },
  { key: 'S2', label: "another salesperson's" },
  { key: 'C2', label: "another clerk's" },
  { key: 'M2', label: "another manager's" },
  { key: 'O2', label: "an owner's" },
];

type Base = Omit<Who, 'self'>;
let dir = '';
let pristine = '';
let office: Office;
const people = {} as Record<Key, Base>;

const who = (key: Key, caller: Key): Who => ({ ...people[key], self: key === caller });
const actorOf = (key: Key): Actor => ({
  staffId: people[key].id,
  code: people[key].code,
  name: people[key].code,
  role: people[key].role,
  via: 'test',
});
const fixture: Fixture = {
  openMonth: '2026-04',
  caseMonth: '2026-02',
  today: '2026-04-10',
  bystander: (a, b) =>
    (['C2', 'S2', 'C1', 'S1', 'O2', 'O1'] as Key[]).map((k) => people[k]).find((p) => p.id !== a.id && p.id !== b.id)! as Who,
};

async function ok<T>(method: string, input: unknown, actor: Actor = CLI): Promise<T> {
  const answer = await office.call(actor, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** Eight people; each owns a client with a signed contract, a payment and an open follow-up; everyone is 待辞退 in February. */
async function buildOffice(): Promise<void> {
  for (const [key, [code, role]] of Object.entries(PEOPLE) as [Key, readonly [string, Role]][]) {
    const staff = await ok<{ id: number }>('staff.create', {
      code,
      name: code,
      role,
      hiredOn: '2025-01-01',
      baseSalaryFen: 300_000,
    });
    const password = `${code}pass2026`;
    giveQuickPassword(office, staff.id, password);
    people[key] = { id: staff.id, code, role, password, clientId: 0, contractId: 0, paymentId: 0, followUpId: 0 };
  }
  for (const key of Object.keys(PEOPLE) as Key[]) {
    const p = people[key];
    p.clientId = (await ok<{ id: number }>('clients.create', { name: `${p.code}的客户`, ownerStaffId: p.id })).id;
    p.contractId = (
      await ok<{ id: number }>('contracts.create', {
        clientId: p.clientId,
        staffId: p.id,
        amountFen: 1_000_000,
        signedOn: '2026-03-02',
        startsOn: '2026-03-02',
        endsOn: '2027-03-01',
        status: 'signed',
      })
    ).id;
    p.paymentId = (
      await ok<{ id: number }>('payments.create', { contractId: p.contractId, paidOn: '2026-03-05', amountFen: 100_000 })
    ).id;
    p.followUpId = (
      await ok<{ id: number }>(
        'followups.create',
        {
          clientId: p.clientId,
          happenedOn: '2026-04-01',
          way: 'phone',
          content: '回访',
          nextStep: '再联系',
          nextOn: '2026-04-20',
        },
        actorOf(key),
      )
    ).id;
  }
  const plan = { floorFen: 100, targetFen: 200, rateBp: 500, multiplierPct: 200, leaveReason: null };
  for (const month of ['2026-01', '2026-02']) {
    await ok('plans.set', { month, staffId: null, plan });
    for (const key of ['O1', 'O2', 'M1', 'M2', 'C1', 'C2'] as Key[])
      await ok('plans.set', { month, staffId: people[key].id, plan });
    await ok('months.close', { month });
  }
  const cases = await ok<unknown[]>('dismissals.list', {});
  expect(cases).toHaveLength(8);
}

async function freshCopy(): Promise<void> {
  await office.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dir, `office.db${suffix}`), { force: true });
  fs.copyFileSync(pristine, path.join(dir, 'office.db'));
  office = openOffice({ dataDir: dir, now: NOW });
}

/** Everything in the database but the audit log, which may note a refusal. */
function digest(): string {
  const hash = createHash('sha256');
  const tables = office.sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'audit_log' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\n#${table}\n`);
    for (const row of office.sqlite.prepare(`SELECT * FROM "${table}"`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

type Case = {
  method: string;
  variant: string;
  caller: Key;
  target: string;
  allowed: boolean;
  input: unknown;
  prepare?: () => void;
  noOp?: boolean;
};
const exec = (sql: string, ...params: unknown[]): void => void office.sqlite.prepare(sql).run(...params);

function casesOf(method: string): Case[] {
  const def = contract[method as keyof typeof contract];
  const decl = WRITE_DECLARATIONS[method]!;
  const gate = (role: Role): boolean => def.roles !== 'public' && (def.roles as readonly string[]).includes(role);
  const out: Case[] = [];
  for (const caller of CALLERS) {
    const me = who(caller, caller);
    const role = people[caller].role;
    if (decl.acts === 'office') {
      if (def.roles !== 'public' && !gate(role))
        out.push({ method, variant: '-', caller, target: '-', allowed: false, input: {} });
      continue;
    }
    if (decl.acts === 'self') {
      out.push({
        method,
        variant: 'self',
        caller,
        target: 'own',
        allowed: gate(role),
        input: decl.input(me, fixture),
        ...(decl.prepare ? { prepare: () => decl.prepare!(exec, me, fixture) } : {}),
      });
      continue;
    }
    if (decl.acts === 'role') {
      for (const v of decl.variants)
        for (const grantee of ['owner', 'manager', 'clerk', 'salesperson'] as Role[])
          out.push({
            method,
            variant: v.label,
            caller,
            target: `role ${grantee}`,
            allowed: gate(role) && v.rule(me, grantee),
            input: v.input(grantee, fixture),
            ...(v.prepare ? { prepare: () => v.prepare!(exec, grantee, fixture) } : {}),
          });
      continue;
    }
    for (const v of decl.variants)
      for (const t of TARGETS) {
        const target = who(t.key === 'self' ? caller : t.key, caller);
        out.push({
          method,
          variant: v.label,
          caller,
          target: t.label,
          allowed: gate(role) && v.rule(me, target),
          input: v.input(target, fixture, me),
          noOp: v.noOp?.(target) ?? false,
          ...(v.prepare ? { prepare: () => v.prepare!(exec, target, fixture) } : {}),
        });
      }
  }
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-role-writes-'));
  office = openOffice({ dataDir: dir, now: NOW });
  await ok('settings.completeSetup', { officeName: '矩阵测试店' });
  await buildOffice();
  await office.close();
  pristine = path.join(dir, 'pristine.db');
  fs.copyFileSync(path.join(dir, 'office.db'), pristine);
  office = openOffice({ dataDir: dir, now: NOW });
}, 120_000);
afterAll(async () => {
  await office.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('role-write matrix', () => {
  it('every write method says how it acts on people', () => {
    const writes = Object.entries(contract).filter(([, def]) => def.kind === 'write');
    const undeclared = writes.map(([name]) => name).filter((name) => !WRITE_DECLARATIONS[name]);
    expect(undeclared, 'declare these in tests/integration/role-writes.targets.ts').toEqual([]);
    const stale = Object.keys(WRITE_DECLARATIONS).filter((name) => !writes.some(([n]) => n === name));
    expect(stale, 'declared but not (or no longer) write methods').toEqual([]);
    // A method whose input names a person or a role cannot call itself 'office' without a reason here.
    const namesSomeone = writes
      .filter(([name]) => WRITE_DECLARATIONS[name]?.acts === 'office')
      .filter(([, def]) =>
        JSON.stringify(z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' })).match(fieldPattern()),
      )
      .map(([name]) => name)
      .filter((name) => !OFFICE_BUT_NAMES_A_PERSON[name]);
    expect(namesSomeone, "these take a person or a role: declare them 'person', 'role' or 'owned-record'").toEqual([]);
  });

  it('0 escalations: whatever the rules refuse changes nothing; whatever they allow goes through', async () => {
    const escalations: string[] = [];
    const overBlocked: string[] = [];
    let dirty = false;
    let allowed = 0;
    let refused = 0;
    const cases = Object.keys(WRITE_DECLARATIONS).flatMap(casesOf);
    for (const c of cases) {
      if (dirty) await freshCopy();
      dirty = false;
      if (c.prepare) {
        c.prepare();
        dirty = true;
      }
      const before = digest();
      const answer = await office.call(actorOf(c.caller), c.method, c.input);
      const changed = digest() !== before;
      if (changed) dirty = true;
      const label = `${c.method} [${c.variant}] by ${people[c.caller].role} on ${c.target}: ${answer.ok ? 'ok' : `${answer.error.code} ${answer.error.message}`}`;
      if (c.allowed) {
        allowed++;
        if (!answer.ok || (!changed && !c.noOp)) overBlocked.push(label);
      } else {
        refused++;
        if (changed) escalations.push(label);
      }
    }
    console.log(
      `[role-writes] ${Object.keys(WRITE_DECLARATIONS).length} write methods × ${CALLERS.length} roles: ${cases.length} cases, ` +
        `${allowed} allowed, ${refused} refused; ${escalations.length} escalations, ${overBlocked.length} over-blocked`,
    );
    expect(escalations).toEqual([]);
    expect(overBlocked).toEqual([]);
    expect(cases.length).toBeGreaterThan(500);
  }, 600_000);
});

function fieldPattern(): RegExp {
  return new RegExp(`"(${PERSON_FIELDS.source.slice(2, -2)})":`);
}
