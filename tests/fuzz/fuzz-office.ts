import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { contract } from '../../shared/contract';
import type { Actor, Role } from '../../shared/roles';
import { startHost, type RunningHost } from '../../electron/host/server';
import { openOffice, type Office } from '../../electron/server/office';
import { giveQuickPassword } from '../../electron/server/testing/quick-password';
import { bodyArbitrary } from './schema-arbitrary';

/**
 * A small real office behind the real HTTP host, signed in as each role, for the contract fuzz
 * (tests/integration/contract-fuzz.test.ts, and the ≥ 10,000-call run in tests/reliability).
 * Every call goes through POST /api/{method} — cookie, CSRF token, JSON parsing, the dispatch
 * gate — exactly as a browser's would.
 */

export type Caller = 'anonymous' | Role;
export const CALLERS: readonly Caller[] = ['anonymous', 'owner', 'manager', 'clerk', 'salesperson'];
const CODES: Record<Role, string> = { owner: 'F-OWNER', manager: 'F-MGR', clerk: 'F-CLERK', salesperson: 'F-SALES' };
const PASSWORD = 'Fuzz2026pass';
const CLI: Actor = { staffId: null, code: 'cli', name: '命令行', role: 'owner', via: 'cli' };

type Session = { cookie: string; csrf: string };
export type Failure = { method: string; caller: Caller; status: number; code: string; message: string; body: string };
export type FuzzReport = {
  calls: number;
  seconds: number;
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
  methods: number;
  /** Answers with code `internal`, a 5xx, no envelope, or no answer in time. */
  failures: Failure[];
  /** Sessions the fuzz itself ended (owner resetting a password, 离职…) and signed in again. */
  reSignIns: number;
};

