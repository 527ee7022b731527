import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOffice } from '../../electron/server/office';
import { owner } from '../../electron/server/testing/test-office';
import type { AuditReport } from '../../shared/contract/archive';
import { uploadPath } from '../../shared/http-routes';

/**
 * Issue 14 "must hold": three browser clients keep writing (clients, contracts, payments,
 * archive uploads) to a real `office serve` while CLI commands run beside it, for 60 s
 * (CONCURRENCY_SECONDS to shorten a local run). Afterwards every write that was answered ok is
 * in the database, every uploaded file is in the archive with its hash, no request got a 5xx,
 * no upload failed; CLI reads succeed and CLI writes are refused with the lock's message.
 * Sized for two shared cores: the clients pause 20 ms between rounds.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-concurrency-'));
const dataDir = path.join(work, 'data');
let host: ChildProcess | null = null;
afterAll(() => {
  host?.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
});

const SECONDS = Number(process.env.CONCURRENCY_SECONDS ?? 60);
const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

type Answer = { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; messageEn: string } } };

/**
 * Three clients on one address at machine speed go past the host's per-address rate limit
 * (50/s, bursts of 300) on a fast machine. A 429 is a clean refusal that writes nothing; these
 * clients do what its Retry-After asks, as a polite client would, and the waits are counted.
 */
const throttled = { count: 0 };
async function politely(send: () => Promise<Response>): Promise<Answer> {
  for (;;) {
    const res = await send();
    const body = (await res.json()) as Answer['body'];
    if (res.status !== 429) return { status: res.status, body };
    throttled.count++;
    await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000));
  }
}

async function callApi(base: string, method: string, input: unknown): Promise<Answer> {
  return politely(() =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }),
  );
}

/** Upload one file to the archive the way the browser does: archive.upload through the gate. */
async function uploadArchive(
  base: string,
  file: { name: string; bytes: Buffer },
  fields: { kindId: number; clientId: number; contractId?: number },
): Promise<Answer> {
  return politely(() =>
    fetch(`${base}${uploadPath('archive.upload', { name: file.name, fields, onDuplicate: 'keep' })}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(file.bytes),
    }),
  );
}

function startHost(): Promise<string> {
  host = spawn(process.execPath, [path.join(root, 'bin/office.mjs'), '--data', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    host!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /http:\/\/[\d.]+:\d+/.exec(out)?.[0];
      if (url) resolve(url);
    });
    host!.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    host!.on('exit', (code) => reject(new Error(`office serve exited ${code}: ${out}`)));
  });
}

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/office.mjs'), '--data', dataDir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

type Written = {
  clients: Map<number, string>;
  contracts: Set<number>;
  payments: Map<number, number>;
  files: Map<number, string>;
};

describe('concurrency', () => {
  it(
    `3 HTTP clients writing and CLI commands for ${SECONDS} s: 0 lost writes, 0 5xx, 0 failed uploads`,
    async () => {
      const base = await startHost();
      const setup = await callApi(base, 'settings.completeSetup', { officeName: '并发测试门店' });
      expect(setup.body.ok, JSON.stringify(setup.body)).toBe(true);
      const seller = await callApi(base, 'staff.create', {
        code: 'C001',
        name: '并发业务员',
        role: 'salesperson',
        hiredOn: '2026-01-05',
        baseSalaryFen: 300_000,
      });
      const sellerId = (seller.body.value as { id: number }).id;
      const kinds = (await callApi(base, 'archive.kinds', {})).body.value as { id: number; path: string }[];
      const kindId = kinds.find((k) => k.path === '协议合同/建站合同')!.id;

      const written: Written = { clients: new Map(), contracts: new Set(), payments: new Map(), files: new Map() };
      const failures: string[] = [];
      let requests = 0;
      const deadline = Date.now() + SECONDS * 1000;
      const check = (what: string, a: Answer): boolean => {
        requests++;
        if (a.status >= 500 || !a.body.ok) failures.push(`${what}: ${a.status} ${a.body.error?.code} ${a.body.error?.messageEn}`);
        return a.body.ok;
      };

      const browser = async (n: number): Promise<void> => {
        for (let round = 0; Date.now() < deadline; round++) {
          const name = `并发客户${n}-${round}号有限公司`;
          const client = await callApi(base, 'clients.create', {
            name,
            phones: [`13${n}${String(round).padStart(8, '0')}`],
            ownerStaffId: sellerId,
          });
          if (!check('clients.create', client)) continue;
          const clientId = (client.body.value as { id: number }).id;
          written.clients.set(clientId, name);
          const contract = await callApi(base, 'contracts.create', {
            clientId,
            staffId: sellerId,
            amountFen: 500_000,
            signedOn: '2026-11-02',
            status: 'signed',
          });
          if (!check('contracts.create', contract)) continue;
          const contractId = (contract.body.value as { id: number }).id;
          written.contracts.add(contractId);
          const payment = await callApi(base, 'payments.create', { contractId, paidOn: '2026-11-03', amountFen: 100_000 + n });
          if (check('payments.create', payment)) written.payments.set((payment.body.value as { id: number }).id, 100_000 + n);
          const bytes = randomBytes(20_000 + ((round * 7919 + n * 104_729) % 180_000));
          const upload = await uploadArchive(
            base,
            { name: `合同扫描${n}-${round}.pdf`, bytes },
            { kindId, clientId, contractId },
          );
          if (check('upload', upload))
            written.files.set((upload.body.value as { document: { id: number } }).document.id, sha(bytes));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };

      const cliRuns = { reads: 0, refusedWrites: 0, problems: [] as string[] };
      const commandLine = async (): Promise<void> => {
        const reads = [
          ['staff', 'list', '--json'],
          ['renewals', '--within', '30', '--json'],
          ['archive', 'search', '合同扫描', '--json'],
          ['sheet', '2026-11', '--format', 'json'],
        ];
        // At least one read and one write even when the machine is slow to start a process.
        for (let i = 0; i < 2 || Date.now() < deadline; i++) {
          if (i % 3 === 1) {
            const write = await cli(
              'staff',
              'add',
              '--code',
              `X${i}`,
              '--name',
              '命令行',
              '--hired-on',
              '2026-01-05',
              '--salary',
              '3000',
            );
            if (write.code === 1 && write.stderr.includes('命令行在它运行时只能查看')) cliRuns.refusedWrites++;
            else cliRuns.problems.push(`write ${write.code}: ${write.stderr}`);
          } else {
            const read = await cli(...reads[i % reads.length]!);
            if (read.code === 0) cliRuns.reads++;
            else cliRuns.problems.push(`${reads[i % reads.length]!.join(' ')} ${read.code}: ${read.stderr}`);
          }
        }
      };

      await Promise.all([browser(1), browser(2), browser(3), commandLine()]);
      host!.kill('SIGTERM');
      await new Promise((resolve) => host!.once('exit', resolve));
      host = null;
      console.log(
        `concurrency: ${SECONDS} s, ${requests} HTTP requests (${written.clients.size} clients, ${written.contracts.size} contracts, ` +
          `${written.payments.size} payments, ${written.files.size} uploads), ${cliRuns.reads} CLI reads, ` +
          `${cliRuns.refusedWrites} CLI writes refused, ${throttled.count} waits on 429; failures: ${failures.length}`,
      );
      expect(failures).toEqual([]);
      expect(cliRuns.problems).toEqual([]);
      expect(written.files.size).toBeGreaterThan(10);
      expect(cliRuns.reads).toBeGreaterThan(0);
      expect(cliRuns.refusedWrites).toBeGreaterThan(0);

      // Nothing answered ok is lost, nothing half-written is left.
      const office = openOffice({ dataDir });
      try {
        const db = office.sqlite;
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        for (const [id, name] of written.clients)
          expect(db.prepare('SELECT name FROM clients WHERE id = ?').pluck().get(id)).toBe(name);
        expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(written.clients.size);
        expect(db.prepare('SELECT count(*) FROM contracts').pluck().get()).toBe(written.contracts.size);
        for (const [id, amount] of written.payments)
          expect(db.prepare('SELECT amount_fen FROM payments WHERE id = ?').pluck().get(id)).toBe(amount);
        expect(db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(written.payments.size);
        for (const [id, hash] of written.files)
          expect(db.prepare('SELECT sha256 FROM documents WHERE id = ?').pluck().get(id)).toBe(hash);
        expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(written.files.size);
        expect(db.prepare(`SELECT count(*) FROM staff WHERE code LIKE 'X%'`).pluck().get()).toBe(0);
        const audit = await office.call({ ...owner, via: 'cli' }, 'archive.audit', { rehash: true });
        expect(audit.ok && (audit.value as AuditReport).findings).toEqual([]);
        expect(fs.readdirSync(path.join(office.archiveRoot(), '.staging'))).toEqual([]);
      } finally {
        await office.close();
      }
    },
    (SECONDS + 240) * 1000,
  );
});