export type FuzzOffice = {
  office: Office;
  host: RunningHost;
  sandbox: string;
  /** Send one raw JSON body as `caller`. */
  post: (method: string, body: string, caller: Caller) => Promise<{ status: number; envelope: Envelope | null }>;
  run: (options: { callsPerMethod: (method: string) => number; seed: number; concurrency?: number }) => Promise<FuzzReport>;
  close: () => Promise<void>;
};
type Envelope = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export async function startFuzzOffice(): Promise<FuzzOffice> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-fuzz-'));
  const sandbox = path.join(dir, 'sandbox');
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(sandbox);
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>门店通</title>');
  const office = openOffice({ dataDir: path.join(dir, 'data') });
  const ids = await seedOffice(office, dir);
  const host = await startHost({ office, rendererDir });
  const url = new URL(host.url);
  // The host rate-limits each address (50/s); the fuzz spreads over loopback addresses as a
  // room full of office PCs would, instead of slowing down or switching the limit off.
  // (Linux answers on all of 127.0.0.0/8; elsewhere only 127.0.0.1 exists, and some calls get 429.)
  const spread = process.platform === 'linux' ? 24 : 1;
  const agents = Array.from({ length: spread }, (_, i) => ({
    agent: new http.Agent({ keepAlive: true, maxSockets: 4 }),
    localAddress: `127.0.0.${i + 1}`,
  }));
  let next = 0;
  const sessions = new Map<Role, Session>();

  /**
   * One call; sent again, once, when a kept-alive socket turned out to be closed by the host just
   * as the call went out (its idle timeout and our reuse crossed: "socket hang up" on a reused
   * socket, before any answer). Node's documentation gives this retry for exactly that race; the
   * host never saw the call, so it is not a second call. Anything else still fails the run.
   */
  async function send(
    method: string,
    body: string,
    session: Session | undefined,
  ): Promise<{ status: number; text: string; cookie: string }> {
    try {
      return await sendOnce(method, body, session);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return sendOnce(method, body, session);
    }
  }

  function sendOnce(
    method: string,
    body: string,
    session: Session | undefined,
  ): Promise<{ status: number; text: string; cookie: string }> {
    // A method naming a folder of the office PC is answered only there (serverPaths): it goes
    // from 127.0.0.1, so its input is fuzzed past the gate; the rest spread over the "room".
    const onThisPc = Boolean((contract as Record<string, { serverPaths?: readonly string[] }>)[method]?.serverPaths);
    const { agent, localAddress } = onThisPc ? agents[0]! : agents[next++ % agents.length]!;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: `/api/${encodeURIComponent(method)}`,
          method: 'POST',
          agent,
          localAddress,
          timeout: 60_000,
          headers: {
            'Content-Type': 'application/json',
            ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              cookie: String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '',
            }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error('no answer in 60 s')));
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error.message) : error),
      );
      req.end(body);
    });
  }

  async function signIn(role: Role): Promise<void> {
    const answer = await send('auth.login', JSON.stringify({ code: CODES[role], password: PASSWORD }), undefined);
    const envelope = JSON.parse(answer.text) as Envelope;
    if (!envelope.ok) throw new Error(`fuzz: ${role} cannot sign in: ${answer.text}`);
    sessions.set(role, { cookie: answer.cookie, csrf: (envelope.value as { csrf: string }).csrf });
  }

  /** Put a fuzz caller back as it was (the owner's fuzz calls may demote, 离职 or re-password them). */
  async function heal(role: Role): Promise<void> {
    const id = ids.get(role)!;
    office.sqlite
      .prepare(`UPDATE staff SET role = ?, status = 'active', left_on = NULL, code = ? WHERE id = ?`)
      .run(role, CODES[role], id);
    office.sqlite.prepare('DELETE FROM login_failures WHERE code = ?').run(CODES[role]);
    giveQuickPassword(office, id, PASSWORD);
    await signIn(role);
  }

  /** True when the caller's session still stands for the same person in the same role. */
  function intact(role: Role): boolean {
    const row = office.sqlite.prepare('SELECT role, status, code FROM staff WHERE id = ?').get(ids.get(role)!) as
      { role: string; status: string; code: string } | undefined;
    return row?.role === role && row.status !== 'left' && row.code === CODES[role];
  }

  for (const role of Object.keys(CODES) as Role[]) await signIn(role);

  const post: FuzzOffice['post'] = async (method, body, caller) => {
    const answer = await send(method, body, caller === 'anonymous' ? undefined : sessions.get(caller));
    try {
      return { status: answer.status, envelope: JSON.parse(answer.text) as Envelope };
    } catch {
      return { status: answer.status, envelope: null };
    }
  };

  const run: FuzzOffice['run'] = async ({ callsPerMethod, seed, concurrency = 4 }) => {
    const started = Date.now();
    const plan: { method: string; body: string; caller: Caller }[] = [];
    const methods = Object.keys(contract) as (keyof typeof contract)[];
    for (const [index, method] of methods.entries()) {
      const n = callsPerMethod(method);
      if (n <= 0) continue;
      const bodies = fc.sample(bodyArbitrary(contract[method].input, { sandbox, idsUpTo: 40 }), {
        numRuns: n,
        seed: seed + index,
      });
      const callers = fc.sample(fc.constantFrom(...CALLERS), { numRuns: n, seed: seed - index });
      bodies.forEach((body, i) => plan.push({ method, body, caller: callers[i]! }));
    }
    // Methods interleave (a seeded shuffle), so one call meets the state another left behind.
    const order = fc.sample(fc.shuffledSubarray(plan, { minLength: plan.length, maxLength: plan.length }), {
      numRuns: 1,
      seed,
    })[0]!;
    const report: FuzzReport = { calls: 0, seconds: 0, byStatus: {}, byCode: {}, methods: 0, failures: [], reSignIns: 0 };
    report.methods = new Set(order.map((c) => c.method)).size;
    let cursor = 0;
    let healing: Promise<void> = Promise.resolve();
    const worker = async (): Promise<void> => {
      while (cursor < order.length) {
        const call = order[cursor++]!;
        await healing;
        let status = 0;
        let envelope: Envelope | null = null;
        try {
          ({ status, envelope } = await post(call.method, call.body, call.caller));
        } catch (error) {
          report.failures.push({
            ...call,
            status: 0,
            code: 'no answer',
            message: (error as Error).message,
            body: call.body.slice(0, 300),
          });
        }
        report.calls++;
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        const code = envelope ? (envelope.ok ? 'ok' : (envelope.error?.code ?? '?')) : 'no envelope';
        report.byCode[code] = (report.byCode[code] ?? 0) + 1;
        if (status >= 500 || code === 'internal' || (status !== 0 && !envelope))
          report.failures.push({
            method: call.method,
            caller: call.caller,
            status,
            code,
            message: envelope?.error?.message ?? '',
            body: call.body.slice(0, 300),
          });
        if (report.calls % 20 === 0 || call.method.startsWith('auth.') || call.method.startsWith('staff.'))
          healing = healing.then(async () => {
            for (const role of Object.keys(CODES) as Role[]) {
              const session = sessions.get(role)!;
              const me = intact(role) ? await send('auth.me', '{}', session) : null;
              const still = me && (JSON.parse(me.text) as Envelope).value !== null;
              if (!still) {
                await heal(role);
                report.reSignIns++;
              }
            }
          });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await healing;
    report.seconds = (Date.now() - started) / 1000;
    return report;
  };

  return {
    office,
    host,
    sandbox,
    post,
    run,
    close: async () => {
      for (const { agent } of agents) agent.destroy();
      await host.close();
      await office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The office the fuzz works on: four callers, a few clients, contracts, payments, documents, plans, a closed month. */
async function seedOffice(office: Office, dir: string): Promise<Map<Role, number>> {
  const call = async <T>(method: string, input: unknown, actor: Actor = CLI): Promise<T> => {
    const answer = await office.call(actor, method, input);
    if (!answer.ok) throw new Error(`fuzz seed ${method}: ${answer.error.message}`);
    return answer.value as T;
  };
  await call('settings.completeSetup', { officeName: '模糊测试店', owner: { code: CODES.owner, name: '店长' } });
  const ids = new Map<Role, number>();
  ids.set('owner', office.sqlite.prepare('SELECT id FROM staff WHERE code = ?').pluck().get(CODES.owner) as number);
  for (const role of ['manager', 'clerk', 'salesperson'] as Role[])
    ids.set(
      role,
      (
        await call<{ id: number }>('staff.create', {
          code: CODES[role],
          name: role,
          role,
          hiredOn: '2025-01-01',
          baseSalaryFen: 300_000,
        })
      ).id,
    );
  await call('staff.create', {
    code: 'F-S2',
    name: '二号业务员',
    role: 'salesperson',
    hiredOn: '2025-01-01',
    baseSalaryFen: 300_000,
  });
  for (const id of ids.values()) giveQuickPassword(office, id, PASSWORD);
  const plan = { floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };
  for (const month of ['2026-01', '2026-02', '2026-03']) await call('plans.set', { month, staffId: null, plan });
  for (let i = 0; i < 6; i++) {
    const owner = i % 2 === 0 ? ids.get('salesperson')! : ids.get('owner')!;
    const client = await call<{ id: number }>('clients.create', {
      name: `模糊客户${i}`,
      ownerStaffId: owner,
      phones: [`1390000000${i}`],
    });
    const k = await call<{ id: number }>('contracts.create', {
      clientId: client.id,
      staffId: owner,
      amountFen: 360_00,
      signedOn: `2026-0${1 + (i % 3)}-1${i}`,
      startsOn: `2026-0${1 + (i % 3)}-1${i}`,
      endsOn: i === 5 ? '2100-12-31' : `2027-0${1 + (i % 3)}-0${1 + i}`,
      status: 'signed',
    });
    await call('payments.create', { contractId: k.id, paidOn: `2026-0${1 + (i % 3)}-2${i}`, amountFen: 100_00 });
    await call('followups.create', {
      clientId: client.id,
      happenedOn: '2026-03-01',
      way: 'phone',
      content: '回访',
      nextOn: '2026-03-10',
    });
    const file = path.join(dir, `doc${i}.txt`);
    fs.writeFileSync(file, `合同 ${i} 的扫描件`);
    await call('archive.fileLocal', {
      sourcePath: file,
      fields: { kindId: null, clientId: client.id, contractId: k.id, docDate: '2026-03-01' },
    });
  }
  await call('months.close', { month: '2026-01' });
  return ids;
}

/** A call that went out on a kept-alive socket the host had just closed (see `send`). */
class StaleSocketError extends Error {}
